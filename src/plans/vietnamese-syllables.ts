// Word spacing mended by Vietnamese syllable structure. Text taken from a PDF
// comes with spaces lost or added where a converter drew a letter apart from
// its word ("Chỉsố", "N ội dung", "Bộ ph ận"). Every Vietnamese word is one
// syllable: (onset) vowel group (final), so a word with two vowel groups and a
// tone mark is two words run together, and a lone onset such as "ph" before a
// lower-case vowel is the start of the next one. No library does this for
// Vietnamese, and the rules are small: onsets and finals are closed lists.

const ONSETS = new Set(['', 'b', 'c', 'ch', 'd', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'q', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x']);
const FINALS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't', ''];
const VOWEL = /[aeiouy]/;

/** Lower case without tone marks or hats, đ as d: letter positions stay as in the word (NFC, one code point a letter). */
function bare(word: string): string {
  return [...word].map((ch) => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()).join('');
}

/** Whether the word carries Vietnamese letters (tone marks, ă â ê ô ơ ư đ): only those are mended. */
function isVietnamese(word: string): boolean {
  return /[^\u0000-\u007f]/.test(word);
}

/** A run-together word split into syllables ("Chỉsố" → ["Chỉ", "số"]); the word itself when it is one. */
function splitSyllables(word: string): string[] {
  const letters = [...word];
  const b = bare(word);
  if (b.length !== letters.length) return [word];
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < b.length; ) {
    if (!VOWEL.test(b[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < b.length && VOWEL.test(b[j]!)) j++;
    groups.push([i, j]);
    i = j;
  }
  if (groups.length < 2) return [word];
  const [, end] = groups[0]!;
  const [start] = groups[1]!;
  const between = b.slice(end, start);
  for (const final of FINALS) {
    if (!between.startsWith(final)) continue;
    const onset = between.slice(final.length);
    if (!ONSETS.has(onset) || (final === '' && onset === '' )) continue;
    const cut = end + final.length;
    return [letters.slice(0, cut).join(''), ...splitSyllables(letters.slice(cut).join(''))];
  }
  return [word];
}

/** Mends a line of text: joins a lone onset to the word it starts, splits words run together. */
/** What a mending would act on: a lone onset before a lower-case word, or a word longer than any syllable. Most text has neither. */
const SUSPECT = /(^|\s)[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX]{1,3}\s\p{Ll}|\p{L}{8,}/u;

export function respace(text: string): string {
  if (!SUSPECT.test(text) || !isVietnamese(text)) return text;
  const tokens = text.split(/(\s+)/);
  // "N ội", "ph ận": an onset alone, then a lower-case word starting with a vowel.
  for (let i = 0; i + 2 < tokens.length; i += 2) {
    const onset = tokens[i]!;
    const next = tokens[i + 2]!;
    if (/^\p{L}{1,3}$/u.test(onset) && ONSETS.has(bare(onset)) && bare(onset) !== '' && !VOWEL.test(bare(onset)) && /^\p{Ll}/u.test(next) && VOWEL.test(bare(next)[0] ?? '') && isVietnamese(next)) {
      tokens[i + 2] = onset + next;
      tokens[i] = '';
      tokens[i + 1] = '';
    }
  }
  return tokens
    .map((t) =>
      t.replace(/\p{L}+/gu, (word) => (word.length > 3 && isVietnamese(word) ? splitSyllables(word).join(' ') : word)),
    )
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Whether a word is one well-formed Vietnamese syllable: onset, one vowel group with at most one tone mark, final. */
export function isSyllable(word: string): boolean {
  const b = bare(word);
  if (!b || !/^[a-z]+$/.test(b)) return false;
  let i = 0;
  // The longest onset that leaves a vowel next ("gi" and "qu" count as onsets only before another vowel).
  let onset = '';
  for (let n = Math.min(3, b.length); n >= 0; n--) {
    const o = b.slice(0, n);
    if (ONSETS.has(o) && VOWEL.test(b[n] ?? '')) {
      onset = o;
      break;
    }
  }
  i = onset.length;
  let j = i;
  while (j < b.length && VOWEL.test(b[j]!)) j++;
  if (j === i) return false;
  const final = b.slice(j);
  if (!FINALS.includes(final)) return false;
  const tones = [...word.normalize('NFD')].filter((ch) => TONE.test(ch)).length;
  return tones <= 1;
}
