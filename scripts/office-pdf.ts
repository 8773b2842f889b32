// French PDFs made by a real office suite, for tests, the synthetic seed and benchmarks:
// pages of text are written as a flat OpenDocument file (justified, hyphenated French in a
// font with ligatures, a running header and a numbered footer) and converted by LibreOffice
// (`soffice --headless --convert-to pdf`). Each given page starts on a new sheet, so a
// sentence placed on page 7 is on page 7 of the PDF as long as each page fits on one sheet.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OfficeDocument {
  /** File name without extension. */
  name: string;
  title: string;
  /** Running header text. */
  header: string;
  /** Each page: its paragraphs (≈ 300 words fit on an A4 sheet). */
  pages: string[][];
}

/** The LibreOffice executable, or undefined when it is not installed. */
export function findSoffice(): string | undefined {
  for (const candidate of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A flat OpenDocument text (.fodt) of the document. */
export function flatOdt(document: OfficeDocument): string {
  const body = document.pages
    .map((paragraphs, index) =>
      paragraphs
        .map(
          (paragraph, position) =>
            `<text:p text:style-name="${index > 0 && position === 0 ? 'NewPage' : 'Body'}">${escapeXml(paragraph)}</text:p>`,
        )
        .join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
  <style:default-style style:family="paragraph">
    <style:text-properties fo:language="fr" fo:country="FR" fo:hyphenate="true"
      fo:font-family="'DejaVu Serif:liga'" fo:font-size="11pt"/>
  </style:default-style>
</office:styles>
<office:automatic-styles>
  <style:style style:name="Body" style:family="paragraph">
    <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
  </style:style>
  <style:style style:name="NewPage" style:family="paragraph">
    <style:paragraph-properties fo:break-before="page" fo:text-align="justify" fo:margin-bottom="0.2cm"/>
  </style:style>
  <style:page-layout style:name="A4">
    <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
      fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
    <style:header-style/><style:footer-style/>
  </style:page-layout>
</office:automatic-styles>
<office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
    <style:header><text:p>${escapeXml(document.header)}</text:p></style:header>
    <style:footer><text:p>Déjà-là — page <text:page-number text:select-page="current"/></text:p></style:footer>
  </style:master-page>
</office:master-styles>
<office:body><office:text>
<text:h text:outline-level="1">${escapeXml(document.title)}</text:h>
${body}
</office:text></office:body>
</office:document>
`;
}

/**
 * Writes each document as a PDF in `outDir` (one LibreOffice run for all of them) and
 * returns the PDFs' paths in the same order.
 */
export async function writeOfficePdfs(
  documents: OfficeDocument[],
  outDir: string,
  options: { openPassword?: string } = {},
): Promise<string[]> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      'LibreOffice is not installed: apt-get install libreoffice-writer-nogui (makes the test PDFs).',
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-office-'));
  try {
    const sources = documents.map((document) => {
      const file = path.join(work, `${document.name}.fodt`);
      fs.writeFileSync(file, flatOdt(document));
      return file;
    });
    fs.mkdirSync(outDir, { recursive: true });
    // LibreOffice's PDF export options (JSON form, LibreOffice 7.4+): a password to open.
    const filter = options.openPassword
      ? `pdf:writer_pdf_Export:${JSON.stringify({
          EncryptFile: { type: 'boolean', value: 'true' },
          DocumentOpenPassword: { type: 'string', value: options.openPassword },
        })}`
      : 'pdf';
    // Its own profile folder: no lock shared with another LibreOffice running meanwhile.
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        ...sources,
      ],
      { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return documents.map((document) => {
      const pdf = path.join(outDir, `${document.name}.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
      return pdf;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
