// A group's subscription while it takes a digest: its units and its language (the subscriber's).
import type { MessageContext } from './context.ts';

export async function subscriptionTaking(ctx: MessageContext, subscriptionId: number, digest: 'weeklySummary' | 'overdueDigest') {
  const sub = await ctx.prisma.chatSubscription.findUnique({ where: { id: subscriptionId }, include: { units: true, createdBy: true } });
  if (!sub || !sub.active || !sub[digest]) return undefined;
  return { unitIds: sub.units.map((u) => u.unitId), language: sub.createdBy.language };
}
