// The notice a monitoring officer gets when evidence is added to a result waiting for their
// confirmation (tasks/evidence-waiting.ts says when): the task, who sent what, ✅ / ↩️.
// Texts: locales/<lang>/evidence-notice.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import type { WaitingEvidence } from '../tasks/evidence-waiting.ts';
import { loadActor } from '../tasks/actor.ts';
import { taskInScope } from '../tasks/queries.ts';
import type { MessageContext } from './context.ts';
import { escapeHtml, truncate } from './html.ts';
import { confirmationButtons } from './render.ts';

const NOTICE_TITLE_MAX = 80;

/** Undefined when the officer may not see the task or it no longer waits. */
export async function evidenceNotice(ctx: MessageContext, recipientId: number, waiting: WaitingEvidence, now: Date): Promise<OutgoingMessage | undefined> {
  const actor = await loadActor(ctx.prisma, recipientId);
  if (!actor?.active) return undefined;
  const task = await taskInScope(ctx.prisma, actor.scope, waiting.taskId);
  if (!task?.confirmationPendingAt) return undefined;
  const reporter = await loadActor(ctx.prisma, waiting.reporterId);
  const { t } = ctx.env(actor.language, now);
  const { kind, reference, fileName } = waiting.evidence;
  // A link, a file's name, or a photo's address where it has one (Zalo's); else what it is.
  const item = kind === 'LINK' ? reference : fileName ?? (/^https?:\/\//.test(reference) ? reference : t(kind === 'PHOTO' ? 'export-evidence-photo-unnamed' : 'export-evidence-document-unnamed'));
  // Evidence sent to the Telegram bot is a file_id it can send again: the file goes itself, the notice as its caption.
  const file = kind !== 'LINK' && !/^https?:\/\//.test(reference) ? { file: { kind: kind === 'DOCUMENT' ? 'document' as const : 'photo' as const, fileId: reference } } : {};
  return {
    ...file,
    html: t('confirmation-evidence-added', { name: escapeHtml(reporter?.name ?? ''), code: escapeHtml(task.code), title: escapeHtml(truncate(task.title, NOTICE_TITLE_MAX)), item: escapeHtml(item) }),
    buttons: confirmationButtons(t, waiting.taskId, recipientId),
  };
}
