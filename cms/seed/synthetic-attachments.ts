import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { mediaType } from '@dejala/search/media-types';
import { writeOfficePdfs } from '../../scripts/office-pdf.ts';
import type { SeedEntry } from './import';
import { createRandom } from './random';
import { SENTENCES } from './synthetic';
import { syntheticDocumentPages } from './synthetic-documents';
import { uploadFile } from './upload-file';

export interface AttachmentOptions {
  /** Share (0–1) of the new items that get a document (reports, publications) or captions. */
  share: number;
  /** Pages of each generated PDF. */
  pages: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

// Distinct PDFs written by LibreOffice; each item still gets its own upload of one of them.
const MAX_DISTINCT_PDFS = 200;

/** Captions of a synthetic recording: a cue every few seconds from the seed's sentences. */
function syntheticCaptions(seed: number, minutes: number): string {
  const random = createRandom(seed);
  const stamp = (seconds: number) =>
    `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
  const cues: string[] = [];
  for (let start = 1; start < Math.min(minutes, 30) * 60; start += random.int(4, 9)) {
    cues.push(`${stamp(start)} --> ${stamp(start + 3)}\n${random.pick(SENTENCES)}`);
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/**
 * Gives a share of the synthetic items what the document search reads: a PDF of `pages`
 * pages made by LibreOffice for written items, a WebVTT captions file for recordings. Only
 * items not in the CMS yet are given one (their uploads would otherwise be orphans).
 * Returns how many PDFs and captions files were attached.
 */
export async function attachSyntheticDocuments(
  strapi: Core.Strapi,
  entries: SeedEntry[],
  existingSlugs: Set<string>,
  options: AttachmentOptions,
): Promise<{ pdfs: number; captions: number }> {
  const random = createRandom(options.seed * 7919 + 17);
  const chosen = entries.filter(
    (entry) => !existingSlugs.has(entry.slug) && random.next() < options.share,
  );
  const consulted = (entry: SeedEntry) => mediaType(String(entry.type))?.consulted;
  const written = chosen.filter((entry) => consulted(entry) === 'read');
  const recorded = chosen.filter((entry) =>
    ['watched', 'listened'].includes(consulted(entry) ?? ''),
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-seed-documents-'));
  try {
    const distinct = Math.min(written.length, MAX_DISTINCT_PDFS);
    const pdfs =
      distinct > 0
        ? await writeOfficePdfs(
            Array.from({ length: distinct }, (_, index) => ({
              name: `rapport-synthetique-${options.seed}-${index + 1}`,
              title: String(written[index]!.title),
              header: 'Déjà-là — dialogue territorial',
              pages: syntheticDocumentPages(options.seed * 100_003 + index, options.pages),
            })),
            work,
          )
        : [];
    const total = written.length + recorded.length;
    let done = 0;
    for (const [index, entry] of written.entries()) {
      entry.file = await uploadFile(
        strapi,
        pdfs[index % pdfs.length]!,
        `${entry.slug}.pdf`,
        'application/pdf',
      );
      options.onProgress?.((done += 1), total);
    }
    for (const [index, entry] of recorded.entries()) {
      const file = path.join(work, `${entry.slug}.vtt`);
      fs.writeFileSync(
        file,
        syntheticCaptions(options.seed * 31 + index, Number(entry.durationMinutes ?? 10)),
      );
      entry.captions = await uploadFile(strapi, file, `${entry.slug}.vtt`, 'text/vtt');
      options.onProgress?.((done += 1), total);
    }
    return { pdfs: written.length, captions: recorded.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
