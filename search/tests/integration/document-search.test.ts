import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentTexts, type DocumentTexts } from '../../src/document-text/document-texts.js';
import { ExtractionStoppedError, type ExtractionLimits } from '../../src/document-text/extract.js';
import { DOCUMENT_TEXT_LIMITS } from '../../src/document-text/limits.js';
import { uploadReader } from '../../src/document-text/read-upload.js';
import type { UploadFile } from '../../src/document-text/upload-file.js';
import { findDrift } from '../../src/drift.js';
import { matchedPassage } from '../../src/matched-passage.js';
import { MEDIA_INDEX_UID, type MediaEntry } from '../../src/media-document.js';
import { ensureMediaIndex } from '../../src/media-index.js';
import { createMediaSearch, type MediaSearchResponse } from '../../src/media-search.js';
import { ensureSearchKey } from '../../src/search-key.js';
import { HIGHLIGHT_START } from '../../src/search-request.js';
import { syncMediaDocuments, type EntryText } from '../../src/sync.js';
import { succeeded } from '../../src/tasks.js';
import { HOSTILE_CASES } from '../helpers/hostile-pdfs.js';
import { useMeili } from '../helpers/meili.js';
import { findSoffice, officeReports, testReports } from '../helpers/office-pdfs.js';

const LAST_PAGE = 'Le mot de la fin revient aux lavandiers du plateau de Sault.';

