// Strangers: everything past this point needs a linked officer. Private messages get a
// short explanation; button presses a refusal; group messages are left alone.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

export const registeredOnlyFeature = new Composer<BotContext>();

registeredOnlyFeature.use(async (ctx, next) => {
  if (ctx.officer) return next();
  if (ctx.callbackQuery) {
    ctx.logger.warn({ msg: 'callback from an unregistered user refused', from_id: ctx.from?.id, data: ctx.callbackQuery.data });
    await ctx.answerCallbackQuery({ text: ctx.t('callback-refused') });
    return;
  }
  if (ctx.chat?.type === 'private' && ctx.message) {
    await ctx.reply(ctx.t('not-registered'), { parse_mode: 'HTML' });
    return;
  }
  // Group commands check registration themselves (they answer the group).
  return next();
});
