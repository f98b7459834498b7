// What a task passed down tells people: its new holders get the card with the giver's name and
// note; the givers up the chain hear each answer of the holder (done, progress, blocked, an
// extension asked) in one short line. Each in the reader's language, composed from the ids of a
// notice when it is sent (the assignment, the report, the request). Reads only.
import type { IsoDate } from '../deadlines/types.ts';
import type { AnswerKind } from '../tasks/answers.ts';
import { escapeHtml, truncate } from './html.ts';
import type { OutgoingMessage } from '../channels/types.ts';
import { formatDmy, isoOfDbDate } from '../status/tracking-status.ts';
import { loadActor } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';
import { taskCard } from './task-card.ts';

const NOTE_PREVIEW = 200;
/** The giver's note shown on the new holder's card. */
const GIFT_NOTE_PREVIEW = 300;

export type HolderAnswer =
  | { kind: AnswerKind; progress: number; awaitingConfirmation: boolean; note?: string | undefined }
  | { kind: 'EXTENSION'; proposedDue: IsoDate };

/** What a giver hears of: an answer (its report, with the task's progress and waiting as of it) or an extension asked. */
export type GiverEvent =
  | { taskId: number; reportId: number; progress: number; awaitingConfirmation: boolean }
  | { taskId: number; requestId: number };

/** The locale key and values of an answer, as a giver reads it. */
function answerText(answer: HolderAnswer): { key: string; vars: Record<string, string> } {
  if (answer.kind === 'EXTENSION') return { key: 'pass-down-answer-extension', vars: { date: formatDmy(answer.proposedDue) } };
  if (answer.kind === 'DONE') return { key: answer.awaitingConfirmation ? 'pass-down-answer-awaiting' : 'pass-down-answer-done', vars: {} };
  if (answer.kind === 'BLOCKED') return { key: 'pass-down-answer-blocked', vars: { reason: answer.note ? escapeHtml(truncate(answer.note.trim(), NOTE_PREVIEW)) : '' } };
  return answer.progress > 0 ? { key: 'pass-down-answer-progress', vars: { progress: String(answer.progress) } } : { key: 'pass-down-answer-in-progress', vars: {} };
}

/** The holder's answer and who gave it, read from the report or the extension request. */
async function holderAnswer(ctx: MessageContext, event: GiverEvent): Promise<{ answererId: number; answer: HolderAnswer } | undefined> {
  if ('requestId' in event) {
    const request = await ctx.prisma.extensionRequest.findUnique({ where: { id: event.requestId }, select: { requesterId: true, proposedDue: true } });
    return request ? { answererId: request.requesterId, answer: { kind: 'EXTENSION', proposedDue: isoOfDbDate(request.proposedDue) } } : undefined;
  }
  const report = await ctx.prisma.statusReport.findUnique({ where: { id: event.reportId }, select: { officerId: true, status: true, note: true } });
  if (!report || (report.status !== 'DONE' && report.status !== 'IN_PROGRESS' && report.status !== 'BLOCKED')) return undefined;
  return { answererId: report.officerId, answer: { kind: report.status, progress: event.progress, awaitingConfirmation: event.awaitingConfirmation, note: report.note ?? undefined } };
}

/** One line to a giver up the chain: who answered what on the task. */
export async function giverNotice(ctx: MessageContext, giverId: number, event: GiverEvent, now: Date): Promise<OutgoingMessage | undefined> {
  const giver = await ctx.prisma.officer.findUnique({ where: { id: giverId }, select: { language: true, active: true } });
  if (!giver?.active) return undefined;
  const held = await holderAnswer(ctx, event);
  const task = await ctx.prisma.task.findUnique({ where: { id: event.taskId }, select: { code: true, title: true } });
  if (!held || !task) return undefined;
  const answerer = await ctx.prisma.officer.findUnique({ where: { id: held.answererId }, select: { name: true } });
  const { t } = ctx.env(giver.language, now);
  const { key, vars } = answerText(held.answer);
  return { html: t('pass-down-answer-notice', { code: escapeHtml(task.code), title: escapeHtml(truncate(task.title, 200)), name: escapeHtml(answerer?.name ?? ''), answer: t(key, vars) }) };
}

/** The card a new holder gets, headed by who gave it and the note; undefined once the gift was replaced. */
export async function holderNotice(ctx: MessageContext, assignmentId: number, recipientId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const gift = await ctx.prisma.taskAssignment.findUnique({
    where: { id: assignmentId },
    select: { taskId: true, note: true, revokedAt: true, fromOfficer: { select: { name: true } }, toUnit: { select: { name: true } }, toOfficer: { select: { name: true } } },
  });
  if (!gift || gift.revokedAt) return undefined;
  const actor = await loadActor(ctx.prisma, recipientId);
  if (!actor?.active) return undefined;
  const { t } = ctx.env(actor.language, now);
  const to = escapeHtml(gift.toOfficer?.name ?? gift.toUnit.name);
  const note = gift.note?.trim() ? `\n${t('pass-down-received-note', { note: escapeHtml(truncate(gift.note.trim(), GIFT_NOTE_PREVIEW)) })}` : '';
  return taskCard(ctx, actor.id, gift.taskId, now, { actor, buttons: true, header: `${t('pass-down-received', { name: escapeHtml(gift.fromOfficer.name), to })}${note}` });
}
