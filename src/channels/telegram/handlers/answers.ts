// What happens after an officer answers, shared by buttons, text replies and conversations:
// record through the conversation core, then show the recorded status on the card
// (edited in place, without buttons, so it cannot be pressed twice) or in a new message.
// What the answer tells others (a result to confirm, givers up the chain, deciders, the requester)
// was written as notices with it; they are handed to delivery after the reply (services.sendNotices).
import type { Api } from 'grammy';
import { addEvidence, decideExtension, recordAnswer, requestExtension, snoozeTask, type AnswerKind } from '../../../tasks/answers.ts';
import { escapeHtml, truncate } from '../../../messages/html.ts';
import { translator, type TranslateFn } from '../../../messages/i18n.ts';
import { formatWhen } from '../../../messages/render.ts';
import type { SeenTask, TaskWithView } from '../../../tasks/queries.ts';
import { loadActor, type LoadedActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import type { IsoDate } from '../../../deadlines/types.ts';
import type { BotServices } from '../context.ts';
import { editOutgoing, sendOutgoing } from './send.ts';

export interface CardTarget {
  api: Api;
  chatId: number;
  /** The card to edit; without it a new message is sent. */
  messageId?: number;
}

const NOTE_PREVIEW = 300;

async function localeOf(services: BotServices, officerId: number): Promise<TranslateFn> {
  const actor = await loadActor(services.sql, officerId);
  return translator(services.i18n, actor?.language ?? 'vi');
}

/** Shows a task card with a footer line and no buttons, in place of the old card or as a new message. */
export async function showCardWithFooter(services: BotServices, target: CardTarget, officerId: number, taskId: number, footer: string, actor?: LoadedActor, view?: TaskWithView): Promise<void> {
  const card = await services.composer.taskCard(officerId, taskId, services.now(), { footer, ...(actor ? { actor } : {}), ...(view ? { view } : {}) });
  const message = card ?? { html: footer };
  if (target.messageId !== undefined) await editOutgoing(target.api, target.chatId, target.messageId, message);
  else await sendOutgoing(target.api, target.chatId, [message], { asReply: true });
}

export async function answerTask(
  services: BotServices,
  target: CardTarget,
  input: { officerId: number; taskId: number; kind: AnswerKind; progress?: number; note?: string; actor?: LoadedActor; seen?: SeenTask },
): Promise<{ reportId?: number }> {
  const now = services.now();
  const t = input.actor?.id === input.officerId ? translator(services.i18n, input.actor.language) : await localeOf(services, input.officerId);
  const kind: AnswerKind = input.kind === 'IN_PROGRESS' && input.progress === 100 ? 'DONE' : input.kind;
  const result = await recordAnswer(services.sql, { ...input, kind, now });
  if (result.outcome === 'already-done') {
    await showCardWithFooter(services, target, input.officerId, input.taskId, t('answer-already-done'), input.actor, result.view);
    return {};
  }
  const when = formatWhen(services.calendar, now);
  const note = input.note ? escapeHtml(truncate(input.note.trim(), NOTE_PREVIEW)) : '';
  const waiting = kind === 'DONE' && result.task.confirmationPendingAt !== null;
  const footer =
    waiting ? t('confirmation-waiting', { when })
    : kind === 'DONE' ? t('recorded-done', { when })
    : kind === 'BLOCKED' ? t('recorded-blocked', { when, reason: note || t('no-reason') })
    : result.task.progress > 0 ? t('recorded-progress', { when, progress: String(result.task.progress) })
    : t('recorded-in-progress', { when });
  await showCardWithFooter(services, target, input.officerId, input.taskId, footer, input.actor, result.view);
  // A "done" that waits goes to the monitoring unit; a task passed down tells its givers (none otherwise).
  if (result.noticeIds.length) await services.sendNotices(result.noticeIds);
  return { reportId: result.report.id };
}

export async function snoozeAndShow(services: BotServices, target: CardTarget, officerId: number, taskId: number, until: Date): Promise<void> {
  const t = await localeOf(services, officerId);
  const result = await snoozeTask(services.prisma, { officerId, taskId, until, now: services.now() });
  // The snooze's reminder is queued now, not at the next reconcile.
  if (result.outcome === 'snoozed') await services.requestPlanning?.({ taskIds: [taskId] });
  const footer = result.outcome === 'already-done' ? t('answer-already-done') : t('recorded-snoozed', { when: formatWhen(services.calendar, until) });
  await showCardWithFooter(services, target, officerId, taskId, footer);
}

/** Stores evidence; the notices it wrote (evidence for a result waiting for confirmation) are for the caller to send after its reply. */
export async function storeEvidence(
  services: BotServices,
  input: { officerId: number; reportId: number; kind: 'DOCUMENT' | 'PHOTO' | 'LINK'; reference: string; fileName?: string; mimeType?: string },
): Promise<{ evidenceId: number; noticeIds: number[] }> {
  const evidence = await addEvidence(services.prisma, { ...input, now: services.now() });
  return { evidenceId: evidence.id, noticeIds: evidence.noticeIds };
}

/** Records an extension request, shows it on the card and asks the deciders with Approve / Reject. */
export async function requestAndNotify(
  services: BotServices,
  target: CardTarget,
  input: { officerId: number; taskId: number; proposedDue: IsoDate; reason?: string },
): Promise<'requested' | 'not-later' | 'already-done'> {
  const now = services.now();
  const t = await localeOf(services, input.officerId);
  const result = await requestExtension(services.prisma, { ...input, now });
  if (result.outcome === 'already-done') {
    await showCardWithFooter(services, target, input.officerId, input.taskId, t('answer-already-done'));
    return 'already-done';
  }
  if (result.outcome === 'not-later') {
    await target.api.sendMessage(target.chatId, t('extension-not-later', { date: formatDmy(result.currentDue) }), { parse_mode: 'HTML' });
    return 'not-later';
  }
  await showCardWithFooter(services, target, input.officerId, input.taskId, t('recorded-extension', { date: formatDmy(result.proposedDue) }));
  // Each decider is asked (Approve / Reject); givers up the chain hear of it.
  await services.sendNotices(result.noticeIds);
  return 'requested';
}

/** A leader's decision: recorded, the leader's message edited, the requester told. */
export async function decideAndNotify(
  services: BotServices,
  target: CardTarget & { messageId: number; originalHtml: string },
  input: { officerId: number; requestId: number; approve: boolean },
): Promise<void> {
  const now = services.now();
  const t = await localeOf(services, input.officerId);
  const result = await decideExtension(services.prisma, { ...input, now });
  if (result.outcome === 'not-found') {
    await editOutgoing(target.api, target.chatId, target.messageId, { html: `${target.originalHtml}\n\n${t('extension-not-found')}` });
    return;
  }
  if (result.outcome === 'already-decided') {
    await editOutgoing(target.api, target.chatId, target.messageId, { html: `${target.originalHtml}\n\n${t('extension-already-decided')}` });
    return;
  }
  // The new deadline's reminders are planned and queued now, not at the next reconcile.
  if (result.approved) await services.requestPlanning?.({ taskIds: [result.taskId] });
  const footer = t(result.approved ? 'extension-approved-leader' : 'extension-rejected-leader', { date: formatDmy(result.proposedDue), when: formatWhen(services.calendar, now) });
  await editOutgoing(target.api, target.chatId, target.messageId, { html: `${target.originalHtml}\n\n${footer}` });
  // The requester hears the decision on the task's card.
  await services.sendNotices(result.noticeIds);
}
