// Folds Vietnamese text for matching: the same phrase must match however it was typed
// or converted. Removing every diacritic makes NFC/NFD, old/new tone placement
// ("hoá"/"hóa", "uỷ"/"ủy"), unaccented typing, the typo "định ký" (→ "dinh ky") and the
// old spelling "quí" (→ "quy") compare equal. Patterns are therefore written without diacritics.
//
// One pass over the characters with a table built once from String.normalize: folding
// runs for every deadline cell of every import, and normalize('NFD') costs more than
// the rest of parsing.

const FOLD = new Map<number, string>();
for (const [from, to] of [[0x00c0, 0x024f], [0x1e00, 0x1eff]] as const) {
  for (let code = from; code <= to; code++) {
    const ch = String.fromCharCode(code);
    const folded = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (/^[a-z]+$/.test(folded)) FOLD.set(code, folded);
  }
}
FOLD.set(0x0110, 'd'); // Đ
FOLD.set(0x0111, 'd'); // đ

const isCombiningMark = (code: number) => code >= 0x0300 && code <= 0x036f;
const isDash = (code: number) => (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
const isSpace = (code: number) =>
  code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x200b || code === 0xfeff ||
  code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
  code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x85;
const HTML_TAG = /<[^>]{0,200}>/g;
const OLD_QUY = /\bqui\b/g;

export function foldText(text: string): string {
  const source = text.includes('<') ? text.replace(HTML_TAG, ' ') : text;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (isCombiningMark(code)) continue;
    if (isSpace(code)) {
      pendingSpace = out.length > 0;
      continue;
    }
    let ch: string;
    if (code < 0x80) ch = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : source[i]!;
    else if (isDash(code)) ch = '-';
    else ch = FOLD.get(code) ?? source[i]!.toLowerCase();
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += ch;
  }
  // The old spelling "quí" ("Quí III/2025", "qui định") is the same syllable as "quý"/"quy".
  return out.includes('qui') ? out.replace(OLD_QUY, 'quy') : out;
}
