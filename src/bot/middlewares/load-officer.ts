// Who is this? The officer linked to the sender's Telegram account, if any and active.
// One query per update; the handlers reuse ctx.officer instead of reading it again.
import type { MiddlewareFn } from 'grammy';
import { actorOfChat } from '../../conversation/scope.ts';
import type { BotContext } from '../context.ts';

export function loadOfficer(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.from && !ctx.from.is_bot) {
      const actor = await actorOfChat(ctx.services.prisma, 'TELEGRAM', String(ctx.from.id));
      if (actor?.active) {
        ctx.officer = actor;
        ctx.logger = ctx.logger.child({ officer_id: actor.id });
      }
    }
    return next();
  };
}
