import type { FacetParam, MediaFacets, MediaSearchState } from './media-search-types';

const FACET_GROUPS: Array<{ param: FacetParam; attribute: keyof MediaFacets; legend: string }> = [
  { param: 'type', attribute: 'type', legend: 'Type' },
  { param: 'theme', attribute: 'themes', legend: 'Thèmes' },
  { param: 'territory', attribute: 'territories', legend: 'Territoires' },
  { param: 'year', attribute: 'year', legend: 'Année' },
];

/** A facet's values with their counts; a selected value the results no longer have stays, at 0. */
function facetEntries(
  counts: Record<string, number>,
  selected: string[],
  param: FacetParam,
): Array<[string, number]> {
  const entries = Object.entries(counts);
  for (const value of selected) if (!(value in counts)) entries.push([value, 0]);
  return param === 'year'
    ? entries.sort((a, b) => b[0].localeCompare(a[0]))
    : entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'));
}

interface Props {
  facets: MediaFacets;
  search: MediaSearchState;
  typeLabels: Record<string, string>;
  onToggle: (param: FacetParam, value: string, checked: boolean) => void;
}

/** The checkboxes that filter the results (type, themes, territories, year), with counts. */
export function FacetFilters({ facets, search, typeLabels, onToggle }: Props) {
  return (
    <div className="facets">
      <h2 className="facets-title">Filtrer</h2>
      {FACET_GROUPS.map(({ param, attribute, legend }) => {
        const entries = facetEntries(facets[attribute] ?? {}, search[param], param);
        if (entries.length === 0) return null;
        return (
          <fieldset key={param}>
            <legend>{legend}</legend>
            <ul>
              {entries.map(([value, count]) => (
                <li key={value}>
                  <label>
                    <input
                      type="checkbox"
                      name={param}
                      value={value}
                      checked={search[param].includes(value)}
                      onChange={(event) => onToggle(param, value, event.target.checked)}
                    />{' '}
                    {param === 'type' ? (typeLabels[value] ?? value) : value}{' '}
                    <span className="facet-count">({count})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
