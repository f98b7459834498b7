// Telegram's HTML parse mode accepts a few tags and the escapes &lt; &gt; &amp; &quot;
// and numeric ones; anything else makes the call fail with "can't parse entities".
// The stand-in applies the same rule so that unescaped user text fails a test.
const ALLOWED = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'tg-emoji', 'code', 'pre', 'blockquote']);

/** Returns a description of the first problem, or undefined when the text is valid. */
export function checkTelegramHtml(text: string): string | undefined {
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/.exec(text.slice(i, i + 12));
      if (!m) return `unsupported entity at offset ${i}`;
      i += m[0].length;
      continue;
    }
    if (ch === '>') return `unexpected ">" at offset ${i}`;
    if (ch === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) return `unclosed "<" at offset ${i}`;
      const inner = text.slice(i + 1, end);
      const m = /^(\/?)([a-z-]+)(\s[^<]*)?$/i.exec(inner);
      if (!m) return `unsupported tag "<${inner.slice(0, 20)}>" at offset ${i}`;
      const [, closing, rawName] = m;
      const name = rawName!.toLowerCase();
      if (!ALLOWED.has(name)) return `unsupported start tag "${name}" at offset ${i}`;
      if (closing) {
        if (stack.pop() !== name) return `unmatched end tag "${name}" at offset ${i}`;
      } else {
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    i++;
  }
  return stack.length ? `unclosed tag "${stack.at(-1)}"` : undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** The plain text Telegram shows (and returns as Message.text) for a message sent in HTML mode: tags gone, escapes decoded. */
export function plainTextOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);/g, (_, name: string) =>
      name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name]!);
}
