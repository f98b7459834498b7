// Folds Vietnamese text for matching: the same phrase must match however it was typed
// or converted. Removing every diacritic makes NFC/NFD, old/new tone placement
// ("hoá"/"hóa", "uỷ"/"ủy"), unaccented typing and the typo "định ký" (→ "dinh ky")
// compare equal. Patterns are therefore written without diacritics.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const HTML_TAG = /<[^>]{0,200}>/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00a0\u200b\ufeff]+/g;

export function foldText(text: string): string {
  return text
    .replace(HTML_TAG, ' ')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}
