// Unit names as plans write them: "Văn phòng- Thống kê", "Văn phòng-Thống kê",
// "Văn phòng - Thống kê xã", "Tài chính – Kế toán", "UBND" / "Ủy ban nhân dân" /
// "ỦY BAN NHÂN DÂN", "uỷ"/"ủy". A display form with canonical spacing and a
// folded key for matching; lists split only where a name cannot go on.

import { fold } from './fold.ts';
import { squeeze } from './text-cells.ts';

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubmttqvn\b|\bubmttq vn\b|\bubmttq\b/g, 'uy ban mat tran to quoc viet nam'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\btp\.? /g, 'thanh pho '],
  [/\bs\. /g, 'so '],
];

/** Display form: single spaces, " - " around every hyphen or dash between words. */
export function displayUnitName(raw: string): string {
  return squeeze(raw)
    .replace(/\s*[-–—]\s*/g, ' - ')
    .replace(/^[-+•]\s*/, '')
    .replace(/[.;,:]+$/, '')
    .trim();
}

/** Key for matching: folded, abbreviations spelled out, canonical hyphens. */
export function unitKey(raw: string): string {
  let key = fold(displayUnitName(raw));
  for (const [re, full] of ABBREVIATIONS) key = key.replace(re, full);
  return key.replace(/\s+/g, ' ').trim();
}

/**
 * Splits a responsibility cell into unit names: always at ";" and line breaks,
 * at "," only when a capitalised name follows ("Các ban, ngành UBND xã" and
 * "UBND các huyện, thành phố" are one name each). Hyphens never split.
 */
export function splitUnitList(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[;\n]+/)) {
    const pieces = part.split(',');
    let current = '';
    for (const piece of pieces) {
      const trimmed = piece.trim();
      if (current && /^\p{Lu}/u.test(trimmed) && !/^(UBND|Ủy ban|Uỷ ban)$/u.test(trimmed)) {
        out.push(current);
        current = trimmed;
      } else {
        current = current ? `${current}, ${trimmed}` : trimmed;
      }
    }
    if (current) out.push(current);
  }
  return out.map(displayUnitName).filter((n) => n && !/^(\.+|-+|x)$/i.test(n));
}

const PLACE_WORD = / (xa|phuong|thi tran)$/;

/**
 * The units of one plan. The first spelling met becomes a unit's name; later
 * spellings with the same key are the same unit. "Bộ phận X" and "X xã" are
 * matched to "X" when X is known, and recorded as aliases.
 */
export class UnitDirectory {
  private readonly byKey = new Map<string, string>();
  readonly aliases = new Map<string, string>(); // alias key → unit key
  /** Display form and key of each spelling met (both depend on the spelling alone). */
  private readonly spellings = new Map<string, { display: string; key: string }>();

  constructor(known: Iterable<{ name: string; key?: string }> = [], aliases: Iterable<{ alias: string; unitKey: string }> = []) {
    for (const u of known) this.byKey.set(u.key ?? unitKey(u.name), u.name);
    for (const a of aliases) this.aliases.set(unitKey(a.alias), a.unitKey);
  }

  /** Resolves a spelling to the unit key, registering the unit if new. */
  resolve(raw: string): { key: string; name: string } {
    let spelling = this.spellings.get(raw);
    if (!spelling) {
      const display = displayUnitName(raw);
      spelling = { display, key: unitKey(display) };
      this.spellings.set(raw, spelling);
    }
    const display = spelling.display;
    let key = spelling.key;
    const aliased = this.aliases.get(key);
    if (aliased) key = aliased;
    if (!this.byKey.has(key)) {
      const candidates = [key.replace(/^bo phan /, ''), key.replace(PLACE_WORD, ''), key.replace(/^bo phan /, '').replace(PLACE_WORD, '')];
      const match = candidates.find((k) => k !== key && this.byKey.has(k));
      if (match) {
        this.aliases.set(key, match);
        key = match;
      } else {
        this.byKey.set(key, display);
      }
    }
    return { key, name: this.byKey.get(key)! };
  }

  units(): Array<{ key: string; name: string }> {
    return [...this.byKey].map(([key, name]) => ({ key, name }));
  }
}
