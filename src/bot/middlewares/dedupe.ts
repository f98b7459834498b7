// Every update is handled once: its update_id is claimed in ProcessedUpdate before any
// handler runs. A redelivered update (webhook retry, polling overlap) finds the claim and
// stops. If handling throws (the error boundary rethrows infrastructure failures), the
// claim is released so that Telegram's redelivery gets another chance.
// The claim is one hand-written INSERT ... ON CONFLICT DO NOTHING: it runs on every update.
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';

export function dedupeUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { prisma } = ctx.services;
    const updateId = BigInt(ctx.update.update_id);
    const claimed = await prisma.$executeRaw`
      INSERT INTO "ProcessedUpdate" (channel, "updateId", "createdAt") VALUES ('TELEGRAM', ${updateId}, ${new Date()})
      ON CONFLICT DO NOTHING`;
    if (claimed === 0) {
      ctx.logger.info({ msg: 'duplicate update skipped' });
      return;
    }
    try {
      await next();
    } catch (err) {
      await prisma.$executeRaw`DELETE FROM "ProcessedUpdate" WHERE channel = 'TELEGRAM' AND "updateId" = ${updateId}`.catch(() => undefined);
      throw err;
    }
  };
}
