import { matchedPassage } from '@dejala/search/matched-passage';
import { imagePath, THUMBNAIL_FILES } from '@dejala/search/site-urls';
import { Highlighted } from './Highlighted';
import type { MediaListItem } from './media-search-types';

/** Where the words were found inside the item: an excerpt, and a link to read it there. */
function Passage({ item }: { item: MediaListItem }) {
  const passage = matchedPassage(item);
  if (!passage) return null;
  return (
    <>
      <p className="media-result-excerpt">
        <Highlighted text={passage.excerpt} />
      </p>
      {passage.link && (
        <p>
          <a href={passage.link.href}>
            {passage.link.label}
            <span className="visually-hidden"> : {item.title}</span>
          </a>
        </p>
      )}
    </>
  );
}

/**
 * The item's cover, small: the site server's thumbnail encoding, which every image has
 * whatever its width or transparency. Its box is fixed: no shift.
 */
function Thumbnail({ coverKey, alt }: { coverKey: string; alt: string }) {
  return (
    <picture className="media-result-cover">
      <source type="image/webp" srcSet={imagePath(coverKey, THUMBNAIL_FILES.webp)} />
      <img
        src={imagePath(coverKey, THUMBNAIL_FILES.jpeg)}
        alt={alt}
        width={128}
        height={72}
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}

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
            {item.coverKey && <Thumbnail coverKey={item.coverKey} alt={item.coverAlt ?? ''} />}
            <Heading className="media-result-title">
              <a href={item.url}>
                <Highlighted text={item._formatted?.title ?? item.title} />
              </a>
            </Heading>
            <p className="card-meta">{meta(item)}</p>
            <p>
              <Highlighted text={item._formatted?.summary ?? item.summary} />
            </p>
            <Passage item={item} />
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
