// A person can send the bot only so many updates a minute (messages and button taps
// together); past that, one polite "too fast" answer and the rest of the minute is
// ignored. Counted in Redis so that every bot process behind a webhook shares the count,
// and before the update is claimed, so a flood costs no database writes. The count is
// taken by the update gate (update-gate.ts), in the same round trip as the conversation read.
import { toLocale } from '../../../messages/i18n.ts';
import type { BotContext } from '../context.ts';

export const USER_RATE_WINDOW_MS = 60_000;

/** The sender's counter: INCR, expiring a window after the first update of it. */
export function userRateKey(prefix: string, userId: number): string {
  return `${prefix}:user-rate:${userId}`;
}

/** Called once per person and minute, on the first update over the limit. */
export async function onUpdateLimitExceeded(ctx: BotContext): Promise<void> {
  const text = ctx.services.i18n.t(toLocale(ctx.from?.language_code?.slice(0, 2)), 'too-fast');
  ctx.logger.warn({ msg: 'user over the update limit', from: ctx.from?.id });
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else if (ctx.chat?.type === 'private') await ctx.reply(text);
}
