// The card an officer of the monitoring unit gets for a result waiting for confirmation: the
// task, who reported it done and when, the report's evidence, ✅ Xác nhận / ↩️ Trả lại.
// Texts: locales/<lang>/confirmations.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import { escapeHtml } from './html.ts';
import { taskInScope, toTaskView } from '../tasks/queries.ts';
import { confirmationButtons, formatWhen, taskCardHtml } from './render.ts';
import { loadActor } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';

/** Undefined when nothing waits or the officer may not see the task. */
export async function confirmationCard(ctx: MessageContext, officerId: number, taskId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const { prisma, calendar } = ctx;
  const actor = await loadActor(prisma, officerId);
  if (!actor?.active) return undefined;
  const task = await taskInScope(prisma, actor.scope, taskId);
  if (!task?.confirmationPendingAt) return undefined;
  const report = await prisma.statusReport.findFirst({
    where: { taskId, status: 'DONE' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { officer: { select: { name: true } }, evidence: { orderBy: { id: 'asc' }, select: { kind: true, reference: true, fileName: true } } },
  });
  const e = ctx.env(actor.language, now);
  const header = e.t('confirmation-asked', { name: escapeHtml(report?.officer.name ?? ''), when: formatWhen(calendar, task.confirmationPendingAt) });
  const items = (report?.evidence ?? []).map((x) => escapeHtml(x.kind === 'LINK' ? x.reference : x.fileName ?? e.t(x.kind === 'PHOTO' ? 'export-evidence-photo-unnamed' : 'export-evidence-document-unnamed')));
  const evidence = items.length ? e.t('confirmation-evidence', { items: items.join(', ') }) : e.t('confirmation-no-evidence');
  return { html: `${taskCardHtml(e, toTaskView(task, actor.scope, actor.unitId, ctx.dateOf), { header })}\n${evidence}`, buttons: confirmationButtons(e.t, taskId, officerId) };
}
