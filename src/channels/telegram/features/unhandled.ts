// Registered last: what no feature took. Private text gets a hint; stray buttons an answer.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on('callback_query', async (ctx) => {
  ctx.logger.info({ msg: 'unknown callback data', data: ctx.callbackQuery.data });
  await ctx.answerCallbackQuery({ text: ctx.t('callback-refused') });
});

unhandledFeature.chatType('private').on('message', async (ctx) => {
  await ctx.reply(ctx.t('reply-not-understood'), { parse_mode: 'HTML' });
});
