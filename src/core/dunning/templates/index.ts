/** Dunning letter templates: `LetterInput` → `LetterContent` in nl, fr or en, and a plain-text rendering. */
export { composeLetter } from './compose-letter.js';
export { formatEuro, formatIban, formatLongDate } from './format.js';
export { renderLetterText } from './render-text.js';
