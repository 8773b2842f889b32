// How a failed build tells the site server which entry stopped it: a JSON file whose path the
// server gives each build. Imported by the site server too (Node, no bundler).
import fs from 'node:fs';
import type { InvalidEntry } from '@dejala/search/site-status';

/** The variable that names the file, set by the site server for each build. */
export const INVALID_ENTRY_FILE = 'DEJALA_INVALID_ENTRY_FILE';

/** Writes the entry for the site server to read; a build run by hand has no file and writes nothing. */
export function recordInvalidEntry(
  entry: InvalidEntry,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const file = env[INVALID_ENTRY_FILE];
  if (file) fs.writeFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** The entry a build recorded in `file`, if it recorded one. */
export function readInvalidEntry(file: string): InvalidEntry | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as InvalidEntry;
}
