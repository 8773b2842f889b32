import { SEARCH_UNAVAILABLE_FR } from '@dejala/search/media-search';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MediaResults } from './MediaResults';
import { EMPTY_SEARCH, isEmptySearch, queryFromSearch, searchFromQuery } from './search-url';
import {
  resultsFromResponse,
  type FacetParam,
  type MediaFacets,
  type MediaListItem,
  type MediaSearchResults,
  type MediaSearchState,
} from './media-search-types';

interface Props {
  /** The first page of the static list (most recent first), shown before any search. */
  initialItems: MediaListItem[];
  initialFacets: MediaFacets;
  total: number;
  /** Pages of the static list (`/mediatheque/page/n/`), linked to before any search. */
  staticPageCount: number;
  typeLabels: Record<string, string>;
  /** A search the server already ran (the results page, reached without JavaScript). */
  searched?: { search: MediaSearchState; results: MediaSearchResults | null; error: string | null };
}

const FACET_GROUPS: Array<{ param: FacetParam; attribute: keyof MediaFacets; legend: string }> = [
  { param: 'type', attribute: 'type', legend: 'Type' },
  { param: 'theme', attribute: 'themes', legend: 'Thèmes' },
  { param: 'territory', attribute: 'territories', legend: 'Territoires' },
  { param: 'year', attribute: 'year', legend: 'Année' },
];
const TYPING_DELAY_MS = 150;

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;

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

/** Médiathèque search: instant results from `/_search`, the search kept in the URL. */
export default function MediaSearch({
  initialItems,
  initialFacets,
  total,
  staticPageCount,
  typeLabels,
  searched,
}: Props) {
  const [search, setSearch] = useState<MediaSearchState>(searched?.search ?? EMPTY_SEARCH);
  const [results, setResults] = useState<MediaSearchResults | null>(searched?.results ?? null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>(
    searched?.error ? 'error' : 'idle',
  );
  const [error, setError] = useState(searched?.error ?? '');
  // The words the shown results answer (the field may already hold newer ones).
  const [resultsFor, setResultsFor] = useState(searched?.search.q ?? '');
  const controller = useRef<AbortController | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  async function run(next: MediaSearchState) {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setStatus('loading');
    // Without words, relevance means nothing: list the most recent first.
    const query = queryFromSearch(next.q ? next : { ...next, sort: 'recent' });
    try {
      const response = await fetch(`/_search?${query}`, {
        signal: current.signal,
        headers: { accept: 'application/json' },
      });
      const body = await response.json();
      if (current.signal.aborted) return;
      if (response.ok) {
        setResults(resultsFromResponse(body));
        setResultsFor(next.q);
        setStatus('idle');
      } else {
        // The server explains refusals and outages in French: show its words.
        setError(typeof body?.message === 'string' ? body.message : SEARCH_UNAVAILABLE_FR);
        setStatus('error');
      }
    } catch {
      if (current.signal.aborted) return;
      setError(SEARCH_UNAVAILABLE_FR);
      setStatus('error');
    }
  }

  function apply(next: MediaSearchState, history: 'push' | 'replace') {
    setSearch(next);
    const query = queryFromSearch(next);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void run(next);
  }

  useEffect(() => {
    let first = true;
    const fromUrl = () => {
      const next = searchFromQuery(window.location.search);
      // The server already ran the search this page shows: do not run it twice.
      const alreadyShown =
        first && searched && queryFromSearch(next) === queryFromSearch(searched.search);
      first = false;
      if (alreadyShown) return;
      setSearch(next);
      // Back to no search at all: the static list again (the results page lists everything).
      if (isEmptySearch(next) && !searched) {
        controller.current?.abort();
        setResults(null);
        setStatus('idle');
      } else void run(next);
    };
    fromUrl();
    window.addEventListener('popstate', fromUrl);
    return () => window.removeEventListener('popstate', fromUrl);
  }, []);

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

  const shown = results ?? {
    items: initialItems,
    total,
    totalPages: staticPageCount,
    facets: initialFacets,
  };
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
          <div className="facets">
            <h2 className="facets-title">Filtrer</h2>
            {FACET_GROUPS.map(({ param, attribute, legend }) => {
              const entries = facetEntries(shown.facets[attribute] ?? {}, search[param], param);
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
                            onChange={(event) => toggle(param, value, event.target.checked)}
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
              <nav aria-label="Pages de résultats">
                <ul className="pagination">
                  {Array.from({ length: shown.totalPages }, (_, index) => index + 1)
                    .filter(
                      (page) =>
                        page === 1 ||
                        page === shown.totalPages ||
                        Math.abs(page - search.page) <= 2,
                    )
                    .map((page) => {
                      const current = page === (results ? search.page : 1);
                      const href = results
                        ? `?${queryFromSearch({ ...search, page })}`
                        : page === 1
                          ? '/mediatheque/'
                          : `/mediatheque/page/${page}/`;
                      return (
                        <li key={page}>
                          <a
                            href={href}
                            aria-current={current ? 'page' : undefined}
                            onClick={
                              results
                                ? (event) => {
                                    event.preventDefault();
                                    goToPage(page);
                                  }
                                : undefined
                            }
                          >
                            <span className="visually-hidden">Page </span>
                            {page}
                          </a>
                        </li>
                      );
                    })}
                </ul>
              </nav>
            )}
          </section>
        </div>
      </form>
    </div>
  );
}
