// The extension notices: a decider is asked to approve or reject a request (two choices), and the
// requester hears the decision on the task's card. Composed from the request's id when the notice
// is sent; one definition for every chat platform. Reads only.
import type { OutgoingMessage } from '../channels/types.ts';
import { extensionDecision } from './actions.ts';
import { escapeHtml, truncate } from './html.ts';
import { formatDmy, isoOfDbDate } from '../status/tracking-status.ts';
import { loadActor } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';
import { taskCard } from './task-card.ts';

/** The ask with ✅ / ❌; undefined once the request is decided or withdrawn (nothing left to ask). */
export async function extensionAsk(ctx: MessageContext, requestId: number, deciderId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const request = await ctx.prisma.extensionRequest.findUnique({
    where: { id: requestId },
    include: { task: { include: { plan: true } }, requester: { include: { unit: true } } },
  });
  if (!request || request.status !== 'PENDING') return undefined;
  const decider = await ctx.prisma.officer.findUnique({ where: { id: deciderId }, select: { language: true, active: true } });
  if (!decider?.active) return undefined;
  const { t } = ctx.env(decider.language, now);
  const html = t('extension-ask', {
    name: escapeHtml(request.requester.name),
    unit: escapeHtml(request.requester.unit.name),
    code: escapeHtml(request.task.code),
    title: escapeHtml(truncate(request.task.title, 500)),
    plan: escapeHtml(truncate(request.task.plan.number ?? request.task.plan.title, 200)),
    current: request.currentDue ? formatDmy(isoOfDbDate(request.currentDue)) : t('due-none'),
    proposed: formatDmy(isoOfDbDate(request.proposedDue)),
    reason: request.reason ? escapeHtml(truncate(request.reason, 1_000)) : t('no-reason'),
  });
  const buttons = [[
    { text: t('btn-approve'), data: extensionDecision.pack({ decision: 'a', requestId: request.id, officerId: deciderId }) },
    { text: t('btn-reject'), data: extensionDecision.pack({ decision: 'r', requestId: request.id, officerId: deciderId }) },
  ]];
  return { html, buttons };
}

/** The requester's card headed by the decision, with its buttons; undefined while undecided. */
export async function extensionDecided(ctx: MessageContext, requestId: number, requesterId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const request = await ctx.prisma.extensionRequest.findUnique({ where: { id: requestId }, select: { taskId: true, status: true, proposedDue: true } });
  if (!request || (request.status !== 'APPROVED' && request.status !== 'REJECTED')) return undefined;
  const actor = await loadActor(ctx.prisma, requesterId);
  if (!actor?.active) return undefined;
  const { t } = ctx.env(actor.language, now);
  const header = t(request.status === 'APPROVED' ? 'extension-approved' : 'extension-rejected', { date: formatDmy(isoOfDbDate(request.proposedDue)) });
  return taskCard(ctx, actor.id, request.taskId, now, { actor, header, buttons: true });
}
