/** Public URL of a médiathèque item's page, as fixed by the site's URL contract. */
export function mediaItemPath(slug: string): string {
  return `/mediatheque/${encodeURIComponent(slug)}/`;
}
