// Waiting inside a conversation: text answers are returned; a command, a button press or
// anything else leaves the conversation and goes on to the normal handlers, so leaving
// half way never blocks the officer (and loses nothing already recorded).
import type { Conversation } from '@grammyjs/conversations';
import type { BotContext, ConversationContext } from '../context.ts';

export type BotConversation = Conversation<BotContext, ConversationContext>;

/** How long a question waits for its answer. */
export const ANSWER_WAIT_MS = 24 * 60 * 60 * 1000;
export const SKIP_WORDS = new Set(['/skip', 'bỏ qua', 'bo qua', 'skip', '-']);

export async function waitForText(conversation: BotConversation): Promise<string> {
  const ctx = await conversation.wait({ maxMilliseconds: ANSWER_WAIT_MS });
  const text = ctx.message?.text;
  if (text !== undefined && (!text.startsWith('/') || text.trim().toLowerCase() === '/skip')) return text;
  return conversation.halt({ next: true });
}

export function isSkip(text: string): boolean {
  return SKIP_WORDS.has(text.trim().toLowerCase());
}
