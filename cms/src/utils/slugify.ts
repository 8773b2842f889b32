/**
 * Turns a French title into a URL slug: "L'atelier de dialogue territorial" →
 * "l-atelier-de-dialogue-territorial". Accents are folded, ligatures expanded.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut on a word boundary so a long title does not end mid-word.
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
