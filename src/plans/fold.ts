// Folding for comparison: Vietnamese text compared without case, tone marks or
// spacing differences ("hoá"/"hóa", "uỷ"/"ủy", "Thống kê"/"Thông kê").

const charFold = new Map<string, string>();
/** Folded form of each BMP character met so far, by code unit. */
const bmpFold: Array<string | undefined> = new Array<string | undefined>(0x10000).fill(undefined);

function foldChar(ch: string): string {
  let f = charFold.get(ch);
  if (f === undefined) {
    f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (/[\s\u00a0]/.test(ch)) f = ' ';
    charFold.set(ch, f);
  }
  return f;
}

/** Lower case, no diacritics (đ → d), single spaces, trimmed. */
export function fold(text: string): string {
  let out = '';
  let space = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let f: string;
    if (code < 128) {
      f = code === 32 || code === 9 || code === 10 || code === 13 ? ' ' : code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one character, as `for...of` reads it.
      f = foldChar(text.slice(i, i + 2));
      i++;
    } else {
      f = bmpFold[code] ?? (bmpFold[code] = foldChar(text[i]!));
    }
    if (f === ' ') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += f;
  }
  return out;
}
