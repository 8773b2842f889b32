import path from 'node:path';
import { syntheticDocumentPages } from '../../../cms/seed/synthetic-documents.ts';
import { findSoffice, writeOfficePdfs } from '../../../scripts/office-pdf.ts';

export { findSoffice };

/**
 * Realistic French reports made by LibreOffice for the document-search tests: synthetic pages
 * (the seed's sentences) with a given sentence on a given page.
 */
export function officeReports(
  outDir: string,
  reports: Array<{ name: string; pages: number; inserts?: Record<number, string> }>,
  options: { openPassword?: string } = {},
): Promise<string[]> {
  return writeOfficePdfs(
    reports.map((report, index) => ({
      name: report.name,
      title: `Rapport de concertation n° ${index + 1}`,
      header: 'Déjà-là — dialogue territorial · rapport de concertation',
      pages: syntheticDocumentPages(index + 1, report.pages, report.inserts),
    })),
    outDir,
    options,
  );
}

// A sentence found only on page 7 of the 12-page report, and one of its replacement's page 2:
// the tests search for words of them.
const PAGE_7 = 'Les bergeries cévenoles accueillent désormais les transhumances du printemps.';
const REPLACEMENT = 'La garrigue des Matelles abrite une flore remarquable.';

/** The reports of the document-search tests: 12 pages, its 3-page replacement, a protected one. */
export async function testReports(
  dir: string,
): Promise<{ seven: string; replacement: string; password: string }> {
  const [seven, replacement] = await officeReports(path.join(dir, 'pdf'), [
    { name: 'rapport-12-pages', pages: 12, inserts: { 7: PAGE_7 } },
    { name: 'rapport-remplacement', pages: 3, inserts: { 2: REPLACEMENT } },
  ]);
  const [password] = await officeReports(
    path.join(dir, 'pdf-protected'),
    [{ name: 'rapport-protege', pages: 2 }],
    { openPassword: 'secret' },
  );
  return { seven: seven!, replacement: replacement!, password: password! };
}
