import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadUpload } from './upload-file.js';

/**
 * Gives the extraction a path for each upload: the file itself under the CMS's public folder
 * for local uploads (`/uploads/…`) when `publicDir` is known (the CMS), else a temporary
 * download from `baseUrl` (`npm run reindex`, or uploads kept by a remote provider).
 */
export function uploadReader(options: { publicDir?: string; baseUrl?: string }): ReadUpload {
  return async (file) => {
    const remote = /^https?:\/\//i.test(file.url);
    if (!remote && options.publicDir) {
      const root = path.resolve(options.publicDir);
      const local = path.resolve(root, `.${file.url}`);
      if (!local.startsWith(root + path.sep))
        throw new Error(`upload URL outside the public folder: ${file.url}`);
      return { path: local, release: async () => {} };
    }
    if (!remote && !options.baseUrl) throw new Error(`no address to download ${file.url} from`);
    const response = await fetch(remote ? file.url : new URL(file.url, options.baseUrl), {
      signal: AbortSignal.timeout(300_000),
    });
    if (!response.ok || !response.body) throw new Error(`download answered ${response.status}`);
    const temporary = path.join(os.tmpdir(), `dejala-upload-${randomBytes(8).toString('hex')}`);
    await pipeline(
      Readable.fromWeb(response.body as never),
      fs.createWriteStream(temporary, { mode: 0o600 }),
    );
    return { path: temporary, release: () => fs.promises.rm(temporary, { force: true }) };
  };
}
