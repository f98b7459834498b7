// The explanation notices, on the task's card: an officer asked to explain (with the card's
// buttons, "Giải trình" among them) and the leader who asked reading that it was answered.
// Composed from the request's id when sent; reads only.
import type { OutgoingMessage } from '../channels/types.ts';
import { escapeHtml } from './html.ts';
import { formatDmy, isoOfDbDate } from '../status/tracking-status.ts';
import { loadActor } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';
import { taskCard } from './task-card.ts';

/** Undefined once the request is answered (by a colleague, before this went out). */
export async function explanationAsked(ctx: MessageContext, requestId: number, recipientId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const request = await ctx.prisma.explanationRequest.findUnique({ where: { id: requestId }, select: { taskId: true, dueOn: true, answeredAt: true, requester: { select: { name: true } } } });
  if (!request || request.answeredAt) return undefined;
  const actor = await loadActor(ctx.prisma, recipientId);
  if (!actor?.active) return undefined;
  const { t } = ctx.env(actor.language, now);
  const header = t('explanation-asked', { name: escapeHtml(request.requester.name), due: formatDmy(isoOfDbDate(request.dueOn)) });
  return taskCard(ctx, actor.id, request.taskId, now, { actor, header, buttons: true });
}

export async function explanationAnswered(ctx: MessageContext, requestId: number, requesterId: number, now: Date): Promise<OutgoingMessage | undefined> {
  const request = await ctx.prisma.explanationRequest.findUnique({ where: { id: requestId }, select: { taskId: true, answeredAt: true, answeredBy: { select: { name: true } } } });
  if (!request?.answeredAt) return undefined;
  const actor = await loadActor(ctx.prisma, requesterId);
  if (!actor?.active) return undefined;
  const { t } = ctx.env(actor.language, now);
  return taskCard(ctx, actor.id, request.taskId, now, { actor, header: t('explanation-answered-notice', { name: escapeHtml(request.answeredBy?.name ?? '') }) });
}
