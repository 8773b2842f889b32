import type { Core } from '@strapi/strapi';
import type { DocumentTextResult, DocumentTextStatus } from './document-text-status';
import type { SearchSync } from './start';

const MEDIA = 'api::media-item.media-item';

interface FileFields {
  url: string;
  hash: string;
  name?: string | null;
  ext?: string | null;
  mime?: string | null;
  size?: number | null;
  updatedAt?: string | null;
}

async function fileOf(
  strapi: Core.Strapi,
  documentId: string,
  status: 'draft' | 'published',
): Promise<{ found: boolean; file: FileFields | null }> {
  const { UPLOAD_FILE_FIELDS } = await import('@dejala/search/document-text/upload-file');
  const entry = (await strapi.documents(MEDIA).findOne({
    documentId,
    status,
    fields: ['documentId'],
    populate: {
      file: { fields: [...UPLOAD_FILE_FIELDS] },
      captions: { fields: [...UPLOAD_FILE_FIELDS] },
    } as never,
  })) as { file?: FileFields | null; captions?: FileFields | null } | null;
  // The file the search reads: a recording's captions, else the file itself.
  return { found: entry !== null, file: entry?.captions ?? entry?.file ?? null };
}

/** The status of the published file's text: read, being read, or why it cannot be. */
export async function documentTextStatus(
  strapi: Core.Strapi,
  sync: SearchSync | null,
  documentId: string,
): Promise<DocumentTextStatus> {
  const { DOCUMENT_TEXT_LIMITS } = await import('@dejala/search/document-text/limits');
  const { isCaptions } = await import('@dejala/search/document-text/upload-file');
  const { maxFileBytes, maxPages, maxCharacters, timeoutMs, maxCaptionsBytes } =
    DOCUMENT_TEXT_LIMITS;
  const base = { limits: { maxFileBytes, maxPages, maxCharacters, timeoutMs, maxCaptionsBytes } };
  if (!sync) return { ...base, state: 'search-off' };
  const [published, draft] = await Promise.all([
    fileOf(strapi, documentId, 'published'),
    fileOf(strapi, documentId, 'draft'),
  ]);
  const sameFile = (a: FileFields | null, b: FileFields | null) =>
    (a?.url ?? null) === (b?.url ?? null) && (a?.updatedAt ?? null) === (b?.updatedAt ?? null);
  const draftFileDiffers = draft.found && published.found && !sameFile(draft.file, published.file);
  if (!published.found) return { ...base, state: 'unpublished', fileName: draft.file?.name };
  const file = published.file;
  if (!file) return { ...base, state: 'no-file', draftFileDiffers };
  const common = { ...base, fileName: file.name, draftFileDiffers };
  const key = sync.texts.keyOf(file);
  if (!key) return { ...common, state: 'not-read' };
  const cached = await sync.texts.lookup(key);
  if (!cached) return { ...common, state: 'pending' };
  const { outcome } = cached;
  const format = isCaptions(file) ? 'captions' : 'pdf';
  const result: DocumentTextResult =
    outcome.status === 'indexed'
      ? {
          status: 'indexed',
          format,
          pageCount: outcome.pageCount,
          cueCount: outcome.cueCount,
          indexedPages: outcome.format === 'pdf' ? outcome.passages.length : undefined,
          stoppedAt: outcome.stoppedAt,
        }
      : {
          status: outcome.status,
          format,
          ...('pageCount' in outcome ? { pageCount: outcome.pageCount } : {}),
        };
  // Read is not searchable yet: the index must hold the item with this text's key.
  const { MEDIA_INDEX_UID } = await import('@dejala/search/media-document');
  const indexed = await sync.client
    .index(MEDIA_INDEX_UID)
    .getDocument<{ textKey?: string; passageCount?: number | null }>(documentId, {
      fields: ['textKey', 'passageCount'],
    })
    .then(
      (document) => (document.textKey ?? '').startsWith(key) && document.passageCount !== null,
      () => false,
    );
  return { ...common, state: indexed ? 'done' : 'indexing', result };
}

/**
 * `GET /dejala/document-text/:documentId` for signed-in admin users: what the search made of
 * the item's file, for the edit view's side panel.
 */
export function registerDocumentTextRoute(
  strapi: Core.Strapi,
  searchSync: () => SearchSync | null,
): void {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/dejala/document-text/:documentId',
        handler: async (ctx: {
          params: { documentId: string };
          body: unknown;
          set: (name: string, value: string) => void;
        }) => {
          ctx.set('cache-control', 'no-store');
          ctx.body = await documentTextStatus(strapi, searchSync(), ctx.params.documentId);
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
