import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEDIA_TYPE_VALUES, MEDIA_TYPES } from '../../search/src/media-types.ts';

// The médiathèque's types are defined once (search/src/media-types.ts) for the search, the
// site and the seed; the CMS's content type keeps Strapi's own enumeration. Both must agree.
const cmsSchema = JSON.parse(
  fs.readFileSync(
    new URL('../../cms/src/api/media-item/content-types/media-item/schema.json', import.meta.url),
    'utf8',
  ),
) as { attributes: { type: { enum: string[] } } };

describe('médiathèque types', () => {
  it('are the CMS’s, in the same order', () => {
    expect(MEDIA_TYPE_VALUES).toEqual(cmsSchema.attributes.type.enum);
  });

  it('each have a French label, a schema.org type and a way to be consulted', () => {
    for (const type of Object.values(MEDIA_TYPES)) {
      expect(type.label).toMatch(/^\p{Lu}/u);
      expect(type.schemaOrg).toMatch(/^[A-Z]\w+$/);
      expect(['read', 'watched', 'listened', 'looked']).toContain(type.consulted);
    }
  });
});