// Without LibreOffice these tests are skipped on a workstation, never in CI (.ci/run installs it).
describe.skipIf(!findSoffice() && !process.env.CI)(
  'médiathèque search in the documents’ own text',
  () => {
    const meili = useMeili();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-documents-'));
    const publicDir = path.join(work, 'public');
    const cacheDir = path.join(work, 'text-cache');
    const reads: string[] = [];
    let texts: DocumentTexts;
    let search: (query: string) => Promise<MediaSearchResponse>;
    // The CMS as the sync sees it: the published entries.
    const published = new Map<string, MediaEntry>();
    const source = {
      findPublished: async (ids: string[]) =>
        ids.flatMap((id) => (published.has(id) ? [published.get(id)!] : [])),
    };
    const text: EntryText = async (entry) => (entry.file ? texts.read(entry.file) : null);
    const mediaBaseUrl = 'https://cms.example.org';
    const sync = (ids: string[]) =>
      syncMediaDocuments(meili.admin, source, ids, { text, mediaBaseUrl });
    const drift = () => findDrift(meili.admin, [...published.values()], { text, mediaBaseUrl });

    let uploads = 0;
    const upload = (pdf: string, name: string): UploadFile => {
      uploads += 1;
      const stored = `${name}_${uploads}.pdf`;
      fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
      fs.copyFileSync(pdf, path.join(publicDir, 'uploads', stored));
      return {
        url: `/uploads/${stored}`,
        hash: `${name}_${uploads}`,
        ext: '.pdf',
        mime: 'application/pdf',
        size: fs.statSync(pdf).size / 1000,
        updatedAt: new Date(Date.now() + uploads).toISOString(),
        name: `${name}.pdf`,
      };
    };
    const entry = (documentId: string, title: string, file?: UploadFile): MediaEntry => ({
      documentId,
      title,
      slug: documentId,
      type: 'rapport',
      summary: 'Synthèse de la concertation.',
      year: 2024,
      file: file ?? null,
    });
    let pdfs: { seven: string; long: string; replacement: string; password: string };

    beforeAll(async () => {
      const [long] = await officeReports(path.join(work, 'pdf-long'), [
        { name: 'rapport-400-pages', pages: 400, inserts: { 400: LAST_PAGE } },
      ]);
      pdfs = { ...(await testReports(work)), long: long! };
      const readUpload = uploadReader({ publicDir });
      texts = createDocumentTexts({
        cacheDir,
        readUpload: async (file) => {
          reads.push(file.hash);
          return readUpload(file);
        },
      });
      await ensureMediaIndex(meili.admin);
      const mediaSearch = createMediaSearch({
        meiliUrl: meili.server.url,
        searchKey: await ensureSearchKey(meili.admin),
      });
      search = async (query) => {
        const outcome = await mediaSearch(new URLSearchParams(query));
        if (!outcome.ok) throw new Error(`search failed: ${outcome.messageFr}`);
        return outcome.response;
      };
    }, 300_000);

    afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

    it('finds a phrase found only on page 7, with its excerpt and a link that opens page 7', async () => {
      published.set(
        'sept',
        entry('sept', 'Concertation sur le pastoralisme', upload(pdfs.seven, 'sept')),
      );
      published.set('titre', entry('titre', 'Les bergeries du causse'));
      await sync(['sept', 'titre']);

      const result = await search(`q=${encodeURIComponent('transhumances du printemps')}`);
      expect(result.hits.map((hit) => hit.id)).toEqual(['sept-p7']);
      const passage = matchedPassage(result.hits[0] as never);
      expect(passage?.link?.href).toBe('https://cms.example.org/uploads/sept_1.pdf#page=7');
      expect(passage?.excerpt).toContain(`${HIGHLIGHT_START}transhumances`);
      expect(passage?.excerpt.replace(/[\uE000\uE001]/g, '')).toContain(
        'désormais les transhumances du printemps',
      );
    });

    it('ranks a match in a title above a match deep in a document, one hit per item', async () => {
      const result = await search('q=bergeries');
      expect(result.hits.map((hit) => hit.itemId)).toEqual(['titre', 'sept']);
      expect(result.totalHits).toBe(2);
    });

    it('finds a sentence on the last page of a 400-page report (beyond 65,535 words)', async () => {
      published.set('long', entry('long', 'Bilan de la concertation', upload(pdfs.long, 'long')));
      await sync(['long']);
      const cached = await texts.read(published.get('long')!.file!);
      expect(cached && 'outcome' in cached && cached.outcome.status).toBe('indexed');
      const words = (cached as { outcome: { passages: Array<{ text: string }> } }).outcome.passages
        .map((passage) => passage.text.split(/\s+/).length)
        .reduce((sum, count) => sum + count, 0);
      expect(words).toBeGreaterThan(65_535);

      const result = await search(`q=${encodeURIComponent('lavandiers du plateau de Sault')}`);
      expect(result.hits).toHaveLength(1);
      expect(result.hits[0]).toMatchObject({ itemId: 'long', page: 400 });
    });

    it('counts items, never pages, in totals and facets', async () => {
      // A word of the synthetic sentences: on most of the 412 pages indexed.
      const result = await search('q=concertation&hitsPerPage=10');
      expect(result.totalHits).toBe(3);
      expect(result.facetDistribution?.type).toEqual({ rapport: 3 });
      expect(new Set(result.hits.map((hit) => hit.itemId)).size).toBe(result.hits.length);
    });

    it('reads each file once: a resync and a new reader on the same cache extract nothing', async () => {
      const before = reads.length;
      await sync(['sept', 'long']);
      const again = createDocumentTexts({
        cacheDir,
        readUpload: async () => {
          throw new Error('read a cached file');
        },
      });
      const cached = await again.read(published.get('long')!.file!);
      expect(cached).toMatchObject({ cached: true, outcome: { status: 'indexed' } });
      expect(reads.length).toBe(before);
    });

    it('replaces the old file’s text with the new one’s, and unpublishing removes both', async () => {
      published.set(
        'sept',
        entry('sept', 'Concertation sur le pastoralisme', upload(pdfs.replacement, 'sept')),
      );
      await sync(['sept']);
      expect((await search(`q=${encodeURIComponent('transhumances du printemps')}`)).hits).toEqual(
        [],
      );
      const found = await search(`q=${encodeURIComponent('garrigue des Matelles')}`);
      expect(found.hits.map((hit) => [hit.itemId, hit.page])).toEqual([['sept', 2]]);
      expect(await drift()).toEqual({
        missing: [],
        extra: [],
        stale: [],
      });

      published.delete('sept');
      await sync(['sept']);
      const left = await meili.admin
        .index(MEDIA_INDEX_UID)
        .getDocuments({ filter: 'itemId = "sept"', limit: 10 });
      expect(left.total).toBe(0);
    });

    it('keeps a typed transcript’s passages beside the file’s, and replaces them when it changes', async () => {
      const transcript = (words: string) => [
        { type: 'paragraph', children: [{ type: 'text', text: words }] },
      ];
      const withTranscript = (words: string): MediaEntry => ({
        ...entry('transcrit', 'Entretien transcrit', upload(pdfs.replacement, 'transcrit')),
        transcript: transcript(words),
      });
      published.set('transcrit', withTranscript('Les oliveraies de Clermont-l’Hérault.'));
      await sync(['transcrit']);
      await sync(['transcrit']);
      const kinds = async () =>
        (
          await meili.admin
            .index(MEDIA_INDEX_UID)
            .getDocuments({ filter: 'itemId = "transcrit"', fields: ['kind'], limit: 50 })
        ).results
          .map((document) => String(document.kind))
          .sort();
      expect(await kinds()).toEqual(['item', 'page', 'page', 'page', 'transcript']);
      expect((await search('q=oliveraies')).hits.map((hit) => hit.kind)).toEqual(['transcript']);

      published.set('transcrit', {
        ...published.get('transcrit')!,
        transcript: transcript('Les amandiers du Pic Saint-Loup.'),
      });
      await sync(['transcrit']);
      expect((await search('q=oliveraies')).hits).toEqual([]);
      expect((await search('q=amandiers')).hits.map((hit) => hit.itemId)).toEqual(['transcrit']);
      expect(await kinds()).toEqual(['item', 'page', 'page', 'page', 'transcript']);
      expect((await drift()).stale).toEqual([]);
    });

    it('reports a passage removed behind its back, or left from another file, as drift', async () => {
      const index = meili.admin.index(MEDIA_INDEX_UID);
      await succeeded(index.deleteDocument('long-p12'));
      expect((await drift()).stale).toEqual(['long']);
      await sync(['long']);
      await succeeded(
        index.addDocuments([
          { id: 'titre-p1', itemId: 'titre', kind: 'page', textKey: 'old', page: 1, text: 'x' },
        ]),
      );
      expect((await drift()).stale).toEqual(['titre']);
      await sync(['titre']);
      expect((await drift()).stale).toEqual([]);
    });

    describe('hostile files: an outcome for each, and the calling process stays responsive', () => {
      it.each(HOSTILE_CASES)('$name', async ({ write, status }) => {
        const file = write(work, { realPdf: pdfs.seven, protectedPdf: pdfs.password });
        const reader = createDocumentTexts({
          cacheDir,
          readUpload: async () => ({ path: file, release: async () => {} }),
        });
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        const result = await reader.read({
          url: '/uploads/x.pdf',
          hash: path.basename(file),
          mime: 'application/pdf',
          size: fs.statSync(file).size / 1000,
          updatedAt: new Date().toISOString(),
        });
        delay.disable();
        expect(result && 'outcome' in result && result.outcome.status).toMatch(status);
        // Parsing happens in the child: this process's event loop never waited a second.
        expect(delay.max / 1e6).toBeLessThan(1000);
      });

      it('stops a reading when told (the CMS shutting down), and caches nothing for it', async () => {
        const controller = new AbortController();
        const reader = createDocumentTexts({
          cacheDir: path.join(work, 'cache-stopped'),
          readUpload: async () => ({ path: pdfs.long, release: async () => {} }),
          signal: controller.signal,
        });
        const file = { url: '/uploads/long.pdf', hash: 'stopped', mime: 'application/pdf' };
        const reading = reader.read(file);
        setTimeout(() => controller.abort(), 100);
        await expect(reading).rejects.toThrow(ExtractionStoppedError);
        expect(await reader.lookup(reader.keyOf(file)!)).toBeNull();
      });

      it('stops at the time limit, the heap limit and the page limit, and says which', async () => {
        const limited = (limits: Partial<ExtractionLimits>) =>
          createDocumentTexts({
            cacheDir: path.join(work, `cache-${Object.keys(limits).join('-')}`),
            readUpload: async () => ({ path: pdfs.long, release: async () => {} }),
            limits: { ...DOCUMENT_TEXT_LIMITS, ...limits },
          }).read({ url: '/uploads/long.pdf', hash: 'long', mime: 'application/pdf' });
        expect(await limited({ timeoutMs: 50 })).toMatchObject({
          outcome: { status: 'too-complex' },
        });
        expect(await limited({ heapMegabytes: 8 })).toMatchObject({
          outcome: { status: 'too-complex' },
        });
        expect(await limited({ maxPages: 5 })).toMatchObject({
          outcome: {
            status: 'indexed',
            pageCount: 400,
            stoppedAt: { limit: 'pages', lastPage: 5 },
          },
        });
      });
    });
  },
);
