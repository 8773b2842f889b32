// The rules of the site's schemas that say more than a field's type: each once, with what an
// operator reads in the build log (English) and what an editor reads under the field in the
// admin (French). The schemas name the rule on the issue; entry-rules.ts turns it into words.
import { z } from 'zod';
import { safeLink } from '../safe-url.js';
import { RESERVED_MEDIA_SEGMENTS, RESERVED_SEGMENTS } from '../site-urls.js';

export const SITE_RULES = {
  imageAlternative: {
    operators: 'is missing (text alternative of an image)',
    editors:
      'Une image n’a pas de texte alternatif : renseignez-le sur l’image, dans la médiathèque des fichiers.',
  },
  linkProtocol: {
    operators: 'is not a link the site can open (http, https, mailto or tel)',
    editors:
      'Ce lien ne peut pas être ouvert depuis le site : utilisez une adresse web (https://…), mailto: ou tel:.',
  },
  reservedSlug: {
    operators: 'is an address the site uses itself; choose another slug',
    editors:
      'Cette adresse est déjà celle d’une rubrique du site (offres, formations, médiathèque…) : choisissez un autre slug.',
  },
  blank: {
    operators: 'is empty',
    editors: 'Ce champ ne peut pas être vide.',
  },
  unknownBlock: {
    operators: 'is not a known block type',
    editors:
      'Ce texte contient un élément que le site ne sait pas afficher : retirez-le ou remplacez-le par un paragraphe.',
  },
} as const;
export type SiteRuleName = keyof typeof SITE_RULES;

/** zod's refine options for a rule: the operators' message, and the rule named on the issue. */
export const breaks = (rule: SiteRuleName) => ({
  error: SITE_RULES[rule].operators,
  params: { rule },
});

/** A text a page shows as a heading or a name: absent or blank, the page has none. */
export const nonBlank = z.string().refine((value) => value.trim() !== '', breaks('blank'));

const opensSafely = (url: string) => safeLink(url) !== null;

/** The address of a link inside rich text: one a visitor's browser can open safely. */
export const linkUrl = z.string().refine(opensSafely, breaks('linkProtocol'));

/** A link an editor typed in a field of its own, optional: the same rule when filled. */
export const editorLink = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null)
  .refine((value) => value === null || opensSafely(value), breaks('linkProtocol'));

/** The slug of a free page, published at the site's root: not one of the site's own addresses. */
export const freePageSlug = z
  .string()
  .refine((slug) => !RESERVED_SEGMENTS.includes(slug), breaks('reservedSlug'));

/** The slug of a médiathèque item: not one of the médiathèque's own addresses (its search…). */
export const mediaItemSlug = z
  .string()
  .refine((slug) => !RESERVED_MEDIA_SEGMENTS.includes(slug), breaks('reservedSlug'));

/** The text alternative of an image inside rich text: the image carries information. */
export const imageAlternative = z
  .string()
  .nullish()
  .refine((value) => Boolean(value?.trim()), breaks('imageAlternative'))
  .transform((value) => value?.trim() ?? '');
