// A button pressed by someone it was not sent to (forged, replayed, forwarded): nothing
// happens, the attempt is logged, the presser gets a short refusal.
import type { BotContext } from '../context.ts';

export async function refuseCallback(ctx: BotContext, reason: string): Promise<void> {
  ctx.logger.warn({ msg: 'callback refused', reason, from_id: ctx.from?.id, chat_id: ctx.callbackQuery?.message?.chat.id, data: ctx.callbackQuery?.data });
  await ctx.answerCallbackQuery({ text: ctx.t('callback-refused') });
}

/** The callback was pressed in the officer's own private chat, by the officer the data names. */
export function isOwnCallback(ctx: BotContext, officerId: number): boolean {
  const chat = ctx.callbackQuery?.message?.chat;
  return Boolean(ctx.officer && ctx.officer.id === officerId && chat && chat.type === 'private' && chat.id === ctx.from?.id);
}
