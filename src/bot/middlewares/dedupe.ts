// Every update is handled once: its update_id is claimed in ProcessedUpdate before any
// handler runs. A redelivered update (webhook retry, polling overlap) finds the claim and
// stops. If handling throws (the error boundary rethrows infrastructure failures), the
// claim is released so that Telegram's redelivery gets another chance.
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

export function dedupeUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { prisma } = ctx.services;
    const updateId = BigInt(ctx.update.update_id);
    const claimed = await prisma.processedUpdate.createMany({ data: [{ channel: 'TELEGRAM', updateId }], skipDuplicates: true });
    if (claimed.count === 0) {
      ctx.logger.info({ msg: 'duplicate update skipped' });
      return;
    }
    try {
      await next();
    } catch (err) {
      await prisma.processedUpdate.deleteMany({ where: { channel: 'TELEGRAM', updateId } }).catch(() => undefined);
      throw err;
    }
  };
}
