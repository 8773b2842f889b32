import { SEARCH_UNAVAILABLE_FR } from '@dejala/search/media-search';
import { useEffect, useRef, useState } from 'react';
import {
  resultsFromResponse,
  type MediaSearchResults,
  type MediaSearchState,
} from './media-search-types';
import { EMPTY_SEARCH, isEmptySearch, queryFromSearch, searchFromQuery } from './search-url';

/** A search the server already ran (the results page, reached without JavaScript). */
export interface ServerSearch {
  search: MediaSearchState;
  results: MediaSearchResults | null;
  error: string | null;
}

/**
 * The island's search state: runs searches against `/_search` (the newest one wins), keeps the
 * search in the URL (`push` for choices, `replace` while typing) and follows Back and Forward.
 */
export function useMediaSearch(searched?: ServerSearch) {
  const [search, setSearch] = useState<MediaSearchState>(searched?.search ?? EMPTY_SEARCH);
  const [results, setResults] = useState<MediaSearchResults | null>(searched?.results ?? null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>(
    searched?.error ? 'error' : 'idle',
  );
  const [error, setError] = useState(searched?.error ?? '');
  // The words the shown results answer (the field may already hold newer ones).
  const [resultsFor, setResultsFor] = useState(searched?.search.q ?? '');
  const controller = useRef<AbortController | null>(null);

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

  /** Shows `next`, records it in the history and runs it. */
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

  return { search, setSearch, apply, results, status, error, resultsFor };
}
