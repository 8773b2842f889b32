import { Highlighted } from './Highlighted';
import type { MediaListItem } from './media-search-types';

function meta(item: MediaListItem): string {
  return [
    item.typeLabel,
    item.year,
    item.authors.join(', '),
    item.durationMinutes ? `${item.durationMinutes} min` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The médiathèque result list: rendered statically for the paginated list, and by the search island. */
export function MediaResults({
  items,
  headingLevel = 2,
}: {
  items: MediaListItem[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="media-results" role="list">
      {items.map((item) => (
        <li key={item.id} className="media-result">
          <article>
            <Heading className="media-result-title">
              <a href={item.url}>
                <Highlighted text={item._formatted?.title ?? item.title} />
              </a>
            </Heading>
            <p className="card-meta">{meta(item)}</p>
            <p>
              <Highlighted text={item._formatted?.summary ?? item.summary} />
            </p>
            {item.themes.length > 0 && (
              <p className="media-result-themes">
                <span className="visually-hidden">Thèmes : </span>
                {item.themes.join(' · ')}
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
