import fs from 'node:fs';
import { releaseFileOf } from '../src/content/site-paths.ts';
import type { ReleaseFiles } from './release-files.ts';

/**
 * What must hold before a release goes live: every published entry has its page, and no
 * secret value appears anywhere in it.
 * Returns the problems found, in English for the operator's log and the build status.
 */
export function checkRelease(
  files: ReleaseFiles,
  expectedPaths: string[],
  secrets: string[],
  /** The files to search for secrets: those new in this release (all of them when absent). */
  newFiles: Iterable<string> = files.keys(),
): string[] {
  const problems: string[] = [];
  const missing = expectedPaths.filter((urlPath) => !files.has(releaseFileOf(urlPath)));
  if (missing.length > 0) {
    problems.push(
      `${missing.length} published entries have no page: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  }
  const needles = secrets
    .filter((secret) => secret.length >= 16)
    .map((secret) => Buffer.from(secret));
  for (const name of newFiles) {
    const content = fs.readFileSync(files.get(name)!);
    if (needles.some((needle) => content.includes(needle))) {
      problems.push(`a secret value appears in ${name}`);
    }
  }
  return problems;
}
