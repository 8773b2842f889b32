/** Strapi's nested `populate` object: `true`, or the fields to keep and relations to go into. */
export type Populate = {
  readonly [field: string]:
    true | { readonly fields?: readonly string[]; readonly populate?: Populate };
};

/**
 * The populate object as REST query parameters in Strapi's bracket notation
 * (`populate[themes][fields][0]=name`, `populate[seo][populate][shareImage]=true`).
 */
export function populateParameters(
  populate: Populate,
  prefix = 'populate',
): Array<[string, string]> {
  return Object.entries(populate).flatMap(([field, rule]): Array<[string, string]> => {
    const key = `${prefix}[${field}]`;
    if (rule === true || (!rule.fields && !rule.populate)) return [[key, 'true']];
    return [
      ...(rule.fields ?? []).map((name, index): [string, string] => [
        `${key}[fields][${index}]`,
        name,
      ]),
      ...(rule.populate ? populateParameters(rule.populate, `${key}[populate]`) : []),
    ];
  });
}
