// /tasks (my open tasks by urgency, paged) and /status [code] (one card, or my summary).
import { Composer } from 'grammy';
import { listPage, taskAction } from '../../conversation/actions.ts';
import { escapeHtml } from '../../conversation/html.ts';
import { tasksByCode } from '../../conversation/queries.ts';
import { trackingStatus, isoOfDbDate, TRACKING_STATUSES } from '../../conversation/tracking-status.ts';
import { taskScopeWhere } from '../../conversation/scope.ts';
import type { BotContext } from '../context.ts';
import { listMessage } from '../handlers/lists.ts';
import { editOutgoing, sendOutgoing } from '../handlers/send.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { messageOptions } from '../keyboards/index.ts';

export const tasksFeature = new Composer<BotContext>();
const priv = tasksFeature.chatType('private');

priv.command('tasks', async (ctx) => {
  const message = await listMessage(ctx.services, ctx.officer!, 'tasks', 0);
  await ctx.reply(message.html, messageOptions(message));
});

priv.command('status', async (ctx) => {
  const officer = ctx.officer!;
  const code = ctx.match.trim().split(/\s+/)[0] ?? '';
  const now = ctx.services.now();
  if (!code) {
    const tasks = await ctx.services.prisma.task.findMany({
      where: { isGroup: false, ...taskScopeWhere(officer.scope) },
      select: { status: true, due: true, completedAt: true },
    });
    const today = ctx.services.calendar.dateOf(now);
    const counts = new Map<string, number>();
    for (const task of tasks) {
      const s = trackingStatus({ status: task.status, ...(task.due ? { due: isoOfDbDate(task.due) } : {}), ...(task.completedAt ? { completedOn: ctx.services.calendar.dateOf(task.completedAt) } : {}) }, today);
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const lines = [ctx.t('status-summary-title', { unit: escapeHtml(officer.unitName) })];
    for (const s of TRACKING_STATUSES) if (counts.get(s)) lines.push(`• ${ctx.t(`status-${s}`)}: ${counts.get(s)}`);
    if (lines.length === 1) lines.push(ctx.t('tasks-empty'));
    lines.push('', ctx.t('status-summary-hint'));
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
    return;
  }
  const matches = await tasksByCode(ctx.services.prisma, officer.scope, code);
  if (matches.length === 0) {
    await ctx.reply(ctx.t('task-not-found', { code: escapeHtml(code) }), { parse_mode: 'HTML' });
    return;
  }
  if (matches.length > 1) {
    const choice = {
      html: ctx.t('task-ambiguous', { code: escapeHtml(code) }),
      buttons: matches.map((m) => [{ text: `${m.code} — ${(m.plan.number ?? m.plan.title).slice(0, 40)}`, data: taskAction.pack({ action: 'card', taskId: m.id, officerId: officer.id, value: 0 }) }]),
    };
    await ctx.reply(choice.html, messageOptions(choice));
    return;
  }
  const card = await ctx.services.composer.taskCard(officer.id, matches[0]!.id, now, { buttons: true });
  if (card) await sendOutgoing(ctx.api, ctx.chat.id, [card]);
});

tasksFeature.on('callback_query:data', async (ctx, next) => {
  const data = listPage.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'list page for another officer');
  const message = await listMessage(ctx.services, ctx.officer!, data.list, data.page);
  await editOutgoing(ctx.api, ctx.chat!.id, ctx.callbackQuery.message!.message_id, message);
  await ctx.answerCallbackQuery();
});
