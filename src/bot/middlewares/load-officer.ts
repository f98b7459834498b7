// Who is this? The officer linked to the sender's Telegram account, if any and active.
import type { MiddlewareFn } from 'grammy';
import { loadActor, officerIdOfChat } from '../../conversation/scope.ts';
import type { BotContext } from '../context.ts';

export function loadOfficer(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.from && !ctx.from.is_bot) {
      const officerId = await officerIdOfChat(ctx.services.prisma, 'TELEGRAM', String(ctx.from.id));
      if (officerId !== undefined) {
        const actor = await loadActor(ctx.services.prisma, officerId);
        if (actor?.active) {
          ctx.officer = actor;
          ctx.logger = ctx.logger.child({ officer_id: actor.id });
        }
      }
    }
    return next();
  };
}
