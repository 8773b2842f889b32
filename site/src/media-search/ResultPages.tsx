import { mediaListPath } from '@dejala/search/site-urls';
import type { MediaSearchState } from './media-search-types';
import { queryFromSearch } from './search-url';

interface Props {
  totalPages: number;
  search: MediaSearchState;
  /** False before any search: the pages are then those of the static list. */
  searching: boolean;
  onPage: (page: number) => void;
}

/** Links to the first, last and nearby pages of the results (or of the static list). */
export function ResultPages({ totalPages, search, searching, onPage }: Props) {
  const currentPage = searching ? search.page : 1;
  const shownPages = Array.from({ length: totalPages }, (_, index) => index + 1).filter(
    (page) => page === 1 || page === totalPages || Math.abs(page - search.page) <= 2,
  );
  return (
    <nav aria-label="Pages de résultats">
      <ul className="pagination">
        {shownPages.map((page) => (
          <li key={page}>
            <a
              href={searching ? `?${queryFromSearch({ ...search, page })}` : mediaListPath(page)}
              aria-current={page === currentPage ? 'page' : undefined}
              onClick={
                searching
                  ? (event) => {
                      event.preventDefault();
                      onPage(page);
                    }
                  : undefined
              }
            >
              <span className="visually-hidden">Page </span>
              {page}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
