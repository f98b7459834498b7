// First middleware: services and a child logger carrying the update id on ctx.
import type { MiddlewareFn } from 'grammy';
import type { Logger } from '../../../logger.ts';
import type { BotContext, BotServices } from '../context.ts';

export function setupContext(services: BotServices, logger: Logger): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.services = services;
    ctx.logger = logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id });
    return next();
  };
}
