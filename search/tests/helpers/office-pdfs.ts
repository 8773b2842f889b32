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
