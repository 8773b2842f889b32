// What search engines require of each schema.org type the site emits (Google's structured
// data rules, and schema.org's for the types without a rich result): the table the
// end-to-end suite checks every JSON-LD block of every template against.

/** Per type, its required properties; `a|b` when either will do. */
export const REQUIRED_PROPERTIES: Record<string, string[]> = {
  Organization: ['name', 'url'],
  Article: ['headline', 'dateModified'],
  Report: ['headline', 'dateModified'],
  VideoObject: ['name', 'thumbnailUrl', 'uploadDate', 'embedUrl|contentUrl'],
  PodcastEpisode: ['name', 'url'],
  Photograph: ['name', 'url'],
  CreativeWork: ['name', 'url'],
  Course: ['name', 'description', 'provider'],
  CourseInstance: ['courseMode', 'startDate', 'location'],
  Offer: ['category', 'price', 'priceCurrency'],
  BreadcrumbList: ['itemListElement'],
  ListItem: ['position', 'name'],
  Place: ['name'],
  VirtualLocation: ['url'],
  Person: ['name'],
  Audience: ['audienceType'],
  AudioObject: ['contentUrl'],
};

const DATE_PROPERTIES = ['datePublished', 'dateModified', 'uploadDate', 'startDate', 'endDate'];

/** What is wrong with a JSON-LD block, as `Type.property: problem` lines (none: it is sound). */
export function structuredDataProblems(block: unknown, where = ''): string[] {
  if (Array.isArray(block))
    return block.flatMap((value, index) => structuredDataProblems(value, `${where}[${index}]`));
  if (typeof block === 'string')
    return /compl[ée]ter/i.test(block) ? [`${where}: a placeholder, "${block}"`] : [];
  if (!block || typeof block !== 'object') return [];
  const data = block as Record<string, unknown>;
  const problems: string[] = [];
  const type = data['@type'];
  if (typeof type === 'string') {
    const required = REQUIRED_PROPERTIES[type];
    if (!required) problems.push(`${where}${type}: a type the table does not know`);
    for (const property of required ?? []) {
      const present = property.split('|').some((name) => data[name] !== undefined);
      if (!present) problems.push(`${where}${type}.${property}: missing`);
    }
    for (const property of DATE_PROPERTIES) {
      const value = data[property];
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(String(value)))
        problems.push(`${where}${type}.${property}: not a full date, "${String(value)}"`);
    }
  }
  for (const [property, value] of Object.entries(data))
    problems.push(...structuredDataProblems(value, `${where}${String(type ?? '')}.${property} → `));
  return problems;
}
