import fs from 'node:fs';
import path from 'node:path';

/**
 * What must hold before a release goes live: every published entry has its page, and no
 * secret value appears anywhere in it.
 * Returns the problems found, in English for the operator's log and the build status.
 */
export function checkRelease(
  releaseDir: string,
  expectedPaths: string[],
  secrets: string[],
  /** The files to search for secrets (relative paths): the new ones; all when absent. */
  newFiles?: string[],
): string[] {
  const problems: string[] = [];
  const missing = expectedPaths.filter(
    (urlPath) => !fs.existsSync(path.join(releaseDir, decodeURIComponent(urlPath), 'index.html')),
  );
  if (missing.length > 0) {
    problems.push(
      `${missing.length} published entries have no page: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  }
  const needles = secrets
    .filter((secret) => secret.length >= 16)
    .map((secret) => Buffer.from(secret));
  const names = newFiles ?? fs.readdirSync(releaseDir, { recursive: true, encoding: 'utf8' });
  for (const name of names) {
    const file = path.join(releaseDir, name);
    if (!fs.statSync(file).isFile()) continue;
    const content = fs.readFileSync(file);
    if (needles.some((needle) => content.includes(needle))) {
      problems.push(`a secret value appears in ${name}`);
    }
  }
  return problems;
}
