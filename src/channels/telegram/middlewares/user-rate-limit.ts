// A person can send the bot only so many updates a minute (messages and button taps
// together); past that, one polite "too fast" answer and the rest of the minute is
// ignored. Counted in Redis so that every bot process behind a webhook shares the count,
// and before the update is claimed, so a flood costs no database writes.
import { limit } from '@grammyjs/ratelimiter';
import type { Redis } from 'ioredis';
import type { MiddlewareFn } from 'grammy';
import { toLocale } from '../../../messages/i18n.ts';
import type { BotContext } from '../context.ts';

const WINDOW_MS = 60_000;

// INCR and its expiry in one step: a process stopped between the two would otherwise
// leave a counter that never expires and a person locked out for good.
const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export interface UserRateLimitOptions {
  redis: Redis;
  prefix: string;
  updatesPerMinute: number;
}

export function userRateLimit(options: UserRateLimitOptions): MiddlewareFn<BotContext> {
  // The plugin's store calls incr, then pexpire when the count is 1; both are done by incr here.
  const store = {
    incr: async (key: string) => Number(await options.redis.eval(COUNT, 1, key, WINDOW_MS)),
    pexpire: async () => 1,
  };
  return limit<BotContext, typeof store>({
    timeFrame: WINDOW_MS,
    limit: options.updatesPerMinute,
    storageClient: store,
    keyPrefix: `${options.prefix}:user-rate:`,
    keyGenerator: (ctx) => (ctx.from && !ctx.from.is_bot ? String(ctx.from.id) : undefined),
    // Called once per person and minute, on the first update over the limit.
    onLimitExceeded: async (ctx) => {
      const text = ctx.services.i18n.t(toLocale(ctx.from?.language_code?.slice(0, 2)), 'too-fast');
      ctx.logger.warn({ msg: 'user over the update limit', from: ctx.from?.id });
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
      else if (ctx.chat?.type === 'private') await ctx.reply(text);
    },
  });
}
