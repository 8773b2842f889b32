import type { MediaSearchState } from './media-search-types';
import { queryFromSearch } from './search-url';

interface Props {
  totalPages: number;
  search: MediaSearchState;
  onPage: (page: number) => void;
}

/** Links to the first, last and nearby pages of the results. */
export function ResultPages({ totalPages, search, onPage }: Props) {
  const shownPages = Array.from({ length: totalPages }, (_, index) => index + 1).filter(
    (page) => page === 1 || page === totalPages || Math.abs(page - search.page) <= 2,
  );
  return (
    <nav aria-label="Pages de résultats">
      <ul className="pagination">
        {shownPages.map((page) => (
          <li key={page}>
            <a
              href={`?${queryFromSearch({ ...search, page })}`}
              aria-current={page === search.page ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onPage(page);
              }}
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
