import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { activeContentOf, refusalMessage } from './active-content';

/** A file as the upload service receives it (parsed from a form, or fetched from a URL). */
interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
}

/** The first 4 KiB of a file: enough for every signature and text start checked. */
async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Throws the editors' message (a 400) for the first file that carries active content. */
export async function refuseActiveContent(
  files: IncomingFile | IncomingFile[] | undefined,
): Promise<void> {
  for (const file of [files ?? []].flat()) {
    const name = file.originalFilename ?? file.name ?? '';
    const head = file.filepath ? await readHead(file.filepath) : Buffer.alloc(0);
    const kind = activeContentOf(head, name, file.mimetype ?? '');
    if (kind) throw new errors.ValidationError(refusalMessage(name, kind));
  }
}

/**
 * Files fetched from a URL by the media library reach the upload service's `upload` without a
 * form (`global::refuse-active-uploads` checks forms, before Strapi's own checks answer in
 * English): `upload` and `replace` refuse active content before anything is stored.
 */
export function refuseActiveUploads(strapi: Core.Strapi): void {
  const service = strapi.plugin('upload').service('upload') as {
    upload(input: { files: IncomingFile | IncomingFile[] }, ...rest: unknown[]): Promise<unknown>;
    replace(id: unknown, input: { file: IncomingFile }, ...rest: unknown[]): Promise<unknown>;
  };
  const { upload, replace } = service;
  service.upload = async (input, ...rest) => {
    await refuseActiveContent(input.files);
    return upload.call(service, input, ...rest);
  };
  service.replace = async (id, input, ...rest) => {
    await refuseActiveContent(input.file);
    return replace.call(service, id, input, ...rest);
  };
}
