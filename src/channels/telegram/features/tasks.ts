// /tasks (my open tasks by urgency, paged) and /status [code] (one card, or my summary).
import { choiceLabel } from '../../../messages/render.ts';
import { Composer } from 'grammy';
import { listPage, taskAction } from '../../../messages/actions.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { leadingCode, tasksByCode } from '../../../tasks/queries.ts';
import { statusSummaryHtml } from '../../../messages/status-summary.ts';
import type { BotContext } from '../context.ts';
import { listMessage } from '../handlers/lists.ts';
import { editOutgoing, sendOutgoing } from '../handlers/send.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { messageOptions } from '../keyboards/index.ts';
import { inWebhookAnswer } from '../webhook-answer.ts';

export const tasksFeature = new Composer<BotContext>();
const priv = tasksFeature.chatType('private');

priv.command('tasks', async (ctx) => {
  const message = await listMessage(ctx.services, ctx.officer!, 'tasks', 0);
  await ctx.reply(message.html, inWebhookAnswer(messageOptions(message)));
});

priv.command('status', async (ctx) => {
  const officer = ctx.officer!;
  const code = leadingCode(ctx.match);
  const now = ctx.services.now();
  if (!code) {
    await ctx.reply(await statusSummaryHtml(ctx.services, officer, now), inWebhookAnswer({ parse_mode: 'HTML' as const }));
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
      buttons: matches.map((m) => [{ text: choiceLabel(m), data: taskAction.pack({ action: 'card', taskId: m.id, officerId: officer.id, value: 0 }) }]),
    };
    await ctx.reply(choice.html, messageOptions(choice));
    return;
  }
  const card = await ctx.services.composer.taskCard(officer.id, matches[0]!.id, now, { buttons: true });
  if (card) await sendOutgoing(ctx.api, ctx.chat.id, [card], { asReply: true });
});

tasksFeature.on('callback_query:data', async (ctx, next) => {
  const data = listPage.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'list page for another officer');
  const message = await listMessage(ctx.services, ctx.officer!, data.list, data.page);
  await editOutgoing(ctx.api, ctx.chat!.id, ctx.callbackQuery.message!.message_id, message);
  await ctx.answerCallbackQuery();
});
