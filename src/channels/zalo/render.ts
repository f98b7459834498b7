// A platform-neutral message as Zalo can show it: plain text (no formatting, no buttons),
// buttons turned into numbered choices the officer answers by sending the number, and
// parts of at most 2,000 characters cut at line boundaries. Pure.
import { htmlToPlain, splitMessage, ZALO_MESSAGE_LIMIT } from '../../messages/html.ts';
import type { MessageButton, OutgoingMessage } from '../types.ts';

export interface RenderedZaloMessage {
  parts: string[];
  /** The buttons in the order they were numbered (choice 1 is choices[0]); empty without buttons. */
  choices: MessageButton[];
}

/** Links keep their address, which plain text would otherwise lose. */
function linksAsText(html: string): string {
  return html.replace(/<a\s+href="([^"]*)"[^>]*>(.*?)<\/a>/gi, (_m, href: string, label: string) => {
    const url = href.replace(/&amp;/g, '&');
    const text = htmlToPlain(label);
    return text === url ? url : `${text} (${url})`;
  });
}

export function renderForZalo(message: OutgoingMessage, choicesHeader: string, limit = ZALO_MESSAGE_LIMIT): RenderedZaloMessage {
  const text = htmlToPlain(linksAsText(message.html)).replace(/\n{3,}/g, '\n\n').trim();
  const choices = (message.buttons ?? []).flat();
  const lines = choices.length ? ['', choicesHeader, ...choices.map((b, i) => `${i + 1} = ${b.text}`)] : [];
  return { parts: splitMessage([text, ...lines].join('\n'), limit), choices };
}
