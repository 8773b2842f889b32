import fs from 'node:fs';
import path from 'node:path';

/**
 * What must hold before a build goes live: every published entry has its page, and no
 * secret value appears anywhere in the build (static files and server bundle alike).
 * Returns the problems found, in English for the operator's log and the build status.
 */
export function checkRelease(
  releaseDir: string,
  expectedPaths: string[],
  secrets: string[],
): string[] {
  const problems: string[] = [];
  const clientDir = path.join(releaseDir, 'client');
  const missing = expectedPaths.filter(
    (urlPath) => !fs.existsSync(path.join(clientDir, decodeURIComponent(urlPath), 'index.html')),
  );
  if (missing.length > 0) {
    problems.push(
      `${missing.length} published entries have no page: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  }
  const needles = secrets
    .filter((secret) => secret.length >= 16)
    .map((secret) => Buffer.from(secret));
  for (const name of fs.readdirSync(releaseDir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(releaseDir, name);
    if (!fs.statSync(file).isFile()) continue;
    const content = fs.readFileSync(file);
    if (needles.some((needle) => content.includes(needle))) {
      problems.push(`a secret value appears in ${name}`);
    }
  }
  return problems;
}
