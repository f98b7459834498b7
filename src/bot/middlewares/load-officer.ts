// Who is this? The officer linked to the sender's Telegram account, if any and active.
import type { MiddlewareFn } from 'grammy';
import { actorOf } from '../../conversation/scope.ts';
import type { BotContext } from '../context.ts';

export function loadOfficer(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.from && !ctx.from.is_bot) {
      const identity = await ctx.services.prisma.chatIdentity.findUnique({
        where: { channel_externalId: { channel: 'TELEGRAM', externalId: String(ctx.from.id) } },
        include: { officer: { include: { unit: { select: { name: true } } } } },
      });
      if (identity?.active) {
        const actor = await actorOf(ctx.services.prisma, identity.officer);
        if (actor.active) {
          ctx.officer = actor;
          ctx.logger = ctx.logger.child({ officer_id: actor.id });
        }
      }
    }
    return next();
  };
}
