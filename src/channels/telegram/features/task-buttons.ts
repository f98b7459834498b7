// The buttons of a task card and of an extension request. Each press is checked against
// the officer the data names and the chat it was sent to before anything is recorded.
import { Composer } from 'grammy';
import { extensionDecision, SNOOZE_PICK_DAY, taskAction, type TaskAction } from '../../../messages/actions.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { PermissionError } from '../../../tasks/actor.ts';
import { progressButtons, snoozeButtons, taskButtons } from '../../../messages/render.ts';
import { afterWorkingDays, nextWorkingMorning } from '../../../replies/snooze-time.ts';
import type { BotContext } from '../context.ts';
import { askForEvidence, CONVERSATION_IDS, enterConversation, type TaskStepArgs } from '../conversations/index.ts';
import { answerTask, decideAndNotify, snoozeAndShow } from '../handlers/answers.ts';
import { demandAndNotify } from '../handlers/explanations.ts';
import { assertMayAnswer } from '../../../tasks/answers.ts';
import { editButtons, sendOutgoing } from '../handlers/send.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { prefetchedById } from '../middlewares/prefetch.ts';

export const taskButtonsFeature = new Composer<BotContext>();

async function onTaskAction(ctx: BotContext, data: TaskAction) {
  const officer = ctx.officer!;
  const chatId = ctx.chat!.id;
  const messageId = ctx.callbackQuery!.message!.message_id;
  const target = { api: ctx.api, chatId, messageId };
  const stepArgs: TaskStepArgs = { officerId: officer.id, taskId: data.taskId, locale: officer.language, chatId, messageId };
  const { services } = ctx;
  switch (data.action) {
    case 'done': {
      await ctx.answerCallbackQuery();
      const seen = prefetchedById(ctx, data.taskId);
      const { reportId } = await answerTask(services, target, { actor: officer, officerId: officer.id, taskId: data.taskId, kind: 'DONE', ...(seen ? { seen } : {}) });
      if (reportId) await askForEvidence(ctx, reportId);
      return;
    }
    case 'prog':
      await editButtons(ctx.api, chatId, messageId, { html: '', buttons: progressButtons(ctx.t, data.taskId, officer.id) });
      return ctx.answerCallbackQuery();
    case 'pv': {
      await ctx.answerCallbackQuery();
      const seen = prefetchedById(ctx, data.taskId);
      await answerTask(services, target, { actor: officer, officerId: officer.id, taskId: data.taskId, kind: 'IN_PROGRESS', progress: data.value, ...(seen ? { seen } : {}) });
      return;
    }
    case 'blk':
      // Scope first: a forged button for another unit's task asks nothing.
      await assertMayAnswer(services.prisma, officer.id, data.taskId);
      await ctx.answerCallbackQuery();
      return enterConversation(ctx, CONVERSATION_IDS.blocked, stepArgs);
    case 'ext':
      await assertMayAnswer(services.prisma, officer.id, data.taskId);
      await ctx.answerCallbackQuery();
      return enterConversation(ctx, CONVERSATION_IDS.extension, stepArgs);
    case 'snz':
      await editButtons(ctx.api, chatId, messageId, { html: '', buttons: snoozeButtons(ctx.t, data.taskId, officer.id) });
      return ctx.answerCallbackQuery();
    case 'sv': {
      if (data.value === SNOOZE_PICK_DAY) {
        await assertMayAnswer(services.prisma, officer.id, data.taskId);
        await ctx.answerCallbackQuery();
        return enterConversation(ctx, CONVERSATION_IDS.snoozeDay, stepArgs);
      }
      await ctx.answerCallbackQuery();
      const now = services.now();
      const until = data.value > 0 ? afterWorkingDays(services.calendar, now, data.value) : nextWorkingMorning(services.calendar, now);
      return snoozeAndShow(services, target, officer.id, data.taskId, until);
    }
    case 'back':
      await editButtons(ctx.api, chatId, messageId, { html: '', buttons: taskButtons(ctx.t, data.taskId, officer.id) });
      return ctx.answerCallbackQuery();
    case 'card': {
      await ctx.answerCallbackQuery();
      const card = await services.composer.taskCard(officer.id, data.taskId, services.now(), { buttons: true });
      if (card) await sendOutgoing(ctx.api, chatId, [card]);
      return;
    }
    case 'ev':
      await ctx.answerCallbackQuery();
      return;
    case 'exq':
      // Permission (a leader of a unit with a role on the task) is checked by the core; a refusal is a PermissionError.
      await demandAndNotify(services, target, { officerId: officer.id, taskId: data.taskId });
      return ctx.answerCallbackQuery();
    case 'exa':
      await assertMayAnswer(services.prisma, officer.id, data.taskId);
      await ctx.answerCallbackQuery();
      return enterConversation(ctx, CONVERSATION_IDS.explanation, stepArgs);
  }
}

taskButtonsFeature.on('callback_query:data', async (ctx, next) => {
  const data = taskAction.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'task button for another officer or chat');
  try {
    await onTaskAction(ctx, data);
  } catch (err) {
    if (err instanceof PermissionError) return refuseCallback(ctx, err.reason);
    throw err;
  }
});

taskButtonsFeature.on('callback_query:data', async (ctx, next) => {
  const data = extensionDecision.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'extension decision for another officer or chat');
  const message = ctx.callbackQuery.message!;
  try {
    await decideAndNotify(
      ctx.services,
      { api: ctx.api, chatId: message.chat.id, messageId: message.message_id, originalHtml: escapeHtml(message.text ?? '') },
      { officerId: data.officerId, requestId: data.requestId, approve: data.decision === 'a' },
    );
  } catch (err) {
    if (err instanceof PermissionError) return refuseCallback(ctx, err.reason);
    throw err;
  }
  await ctx.answerCallbackQuery();
});
