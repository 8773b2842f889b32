import fs from 'node:fs';
import type { Core } from '@strapi/strapi';

/** Puts a file on disk into the media library, as an editor's upload would; returns its id. */
export async function uploadFile(
  strapi: Core.Strapi,
  filepath: string,
  name: string,
  mimetype: string,
): Promise<number> {
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: {},
      files: { filepath, originalFilename: name, mimetype, size: fs.statSync(filepath).size },
    })) as Array<{ id: number }>;
  return file!.id;
}
