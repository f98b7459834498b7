// Short text replies that do what the buttons do ("xong 1.2", "1.2 50%", "gia hạn 1.2 20/12/2024",
// "vướng 1.2 chờ kinh phí"), parsed by the conversation core's grammar.
import { choiceLabel } from '../../../messages/render.ts';
import { Composer } from 'grammy';
import { taskAction } from '../../../messages/actions.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { taskViewsByCode, type SeenTask } from '../../../tasks/queries.ts';
import { parseReply, type ReplyCommand } from '../../../replies/reply-grammar.ts';
import { PermissionError } from '../../../tasks/actor.ts';
import { snoozeUntil } from '../../../replies/snooze-time.ts';
import { parseFutureDate } from '../../../replies/user-date.ts';
import type { BotContext } from '../context.ts';
import { askForEvidence, CONVERSATION_IDS, enterConversation, type TaskStepArgs } from '../conversations/index.ts';
import { answerTask, requestAndNotify, snoozeAndShow } from '../handlers/answers.ts';
import { demandAndNotify, explainAndNotify } from '../handlers/explanations.ts';
import { confirmAndNotify, returnAndNotify } from '../handlers/confirmations.ts';
import { assertMayConfirm } from '../../../tasks/confirmations.ts';
import type { IsoDate } from '../../../deadlines/types.ts';
import { messageOptions } from '../keyboards/index.ts';
import { inWebhookAnswer } from '../webhook-answer.ts';
import { prefetchedByCode } from '../middlewares/prefetch.ts';

export const textRepliesFeature = new Composer<BotContext>();

/** The one task the code names in the officer's scope, as read for the answer; undefined after telling why not. */
async function resolveTask(ctx: BotContext, command: ReplyCommand): Promise<SeenTask | undefined> {
  const officer = ctx.officer!;
  const found = prefetchedByCode(ctx, command.code) ?? (await taskViewsByCode(ctx.services.sql, officer.scope, command.code));
  const matches = found.filter((t) => t.view.status !== 'DONE' || command.kind === 'done');
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    await ctx.reply(ctx.t('task-not-found', { code: escapeHtml(command.code) }), inWebhookAnswer({ parse_mode: 'HTML' as const }));
    return undefined;
  }
  const choice = {
    html: ctx.t('task-ambiguous', { code: escapeHtml(command.code) }),
    buttons: matches.map(({ view: m }) => [{ text: choiceLabel(m), data: taskAction.pack({ action: 'card', taskId: m.id, officerId: officer.id, value: 0 }) }]),
  };
  await ctx.reply(choice.html, messageOptions(choice));
  return undefined;
}

textRepliesFeature.chatType('private').on('message:text', async (ctx, next) => {
  const command = parseReply(ctx.message.text);
  if (!command) return next();
  const officer = ctx.officer!;
  const seen = await resolveTask(ctx, command);
  if (!seen) return;
  const taskId = seen.view.id;
  const { services } = ctx;
  const target = { api: ctx.api, chatId: ctx.chat.id };
  const stepArgs: TaskStepArgs = { officerId: officer.id, taskId, locale: officer.language, chatId: ctx.chat.id };
  try {
    switch (command.kind) {
      case 'done': {
        const { reportId } = await answerTask(services, target, { actor: officer, seen, officerId: officer.id, taskId, kind: 'DONE', ...(command.note ? { note: command.note } : {}) });
        if (reportId) await askForEvidence(ctx, reportId);
        return;
      }
      case 'in-progress':
        await answerTask(services, target, { actor: officer, seen, officerId: officer.id, taskId, kind: 'IN_PROGRESS', ...(command.note ? { note: command.note } : {}) });
        return;
      case 'progress':
        await answerTask(services, target, { actor: officer, seen, officerId: officer.id, taskId, kind: 'IN_PROGRESS', progress: command.progress, ...(command.note ? { note: command.note } : {}) });
        return;
      case 'blocked':
        if (!command.reason) {
          return enterConversation(ctx, CONVERSATION_IDS.blocked, stepArgs);
        }
        await answerTask(services, target, { actor: officer, seen, officerId: officer.id, taskId, kind: 'BLOCKED', note: command.reason });
        return;
      case 'extend': {
        if (!command.dateText) {
          return enterConversation(ctx, CONVERSATION_IDS.extension, stepArgs);
        }
        const proposed = parseFutureDate(command.dateText, services.calendar.dateOf(services.now()));
        if ('refusal' in proposed) {
          await ctx.reply(ctx.t(proposed.refusal), { parse_mode: 'HTML' });
          return;
        }
        await requestAndNotify(services, target, { officerId: officer.id, taskId, proposedDue: proposed.date, ...(command.reason ? { reason: command.reason } : {}) });
        return;
      }
      case 'explain-ask': {
        let dueOn: IsoDate | undefined;
        if (command.dateText) {
          const due = parseFutureDate(command.dateText, services.calendar.dateOf(services.now()));
          if ('refusal' in due) {
            await ctx.reply(ctx.t(due.refusal), { parse_mode: 'HTML' });
            return;
          }
          dueOn = due.date;
        }
        await demandAndNotify(services, target, { officerId: officer.id, taskId, ...(dueOn ? { dueOn } : {}) });
        return;
      }
      case 'explain':
        if (!command.text) return enterConversation(ctx, CONVERSATION_IDS.explanation, stepArgs);
        await explainAndNotify(services, target, { officerId: officer.id, taskId, text: command.text });
        return;
      case 'confirm':
        await assertMayConfirm(services.prisma, officer.id, taskId);
        await confirmAndNotify(services, target, { officerId: officer.id, taskId });
        return;
      case 'return':
        await assertMayConfirm(services.prisma, officer.id, taskId);
        if (!command.reason) return enterConversation(ctx, CONVERSATION_IDS.returnReason, stepArgs);
        await returnAndNotify(services, target, { officerId: officer.id, taskId, reason: command.reason });
        return;
      case 'snooze': {
        const when = snoozeUntil(services.calendar, services.now(), officer.snoozeHours, command.dateText);
        if ('refusal' in when) {
          await ctx.reply(ctx.t(when.refusal), { parse_mode: 'HTML' });
          return;
        }
        await snoozeAndShow(services, target, officer.id, taskId, when.until);
        return;
      }
    }
  } catch (err) {
    if (err instanceof PermissionError) {
      await ctx.reply(ctx.t(command.kind === 'explain-ask' ? 'explanation-not-allowed' : command.kind === 'confirm' || command.kind === 'return' ? 'confirmation-not-allowed' : 'task-not-yours'), { parse_mode: 'HTML' });
      return;
    }
    throw err;
  }
});
