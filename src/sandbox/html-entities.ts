// Telegram's parse_mode HTML, read the way Telegram reads it: plain text plus entities
// (offsets in UTF-16 code units). The sandbox stores messages like this so the page can
// draw formatting with DOM nodes and never needs innerHTML.

export interface MessageEntity {
  type: 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'pre' | 'text_link' | 'spoiler' | 'blockquote';
  offset: number;
  length: number;
  url?: string;
}

const TAGS: Record<string, MessageEntity['type']> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', code: 'code', pre: 'pre',
  a: 'text_link', 'tg-spoiler': 'spoiler', blockquote: 'blockquote', span: 'spoiler',
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export class HtmlParseError extends Error {}

function decodeEntity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  const named = NAMED[name];
  if (named === undefined) throw new HtmlParseError(`unsupported entity &${name};`);
  return named;
}

/** Throws HtmlParseError where Telegram answers "can't parse entities". */
export function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: Array<{ tag: string; offset: number; url?: string }> = [];
  const token = /<(\/?)([a-z-]+)((?:\s+[a-z-]+\s*=\s*"[^"]*")*)\s*>|&(#?[a-z0-9]+);|([^<&]+)|([<&])/gi;
  for (const m of html.matchAll(token)) {
    const [, closing, tagName, attrs, entity, plain, stray] = m;
    if (plain !== undefined) text += plain;
    else if (entity !== undefined) text += decodeEntity(entity);
    else if (stray !== undefined) throw new HtmlParseError(`unexpected "${stray}" at byte offset ${m.index}`);
    else {
      const tag = tagName!.toLowerCase();
      const type = TAGS[tag];
      if (!type) throw new HtmlParseError(`unsupported start tag "${tag}" at byte offset ${m.index}`);
      if (!closing) {
        const href = /href\s*=\s*"([^"]*)"/i.exec(attrs ?? '')?.[1];
        open.push({ tag, offset: text.length, ...(href !== undefined ? { url: href } : {}) });
        continue;
      }
      const top = open.pop();
      if (!top || top.tag !== tag) throw new HtmlParseError(`unmatched end tag "${tag}"`);
      if (text.length > top.offset) entities.push({ type, offset: top.offset, length: text.length - top.offset, ...(type === 'text_link' && top.url ? { url: top.url } : {}) });
    }
  }
  if (open.length) throw new HtmlParseError(`can't find end tag corresponding to start tag "${open.at(-1)!.tag}"`);
  return { text, entities: entities.sort((a, b) => a.offset - b.offset) };
}
