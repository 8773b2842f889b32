import { useRef, type FormEvent } from 'react';
import { FacetFilters } from './FacetFilters';
import { MediaResults } from './MediaResults';
import type { FacetParam, MediaFacets, MediaListItem } from './media-search-types';
import { ResultPages } from './ResultPages';
import { useMediaSearch, type ServerSearch } from './use-media-search';

interface Props {
  /** The first page of the static list (most recent first), shown before any search. */
  initialItems: MediaListItem[];
  initialFacets: MediaFacets;
  total: number;
  typeLabels: Record<string, string>;
  /** A search the server already ran (the results page, reached without JavaScript). */
  searched?: ServerSearch;
}

const TYPING_DELAY_MS = 150;

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;

/** Médiathèque search (the site's one island): instant results, the search kept in the URL. */
export default function MediaSearch({
  initialItems,
  initialFacets,
  total,
  typeLabels,
  searched,
}: Props) {
  const { search, setSearch, apply, results, status, error, resultsFor } = useMediaSearch(searched);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function onType(q: string) {
    const next = { ...search, q, page: 1 };
    setSearch(next);
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => apply(next, 'replace'), TYPING_DELAY_MS);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    clearTimeout(typingTimer.current);
    apply({ ...search, page: 1 }, 'push');
  }

  function toggle(param: FacetParam, value: string, checked: boolean) {
    const values = checked ? [...search[param], value] : search[param].filter((v) => v !== value);
    apply({ ...search, [param]: values, page: 1 }, 'push');
  }

  function goToPage(page: number) {
    apply({ ...search, page }, 'push');
    document.getElementById('resultats')?.focus();
  }

  // Before any search, the first items only: the page links every year's static list.
  const shown = results ?? { items: initialItems, total, totalPages: 1, facets: initialFacets };
  const statusText =
    status === 'error'
      ? error
      : status === 'loading' && !results
        ? 'Recherche en cours…'
        : shown.total === 0
          ? 'Aucun résultat. Essayez d’autres mots ou retirez des filtres.'
          : `${plural(shown.total, 'ressource', 'ressources')}${resultsFor && results ? ` pour « ${resultsFor} »` : ''}`;

  return (
    <div className="media-search">
      <form
        role="search"
        action="/mediatheque/recherche/"
        method="get"
        onSubmit={onSubmit}
        className="search-form"
      >
        <div className="search-bar">
          <label htmlFor="recherche-q">Rechercher dans la médiathèque</label>
          <div className="search-row">
            <input
              id="recherche-q"
              type="search"
              name="q"
              value={search.q}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => onType(event.target.value)}
            />
            <button type="submit" className="button">
              Rechercher
            </button>
          </div>
          <label htmlFor="recherche-tri" className="sort-label">
            Trier par
          </label>
          <select
            id="recherche-tri"
            name="sort"
            value={search.sort}
            onChange={(event) =>
              apply(
                {
                  ...search,
                  sort: event.target.value === 'recent' ? 'recent' : 'pertinence',
                  page: 1,
                },
                'push',
              )
            }
          >
            <option value="pertinence">Pertinence</option>
            <option value="recent">Plus récents</option>
          </select>
        </div>
        <div className="search-layout">
          <FacetFilters
            facets={shown.facets}
            search={search}
            typeLabels={typeLabels}
            onToggle={toggle}
          />
          <section className="results" aria-labelledby="resultats-titre">
            <h2 id="resultats-titre" className="visually-hidden">
              Résultats
            </h2>
            <p
              id="resultats"
              tabIndex={-1}
              role="status"
              className={status === 'error' ? 'search-status search-error' : 'search-status'}
              aria-busy={status === 'loading'}
            >
              {statusText}
            </p>
            {status !== 'error' && <MediaResults items={shown.items} headingLevel={3} />}
            {shown.totalPages > 1 && status !== 'error' && (
              <ResultPages totalPages={shown.totalPages} search={search} onPage={goToPage} />
            )}
          </section>
        </div>
      </form>
    </div>
  );
}
