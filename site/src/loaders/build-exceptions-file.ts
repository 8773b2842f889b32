// How a build tells the site server which entries it could not render: JSON lines in a file
// whose path the server gives each build. Imported by the site server too (Node, no bundler).
import fs from 'node:fs';
import type { InvalidEntry } from '@dejala/search/site-status';

/** The variable that names the file, set by the site server for each build. */
export const BUILD_EXCEPTIONS_FILE = 'DEJALA_BUILD_EXCEPTIONS_FILE';

/** Adds an entry for the site server to read; a build run by hand has no file and writes nothing. */
export function recordBuildException(
  entry: InvalidEntry,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const file = env[BUILD_EXCEPTIONS_FILE];
  if (file) fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** The entries a build recorded in `file`, each once. */
export function readBuildExceptions(file: string): InvalidEntry[] {
  if (!fs.existsSync(file)) return [];
  const byEntry = new Map<string, InvalidEntry>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as InvalidEntry;
    byEntry.set(`${entry.type}/${entry.documentId}`, entry);
  }
  return [...byEntry.values()];
}
