// Row codes (STT): Roman numerals for the index groups, dotted arabic numbers
// below them ("1", "1.1", "1.1.1", with or without a trailing dot).

export type RowCode =
  | { kind: 'roman'; code: string; value: number }
  | { kind: 'arabic'; code: string; parts: number[] };

const ROMAN = /^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_START = new Set([...'IVXLCDM'].map((c) => c.charCodeAt(0)));
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN_VALUES[text[i]!] ?? 0;
    const next = ROMAN_VALUES[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Parses a cell or line that is only a code; undefined for anything else. */
export function parseRowCode(text: string): RowCode | undefined {
  const trimmed = text.trim();
  // A code starts with a digit or a Roman numeral: most lines are ruled out by their first character.
  const first = trimmed.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && !ROMAN_START.has(first)) return undefined;
  const t = trimmed.replace(/[.)]+$/, '');
  if (!t) return undefined;
  if (/^\d{1,3}(\.\d{1,3}){0,4}$/.test(t)) {
    return { kind: 'arabic', code: t, parts: t.split('.').map(Number) };
  }
  const upper = t.toUpperCase();
  if (t === upper && /^[IVXLCDM]{1,6}$/.test(t) && ROMAN.test(t)) {
    return { kind: 'roman', code: t, value: romanValue(t) };
  }
  return undefined;
}
