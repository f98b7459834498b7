// The daily overdue digest: to a leader (the quarter in the official buckets, the overdue
// tasks of their units, officers no message reaches) and to a subscribed group (the overdue
// tasks). Composing never writes: the worker marks the unreachable chats reported only after
// the last part went out (markUnreachableReported). Texts: locales/<lang>/overdue-digest.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import { escapeHtml } from './html.ts';
import { isLeaderOrAdmin } from '../access/permissions.ts';
import { reportData, reportRange } from '../tasks/queries.ts';
import { tallyLines } from './render.ts';
import { loadActor, scopeUnitIds } from '../tasks/actor.ts';
import { tallyTotal } from '../status/statistics.ts';
import { formatDmy } from '../status/tracking-status.ts';
import type { MessageContext } from './context.ts';
import { overdueLines } from './overdue-list.ts';
import { overdueExplanationLines } from './overdue-explanations.ts';
import { subscriptionTaking } from './subscription.ts';

/** Most unreachable officers named in one digest. */
const UNREACHABLE_SHOWN = 200;

export async function overdueDigest(ctx: MessageContext, leaderOfficerId: number, now: Date): Promise<{ parts: OutgoingMessage[]; unreachableShown: number[] }> {
  const { prisma } = ctx;
  const nothing = { parts: [], unreachableShown: [] };
  const actor = await loadActor(prisma, leaderOfficerId);
  if (!actor || !isLeaderOrAdmin(actor)) return nothing;
  const e = ctx.env(actor.language, now);
  const taskLines = await overdueLines(ctx, actor.scope, e);

  const unitFilter = actor.scope === 'all' ? {} : { officer: { unitId: { in: [...actor.scope] } } };
  const gone = await prisma.chatIdentity.findMany({
    where: { deactivationReason: { not: null }, deactivationReportedAt: null, ...unitFilter },
    include: { officer: { include: { unit: true } } },
    orderBy: { deactivatedAt: 'asc' },
    take: UNREACHABLE_SHOWN,
  });
  if (!taskLines.length && !gone.length) return nothing;
  const parts = [e.t('digest-title', { date: formatDmy(e.today) })];
  // The quarter so far in the official buckets, each task once.
  const quarter = reportRange(e.today, 'quarter');
  const { total } = await reportData(prisma, await scopeUnitIds(prisma, actor.scope), quarter, e.today, ctx.dateOf);
  if (tallyTotal(total)) parts.push('', e.t('digest-stats', { from: formatDmy(quarter.from), to: formatDmy(quarter.to) }), ...tallyLines(e.t, total));
  if (taskLines.length) parts.push('', e.t('digest-overdue'), ...taskLines);
  const explanations = await overdueExplanationLines(ctx, e.t, actor.scope, e.today);
  if (explanations.length) parts.push('', ...explanations);
  if (gone.length) {
    parts.push('', e.t('digest-unreachable'));
    for (const identity of gone) {
      parts.push(e.t('digest-unreachable-line', {
        name: escapeHtml(identity.officer.name),
        unit: escapeHtml(identity.officer.unit.name),
        reason: e.t(identity.deactivationReason === 'blocked' ? 'unreachable-blocked' : 'unreachable-other', { reason: escapeHtml(identity.deactivationReason ?? '') }),
      }));
    }
  }
  return { parts: ctx.split(parts.join('\n')), unreachableShown: gone.map((g) => g.id) };
}

/** After a digest went out: the chats it told of are not told of again. */
export async function markUnreachableReported(ctx: MessageContext, chatIdentityIds: number[], now: Date): Promise<void> {
  if (!chatIdentityIds.length) return;
  await ctx.prisma.chatIdentity.updateMany({ where: { id: { in: chatIdentityIds }, deactivationReportedAt: null }, data: { deactivationReportedAt: now } });
}

/** A subscribed group's daily digest: the overdue tasks of its units; nothing when none. */
export async function groupOverdueDigest(ctx: MessageContext, subscriptionId: number, now: Date): Promise<OutgoingMessage[]> {
  const sub = await subscriptionTaking(ctx, subscriptionId, 'overdueDigest');
  if (!sub) return [];
  const e = ctx.env(sub.language, now);
  const overdue = await overdueLines(ctx, new Set(sub.unitIds), e);
  if (!overdue.length) return [];
  return ctx.split([e.t('digest-title', { date: formatDmy(e.today) }), '', e.t('digest-overdue'), ...overdue].join('\n'));
}
