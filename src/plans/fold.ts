// Folding for comparison: Vietnamese text compared without case, tone marks or
// spacing differences ("hoá"/"hóa", "uỷ"/"ủy", "Thống kê"/"Thông kê").

const charFold = new Map<string, string>();

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
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const f = code < 128 ? (code === 32 || code === 9 || code === 10 || code === 13 ? ' ' : ch.toLowerCase()) : foldChar(ch);
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
