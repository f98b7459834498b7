// What a task passed down tells people: its new holders get the card with the giver's name and
// note; the givers up the chain hear each answer of the holder (done, progress, blocked, an
// extension asked) in one short line. Each in the reader's language, with where to reach them
// (the chat they are reminded on, on whichever platform). Composing only: the adapters send.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { AnswerKind } from '../tasks/answers.ts';
import { chatsOf, type DeciderChat } from './extension-notice.ts';
import { escapeHtml, truncate } from './html.ts';
import { translator, type Translator } from './i18n.ts';
import type { TaskCardOptions } from './task-card.ts';
import type { OutgoingMessage } from '../channels/types.ts';
import { giverIds } from '../tasks/pass-down.ts';
import { formatDmy } from '../status/tracking-status.ts';

const NOTE_PREVIEW = 200;
/** The giver's note shown on the new holder's card. */
const GIFT_NOTE_PREVIEW = 300;

export type HolderAnswer =
  | { kind: AnswerKind; progress: number; awaitingConfirmation: boolean; note?: string | undefined }
  | { kind: 'EXTENSION'; proposedDue: IsoDate };

/** The locale key and values of an answer, as a giver reads it. */
function answerText(answer: HolderAnswer): { key: string; vars: Record<string, string> } {
  if (answer.kind === 'EXTENSION') return { key: 'pass-down-answer-extension', vars: { date: formatDmy(answer.proposedDue) } };
  if (answer.kind === 'DONE') return { key: answer.awaitingConfirmation ? 'pass-down-answer-awaiting' : 'pass-down-answer-done', vars: {} };
  if (answer.kind === 'BLOCKED') return { key: 'pass-down-answer-blocked', vars: { reason: answer.note ? escapeHtml(truncate(answer.note.trim(), NOTE_PREVIEW)) : '' } };
  return answer.progress > 0 ? { key: 'pass-down-answer-progress', vars: { progress: String(answer.progress) } } : { key: 'pass-down-answer-in-progress', vars: {} };
}

/** One notice per giver with an active chat; none when the task was not passed down. */
export async function giverNotices(prisma: PrismaClient, i18n: Translator, input: { taskId: number; answererId: number; answer: HolderAnswer }): Promise<DeciderChat[]> {
  const ids = await giverIds(prisma, input.taskId, input.answererId);
  if (!ids.length) return [];
  const task = await prisma.task.findUniqueOrThrow({ where: { id: input.taskId }, select: { code: true, title: true } });
  const answerer = await prisma.officer.findUnique({ where: { id: input.answererId }, select: { name: true } });
  const { key, vars } = answerText(input.answer);
  const out: DeciderChat[] = [];
  for (const officerId of ids) {
    const giver = await prisma.officer.findUnique({ where: { id: officerId }, select: { language: true, active: true } });
    const chats = await chatsOf(prisma, officerId);
    if (!giver?.active || !chats.length) continue;
    const t = translator(i18n, giver.language);
    const html = t('pass-down-answer-notice', { code: escapeHtml(task.code), title: escapeHtml(truncate(task.title, 200)), name: escapeHtml(answerer?.name ?? ''), answer: t(key, vars) });
    out.push({ officerId, chats, message: { html } });
  }
  return out;
}

/** The card each new holder gets, headed by who gave it and the note; none for a holder without a chat. */
export async function holderNotices(
  deps: { prisma: PrismaClient; i18n: Translator; composer: { taskCard(officerId: number, taskId: number, now: Date, options?: TaskCardOptions): Promise<OutgoingMessage | undefined> } },
  input: { taskId: number; giverName: string; toName: string; note?: string | undefined; recipientIds: number[]; now: Date },
): Promise<DeciderChat[]> {
  const out: DeciderChat[] = [];
  const to = escapeHtml(input.toName);
  for (const officerId of input.recipientIds) {
    const recipient = await deps.prisma.officer.findUnique({ where: { id: officerId }, select: { language: true } });
    if (!recipient) continue;
    const t = translator(deps.i18n, recipient.language);
    const note = input.note?.trim() ? `\n${t('pass-down-received-note', { note: escapeHtml(truncate(input.note.trim(), GIFT_NOTE_PREVIEW)) })}` : '';
    const card = await deps.composer.taskCard(officerId, input.taskId, input.now, { buttons: true, header: `${t('pass-down-received', { name: escapeHtml(input.giverName), to })}${note}` });
    if (card) out.push({ officerId, chats: await chatsOf(deps.prisma, officerId), message: card });
  }
  return out;
}
