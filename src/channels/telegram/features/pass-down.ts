// Passing a task down (giao tiếp) on Telegram: "/giao <code> <target> [dd/mm] [ghi chú]" (also
// /assign), and ↘️ Giao tiếp on a leader's task card, which lists the child units and officers as
// buttons. Every press is checked against the officer it was sent to; the core checks the rest.
import { Composer } from 'grammy';
import { passDownAction } from '../../../messages/actions.ts';
import { passDownMenu } from '../../../messages/pass-down-menu.ts';
import { passDownOptions } from '../../../tasks/pass-down.ts';
import { resolvePassDown } from '../../../tasks/pass-down-command.ts';
import { parsePassDownArgs } from '../../../replies/pass-down-grammar.ts';
import { PermissionError } from '../../../tasks/actor.ts';
import type { BotContext } from '../context.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { passDownAndNotify } from '../handlers/pass-down.ts';
import { sendOutgoing } from '../handlers/send.ts';

export const passDownFeature = new Composer<BotContext>();

passDownFeature.chatType('private').command(['giao', 'assign'], async (ctx) => {
  const officer = ctx.officer!;
  const { services } = ctx;
  const command = parsePassDownArgs(ctx.match);
  if (!command) return void (await ctx.reply(ctx.t('pass-down-usage'), { parse_mode: 'HTML' }));
  const resolved = await resolvePassDown(services, officer, command, services.calendar.dateOf(services.now()));
  if (!resolved.ok) return void (await ctx.reply(ctx.t(resolved.key, resolved.vars ?? {}), { parse_mode: 'HTML' }));
  try {
    const { ok: _ok, ...input } = resolved;
    await passDownAndNotify(services, { api: ctx.api, chatId: ctx.chat.id }, { officerId: officer.id, ...input });
  } catch (err) {
    if (err instanceof PermissionError) return void (await ctx.reply(ctx.t('pass-down-not-allowed'), { parse_mode: 'HTML' }));
    throw err;
  }
});

passDownFeature.on('callback_query:data', async (ctx, next) => {
  const data = passDownAction.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'pass-down button for another officer or chat');
  const { services } = ctx;
  const chatId = ctx.chat!.id;
  try {
    if (data.step === 'm') {
      // Permission first: a forged ↘️ for a task the officer may not give lists nothing.
      const options = await passDownOptions(services.prisma, data.officerId, data.taskId);
      const task = await services.prisma.task.findUniqueOrThrow({ where: { id: data.taskId }, select: { code: true } });
      await ctx.answerCallbackQuery();
      await sendOutgoing(ctx.api, chatId, [passDownMenu(ctx.t, { code: task.code, taskId: data.taskId, officerId: data.officerId, options })]);
      return;
    }
    const target = data.step === 'u' ? { unitId: data.targetId } : { officerId: data.targetId };
    await passDownAndNotify(services, { api: ctx.api, chatId, messageId: ctx.callbackQuery.message!.message_id }, { officerId: data.officerId, taskId: data.taskId, target });
    await ctx.answerCallbackQuery();
  } catch (err) {
    if (err instanceof PermissionError) return refuseCallback(ctx, err.reason);
    throw err;
  }
});
