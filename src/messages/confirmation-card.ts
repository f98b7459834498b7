// The card an officer of the monitoring unit gets for a result waiting for confirmation: the
// task, who reported it done and when, the report's evidence, ✅ Xác nhận / ↩️ Trả lại.
// Texts: locales/<lang>/confirmations.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import { escapeHtml, truncate } from './html.ts';
import { taskCard } from './task-card.ts';
import { taskInScope, toTaskView } from '../tasks/queries.ts';
import { confirmationButtons, formatWhen, taskCardHtml } from './render.ts';
import { loadActor } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';

/**
 * Undefined when nothing waits or the officer may not see the task; with `reportId`, also when the
 * "done" that waits is another one (that report was returned, or confirmed, meanwhile).
 */
export async function confirmationCard(ctx: MessageContext, officerId: number, taskId: number, now: Date, reportId?: number): Promise<OutgoingMessage | undefined> {
  const { prisma, calendar } = ctx;
  const actor = await loadActor(prisma, officerId);
  if (!actor?.active) return undefined;
  const task = await taskInScope(prisma, actor.scope, taskId);
  if (!task?.confirmationPendingAt) return undefined;
  const report = await prisma.statusReport.findFirst({
    where: { taskId, status: 'DONE' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, officer: { select: { name: true } }, evidence: { orderBy: { id: 'asc' }, select: { kind: true, reference: true, fileName: true } } },
  });
  if (reportId !== undefined && report?.id !== reportId) return undefined;
  const e = ctx.env(actor.language, now);
  const header = e.t('confirmation-asked', { name: escapeHtml(report?.officer.name ?? ''), when: formatWhen(calendar, task.confirmationPendingAt) });
  const items = (report?.evidence ?? []).map((x) => escapeHtml(x.kind === 'LINK' ? x.reference : x.fileName ?? e.t(x.kind === 'PHOTO' ? 'export-evidence-photo-unnamed' : 'export-evidence-document-unnamed')));
  const evidence = items.length ? e.t('confirmation-evidence', { items: items.join(', ') }) : e.t('confirmation-no-evidence');
  return { html: `${taskCardHtml(e, toTaskView(task, actor.scope, actor.unitId, ctx.dateOf), { header })}\n${evidence}`, buttons: confirmationButtons(e.t, taskId, officerId) };
}

/** Returned reasons shown in the notice are cut to this. */
const REASON_PREVIEW = 300;

/** The reporter's card headed by who confirmed their "done" (no buttons: the task is done). */
export async function confirmedNotice(ctx: MessageContext, input: { taskId: number; byOfficerId: number }, reporterId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const actor = await loadActor(ctx.prisma, reporterId);
  if (!actor?.active) return undefined;
  const by = await ctx.prisma.officer.findUnique({ where: { id: input.byOfficerId }, select: { name: true } });
  const { t } = ctx.env(actor.language, now);
  return taskCard(ctx, actor.id, input.taskId, now, { actor, header: t('confirmation-confirmed-notice', { name: escapeHtml(by?.name ?? '') }) });
}

/** The reporter's card headed by who returned their "done" and why, with its buttons to answer again. */
export async function returnedNotice(ctx: MessageContext, input: { taskId: number; returnReportId: number }, reporterId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const back = await ctx.prisma.statusReport.findUnique({ where: { id: input.returnReportId }, select: { status: true, note: true, officer: { select: { name: true } } } });
  if (back?.status !== 'RETURNED') return undefined;
  const actor = await loadActor(ctx.prisma, reporterId);
  if (!actor?.active) return undefined;
  const { t } = ctx.env(actor.language, now);
  const reason = escapeHtml(truncate(back.note ?? '', REASON_PREVIEW)) || t('no-reason');
  return taskCard(ctx, actor.id, input.taskId, now, { actor, buttons: true, header: t('confirmation-returned-notice', { name: escapeHtml(back.officer.name), reason }) });
}
