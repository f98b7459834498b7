// Cell text left by the conversion of a signed plan: HTML fragments (<ul> never
// closed, <p>...</p>), bullets written inline as " - " or " + " and "-Xử lý"
// with no space. Turned into clean lines, one bullet or paragraph a line.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Whitespace that squeeze() would change: any but a single space between two other characters. */
const UNSQUEEZED = /[^\S ]| {2}|^ | $/;

/** Collapse runs of spaces (tabs, no-break spaces) to one and trim. */
export function squeeze(text: string): string {
  // Most lines are already squeezed; testing is cheaper than replacing.
  return UNSQUEEZED.test(text) ? text.replace(/[\s\u00a0]+/g, ' ').trim() : text;
}

const UPPER_OR_DIGIT = /^[\p{Lu}\d(“"]/u;
const NAME_WORD = /^\p{Lu}/u;

/** Whether one of the last two words (split at single spaces) starts with a capital. */
function lastTwoWordsNameLike(before: string): boolean {
  const last = before.lastIndexOf(' ');
  if (NAME_WORD.test(before.slice(last + 1))) return true;
  if (last <= 0) return false; // one word, or an empty word before the last
  return NAME_WORD.test(before.slice(before.lastIndexOf(' ', last - 1) + 1, last));
}

/**
 * Splits one paragraph at inline bullets. " - " is also a hyphen inside names
 * ("Tài chính - Kế hoạch", "kinh tế - xã hội"), so a split needs a capital or a
 * digit after the dash and either punctuation before it or, in a bulleted
 * paragraph, a lower-case word before it (names are capitalised).
 */
function splitInlineBullets(paragraph: string, bulleted: boolean): string[] {
  const parts: string[] = [];
  const re = /\s+([-+])\s*(?=\S)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph))) {
    const before = paragraph.slice(start, m.index).trimEnd();
    const after = paragraph.slice(m.index + m[0].length);
    if (!before || !UPPER_OR_DIGIT.test(after)) continue;
    const marker = m[1] ?? "-";
    const punctuated = /[.;:!?…,)]$/.test(before);
    const nameLike = lastTwoWordsNameLike(before);
    const spaced = /^\s+[-+]\s+/.test(m[0]);
    if (punctuated || (bulleted && !nameLike) || (marker === '+' && spaced)) {
      parts.push(before);
      start = m.index + m[0].indexOf(marker); // the marker stays with the next part

    }
  }
  parts.push(paragraph.slice(start));
  return parts;
}

/** Normalises a bullet line: "-Xử lý" → "- Xử lý", "•  x" → "- x". */
function normaliseBullet(line: string): string {
  const m = /^([-+•–])\s*(.*)$/.exec(line);
  if (!m) return line;
  const marker = m[1] === '+' ? '+' : '-';
  return m[2] ? `${marker} ${m[2]}` : '';
}

/**
 * Clean lines of a cell: tags become line breaks, entities decoded, inline
 * bullets split onto their own lines, spacing squeezed, empty lines dropped.
 */
export function cellLines(raw: string): string[] {
  if (!raw) return [];
  // Most cells are one plain line: no tags, entities, line breaks or bullets.
  if (!/[<&\n\r*]|\s[-+]|^\s*[-+•–]/.test(raw)) {
    const line = squeeze(raw);
    return line ? [line] : [];
  }
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const tags = text.includes('<');
  const hadList = tags && /<(ul|ol|li)\b/i.test(text);
  if (tags) {
    text = text
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(p|div|ul|ol|li|h[1-6]|tr|table)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, '');
  }
  if (text.includes('**')) text = text.replace(/\*\*/g, '');
  if (text.includes('&')) text = decodeEntities(text);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const squeezed = squeeze(para);
    if (!squeezed) continue;
    const bulleted = hadList || /^[-+•]/.test(squeezed);
    for (const piece of splitInlineBullets(squeezed, bulleted)) {
      const line = normaliseBullet(squeeze(piece));
      if (line) out.push(line);
    }
  }
  return out;
}

/** The cell as one string of clean lines joined by "\n" (empty string for an empty cell). */
export function cellText(raw: string): string {
  return cellLines(raw).join('\n');
}

/** True when a line is a bullet item ("- ...", "+ ..."). */
export function isBullet(line: string): boolean {
  return /^\s*[-+•]\s*\S/.test(line) && !/^\s*[-+]\s*\d+([.,]\d+)?\s*$/.test(line);
}
