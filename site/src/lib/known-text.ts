// What editors leave in a field until they know its value: shown on the page (a training's
// Qualiopi fields say what is missing), never given to search engines as a fact.
const PLACEHOLDER = /^(à|a) (compléter|completer|définir|definir|venir|préciser|preciser)\.?$/i;

/** The field's text, or undefined when it is empty or only says it is to be completed. */
export function knownText(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text && !PLACEHOLDER.test(text) ? text : undefined;
}
