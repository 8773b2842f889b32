import fs from 'node:fs';
import path from 'node:path';

/**
 * Hostile PDFs written byte by byte (no office suite makes them on purpose): many blank
 * pages, deeply nested objects, a page that is only an image (a scan), a damaged file.
 */
function pdfFile(objects: string[]): Buffer {
  let body = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const catalog = '<< /Type /Catalog /Pages 2 0 R >>';
const page = (extra = '') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${extra}>>`;

export function blankPagesPdf(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, index) => `${index + 3} 0 R`).join(' ');
  return pdfFile([
    catalog,
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    ...Array.from({ length: count }, () => page()),
  ]);
}

/** One page whose resources hold an array nested `depth` levels deep. */
export function deeplyNestedPdf(depth: number): Buffer {
  return pdfFile([
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page(`/Resources << /Nested ${'['.repeat(depth)}${']'.repeat(depth)} >> /Contents 4 0 R `),
    '<< /Length 0 >>\nstream\n\nendstream',
  ]);
}

/** One page that draws a grey picture and has no text: what a scanner produces. */
export function imageOnlyPdf(): Buffer {
  const side = 64;
  const pixels = Buffer.alloc(side * side, 0x80).toString('latin1');
  const content = `q 500 0 0 700 50 70 cm /Scan Do Q`;
  return pdfFile([
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page('/Resources << /XObject << /Scan 4 0 R >> >> /Contents 5 0 R '),
    `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${side * side} >>\nstream\n${pixels}\nendstream`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}

/** A real PDF's first bytes followed by garbage: what an interrupted upload leaves. */
export function truncatedPdf(real: Buffer): Buffer {
  return Buffer.concat([
    real.subarray(0, Math.floor(real.length / 3)),
    Buffer.from('\u0000garbage'),
  ]);
}

/** A file of `bytes` bytes that starts like a PDF, written sparse (takes no disk space). */
export function writeOversizedPdf(file: string, bytes: number): void {
  fs.writeFileSync(file, '%PDF-1.7\n');
  fs.truncateSync(file, bytes);
}

/** One hostile file of the document search's tests, and the outcome it must give. */
export interface HostileCase {
  name: string;
  /** Writes the file into `dir` (from the real and the password-protected PDFs given). */
  write(dir: string, sources: { realPdf: string; protectedPdf: string }): string;
  status: RegExp;
  pageCount?: number;
}

const written = (dir: string, name: string, data: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
};

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'a damaged PDF',
    write: (dir, { realPdf }) => written(dir, 'abime.pdf', truncatedPdf(fs.readFileSync(realPdf))),
    status: /^unreadable$/,
  },
  {
    name: 'a password-protected PDF',
    write: (_dir, { protectedPdf }) => protectedPdf,
    status: /^password$/,
  },
  {
    name: 'an image-only (scanned) PDF',
    write: (dir) => written(dir, 'scan.pdf', imageOnlyPdf()),
    status: /^no-text$/,
    pageCount: 1,
  },
  {
    name: 'a PDF of 5,000 blank pages',
    write: (dir) => written(dir, 'blanc.pdf', blankPagesPdf(5000)),
    status: /^no-text$/,
    pageCount: 5000,
  },
  {
    name: 'a PDF with deeply nested objects',
    write: (dir) => written(dir, 'imbrique.pdf', deeplyNestedPdf(200_000)),
    // pdf.js gives up (stack exhausted) or the child process is stopped: either way, no text.
    status: /^(unreadable|too-complex)$/,
  },
  {
    name: 'a 150 MB PDF',
    write: (dir) => {
      const file = path.join(dir, 'enorme.pdf');
      writeOversizedPdf(file, 150 * 1024 * 1024);
      return file;
    },
    status: /^too-large$/,
  },
];
