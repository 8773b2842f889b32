/**
 * Run by tsx against a CMS database (upload-service.test.ts): hands the upload service an SVG
 * named `dessin.png` the way the media library's import from an address does (no form, so no
 * middleware sees it), and prints the refusal and the files stored afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeStrapi, loadStrapi } from '../../scripts/load-strapi';

async function main(): Promise<void> {
  const strapi = await loadStrapi();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-upload-'));
  try {
    const filepath = path.join(dir, 'dessin.png');
    fs.writeFileSync(
      filepath,
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    let refusal: string | null = null;
    try {
      await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: 'dessin.png' } },
          files: {
            filepath,
            originalFilename: 'dessin.png',
            mimetype: 'image/png',
            size: fs.statSync(filepath).size,
          },
        });
    } catch (error) {
      refusal = (error as Error).message;
    }
    const stored = await strapi.db.query('plugin::upload.file').count();
    console.log(JSON.stringify({ refusal, stored }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await closeStrapi(strapi);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
