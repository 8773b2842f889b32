// How wide the site shows an image, as `sizes` attributes (global.css: a container of
// 72rem less 2.5rem of margins, a text measure of 42rem, cards of at least 18rem).

/** An image in the text column: rich text, a photo item, an entry's cover. */
export const IN_TEXT = '(max-width: 44.5rem) calc(100vw - 2.5rem), 42rem';

/** A card's cover: one column on phones, two on tablets, three from 61rem. */
export const ON_CARD =
  '(max-width: 40rem) calc(100vw - 2.5rem), (max-width: 61rem) calc(50vw - 2rem), 23rem';

/** A search result's thumbnail. */
export const THUMBNAIL = '8rem';
