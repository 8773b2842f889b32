// The extraction child process: reads one file's text and writes the outcome as JSON on
// stdout. Started by extract.ts with a heap limit and killed past a time limit, so a hostile
// file can only take this process down, never the CMS.
import { readPdfText } from './pdf-text.js';

const [file = '', limitsJson = '{}'] = process.argv.slice(2);
readPdfText(file, JSON.parse(limitsJson) as { maxPages: number; maxCharacters: number })
  .then((outcome) => {
    process.stdout.write(JSON.stringify(outcome));
  })
  .catch((error: unknown) => {
    process.stdout.write(JSON.stringify({ status: 'unreadable', detail: String(error) }));
  });
