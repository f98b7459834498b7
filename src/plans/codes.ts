// Row codes (STT) as plans write them: Roman numerals and capital letters for
// sections ("II", "B."), dotted arabic numbers below them ("1", "1.1",
// "1.1.1", with or without a trailing dot), lower-case letters for sub-items
// ("a)", "b."), and a lone dash or plus in the STT cell for unnumbered items.

export type RowCode =
  | { kind: 'roman'; code: string; value: number }
  | { kind: 'letter'; code: string; upper: boolean }
  /** "1", "1.2.3", and dotted codes under a Roman numeral ("III.1.2"). */
  | { kind: 'arabic'; code: string; parts: string[] }
  | { kind: 'bullet'; code: ''; marker: '-' | '+' };

export type CodeStyle = 'letter-upper' | 'roman' | 'roman-dotted' | 'arabic' | 'letter-lower' | 'bullet-' | 'bullet+';

export function codeStyle(code: RowCode): CodeStyle {
  switch (code.kind) {
    case 'roman':
      return 'roman';
    case 'arabic':
      // "III.1.1" rows are sub-sections of "III", numbered apart from the "1, 2, 3" tasks under them.
      return /^\d/.test(code.code) ? 'arabic' : 'roman-dotted';
    case 'letter':
      return code.upper ? 'letter-upper' : 'letter-lower';
    case 'bullet':
      return code.marker === '+' ? 'bullet+' : 'bullet-';
  }
}

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

/** Letters that are sections, not Roman numerals: a plan's "C." or "D." is the third or fourth part, never 100 or 500. */
const LETTER_NOT_ROMAN = new Set(['C', 'D', 'L', 'M']);

/** Parses a cell or line that is only a code; undefined for anything else. */
export function parseRowCode(text: string): RowCode | undefined {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 16) return undefined;
  if (trimmed === '-' || trimmed === '–' || trimmed === '+' || trimmed === '•') return { kind: 'bullet', code: '', marker: trimmed === '+' ? '+' : '-' };
  const first = trimmed.charCodeAt(0);
  const t = trimmed.replace(/[.):]+$/, '').replace(/^\(/, '');
  if (!t) return undefined;
  if (first >= 48 && first <= 57) {
    if (/^\d{1,3}(\.\d{1,3}){0,4}$/.test(t)) return { kind: 'arabic', code: t, parts: t.split('.') };
    return undefined;
  }
  if (/^[IVXLCDM]{1,6}(\.\d{1,3}){1,4}$/.test(t) && ROMAN.test(t.split('.')[0]!)) return { kind: 'arabic', code: t, parts: t.split('.') };
  if (/^[A-ZĐ]$/u.test(t) && (LETTER_NOT_ROMAN.has(t) || !ROMAN_START.has(t.charCodeAt(0)))) return { kind: 'letter', code: t, upper: true };
  if (/^[a-zđ]$/u.test(t)) return { kind: 'letter', code: t, upper: false };
  const upper = t.toUpperCase();
  if (t === upper && /^[IVXLCDM]{1,6}$/.test(t) && ROMAN.test(t)) return { kind: 'roman', code: t, value: romanValue(t) };
  return undefined;
}

/**
 * A heading written with its code in one cell or line: "I. KINH TẾ SỐ",
 * "A. Nhiệm vụ chung", "II- Chỉ số SIPAS". Only section styles (Roman,
 * capital letter): "1. Cung cấp ..." inside a cell is a numbered paragraph,
 * not an STT code.
 */
export function splitSectionHeading(text: string): { code: RowCode; title: string } | undefined {
  const m = /^\s*([IVXLCDM]{1,6}|[A-ZĐ])\s*[.)/:–-]\s*([\p{L}“"(].*)$/su.exec(text);
  if (!m) return undefined;
  const code = parseRowCode(m[1]!);
  if (!code || (code.kind !== 'roman' && code.kind !== 'letter')) return undefined;
  return { code, title: m[2]!.trim() };
}
