// Errors inside features: logged with the update, the user told briefly, the bot kept
// running. grammY's default handler would stop polling on the first error.
import { GrammyError, HttpError, type BotError } from 'grammy';
import type { BotContext } from '../context.ts';

export async function handleFeatureError(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  const cause = err.error;
  const log = ctx.logger ?? console;
  if (cause instanceof GrammyError && cause.error_code < 500) {
    log.info({ err: cause, method: cause.method, msg: 'telegram refused a call' });
  } else if (cause instanceof HttpError) {
    log.warn({ err: cause, msg: 'telegram unreachable' });
  } else {
    log.error({ err: cause, msg: 'error while handling update' });
  }
  try {
    const text = ctx.t ? ctx.t('error-generic') : 'Error';
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else if (ctx.chat?.type === 'private') await ctx.reply(text);
  } catch {
    // Telling the user is best effort.
  }
}
