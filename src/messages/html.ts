// Text for parse_mode HTML: escaping user and plan text, and splitting long messages
// at line boundaries so each part fits the platform's limit (Telegram 4,096, Zalo 2,000).

export const TELEGRAM_MESSAGE_LIMIT = 4096;
export const ZALO_MESSAGE_LIMIT = 2000;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for Telegram's HTML parse mode (&, <, > and "). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);
}

/** Shortens a text to at most `max` columns at a word boundary, with "…" when cut. Escape after shortening. */
export function shorten(text: string, max: number): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the text.
  const cut = space > max * 0.6 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Shortens plain text to at most `max` characters, ending with "…" when cut. Escape after truncating. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Splits HTML text into parts of at most `limit` characters, at line boundaries.
 * A single line longer than the limit is cut at a space where possible, never inside
 * an entity (&amp;) or a tag. Lines should carry their own tags (no tag spans lines).
 */
export function splitMessage(html: string, limit: number): string[] {
  if (limit < 16) throw new RangeError('limit too small');
  if (html.length <= limit) return [html];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of html.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    if (line.length <= limit) {
      current = line;
      continue;
    }
    for (const piece of cutLongLine(line, limit)) {
      flush();
      current = piece;
    }
  }
  flush();
  return parts.length ? parts : [''];
}

function cutLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = safeCut(rest, limit);
    const space = rest.lastIndexOf(' ', cut);
    if (space > limit * 0.6) cut = space;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The largest index <= limit that is not inside an entity or a tag. */
function safeCut(text: string, limit: number): number {
  let cut = limit;
  const amp = text.lastIndexOf('&', cut);
  if (amp >= 0 && amp > cut - 10 && text.indexOf(';', amp) >= cut) cut = amp;
  const lt = text.lastIndexOf('<', cut);
  if (lt >= 0 && text.indexOf('>', lt) >= cut) cut = lt;
  return cut > 0 ? cut : limit;
}

/** Renders an HTML message as plain text (for platforms without formatting). */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
