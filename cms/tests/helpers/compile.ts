import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CMS_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Compiles the search package and the CMS with tsc (what `strapi start` runs from dist/).
 * The CMS loads the search package's build (search/dist) at run time, so search comes first.
 */
export function compileSearchAndCms(): void {
  const require = createRequire(path.join(CMS_DIR, 'package.json'));
  const tsc = require.resolve('typescript/bin/tsc');
  for (const folder of [path.join(CMS_DIR, '..', 'search'), CMS_DIR]) {
    execFileSync(process.execPath, [tsc, '-p', path.join(folder, 'tsconfig.json')], {
      stdio: 'inherit',
    });
  }
}
