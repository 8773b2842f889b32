// Search highlights arrive wrapped in private-use markers (U+E000 … U+E001), never as HTML:
// the text is split into plain strings and <mark> elements, so nothing is parsed as markup.
const HIGHLIGHT = /\uE000([^\uE001]*)\uE001/g;

export function Highlighted({ text }: { text: string }) {
  const parts: Array<string | { mark: string }> = [];
  let last = 0;
  for (const match of text.matchAll(HIGHLIGHT)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ mark: match[1] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          part.replace(/[\uE000\uE001]/g, '')
        ) : (
          <mark key={index}>{part.mark}</mark>
        ),
      )}
    </>
  );
}
