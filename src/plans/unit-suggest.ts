// "Did you mean …?" for a unit name typed with a slip: compared with diacritics folded
// ("Van phong Thong ke", "Văn phòng - Thông kê"), so a missing tone mark or hyphen is no
// mistake at all and a letter or two off still finds the unit. Pure.
import { unitKey } from './unit-names.ts';

export interface UnitSpelling {
  name: string;
  /** Folded keys of the unit: its name's and its aliases'. */
  keys: string[];
}

/** Suggestions shown at most. */
export const MAX_SUGGESTIONS = 3;

/** Edit distance between two strings, counted in characters (Levenshtein). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** Spaces and hyphens are how names are written, not what they say: "van phong-thong ke" is "van phong thong ke". */
const bare = (key: string) => key.replace(/[\s-]+/g, ' ').trim();

/**
 * The units a mistyped name most likely means, best first: a name a few letters off
 * (up to a third of its length), or one that contains every word typed ("tư pháp" for
 * "Tư pháp - Hộ tịch").
 */
export function suggestUnits(typed: string, units: UnitSpelling[], max = MAX_SUGGESTIONS): string[] {
  const query = bare(unitKey(typed));
  if (!query) return [];
  const words = query.split(' ');
  const scored: Array<{ name: string; score: number }> = [];
  for (const unit of units) {
    let best = Infinity;
    for (const key of unit.keys.map(bare)) {
      const distance = editDistance(query, key);
      if (distance <= Math.max(2, Math.floor(Math.max(query.length, key.length) / 3))) best = Math.min(best, distance);
      // Every typed word in the name: a shortened name, scored after near spellings.
      const keyWords = new Set(key.split(' '));
      if (words.every((w) => keyWords.has(w))) best = Math.min(best, 100 + key.length - query.length);
    }
    if (best < Infinity) scored.push({ name: unit.name, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'vi'))
    .slice(0, max)
    .map((s) => s.name);
}
