// Every update is handled once: its update_id is claimed in ProcessedUpdate before any
// handler runs. A redelivered update (webhook retry, polling overlap) finds the claim and
// stops. If handling throws (the error boundary rethrows infrastructure failures), the
// claim is released so that Telegram's redelivery gets another chance.
// The same statement reads who is writing: the officer linked to the sender's Telegram
// account, if any and active, put on ctx.officer for every handler of the update to reuse,
// and the task(s) the update is about (prefetch.ts), put on ctx.prefetched.
import type { MiddlewareFn } from 'grammy';
import { claimUpdate, releaseUpdate } from '../../../tasks/actor.ts';
import type { BotContext } from '../context.ts';
import { prefetchOf } from './prefetch.ts';

export function dedupeUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { sql } = ctx.services;
    const updateId = BigInt(ctx.update.update_id);
    const sender = ctx.from && !ctx.from.is_bot ? String(ctx.from.id) : undefined;
    const prefetch = prefetchOf(ctx);
    const { claimed, actor, tasks } = await claimUpdate(sql, 'TELEGRAM', updateId, sender, { now: ctx.services.now(), prefetch });
    if (!claimed) {
      ctx.logger.info({ msg: 'duplicate update skipped' });
      return;
    }
    if (actor?.active) {
      ctx.officer = actor;
      if (prefetch && tasks) ctx.prefetched = { key: prefetch, tasks };
      ctx.logger = ctx.logger.child({ officer_id: actor.id });
    }
    try {
      await next();
    } catch (err) {
      await releaseUpdate(sql, 'TELEGRAM', updateId).catch(() => undefined);
      throw err;
    }
  };
}
