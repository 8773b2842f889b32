import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TYPE_LABELS } from '../../search/src/media-document.ts';
import { MEDIA_TYPES } from '../../site/src/schemas/media-item.ts';

// The médiathèque's types are defined by the CMS's content type and repeated where each
// package needs them: a type added in the CMS must be added everywhere, or it is caught here.
const cmsSchema = JSON.parse(
  fs.readFileSync(
    new URL('../../cms/src/api/media-item/content-types/media-item/schema.json', import.meta.url),
    'utf8',
  ),
) as { attributes: { type: { enum: string[] } } };
const cmsTypes = [...cmsSchema.attributes.type.enum].sort();

describe('médiathèque types', () => {
  it('are the same in the CMS, the site and the search index', () => {
    expect([...MEDIA_TYPES].sort()).toEqual(cmsTypes);
    expect(Object.keys(TYPE_LABELS).sort()).toEqual(cmsTypes);
  });

  it('each have a schema.org type on the item page', () => {
    const page = fs.readFileSync(
      new URL('../../site/src/pages/mediatheque/[slug]/index.astro', import.meta.url),
      'utf8',
    );
    const mapping = /const schemaType = \{([^}]*)\}\[item\.type\]/.exec(page)?.[1] ?? '';
    const mapped = [...mapping.matchAll(/^\s*([^\s:]+):/gm)].map((match) => match[1]).sort();
    expect(mapped).toEqual(cmsTypes);
  });
});
