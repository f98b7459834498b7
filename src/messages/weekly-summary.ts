// The weekly summary a subscribed group gets on Friday afternoon: the week's chart, the counts
// by unit (report.ts) and the overdue tasks. Texts: locales/<lang>/report.ftl, overdue-digest.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import type { MessageContext } from './context.ts';
import { overdueLines } from './overdue-list.ts';
import { unitsReport } from './report.ts';
import { subscriptionTaking } from './subscription.ts';

export async function weeklySummary(ctx: MessageContext, subscriptionId: number, now: Date): Promise<OutgoingMessage[]> {
  const sub = await subscriptionTaking(ctx, subscriptionId, 'weeklySummary');
  if (!sub) return [];
  const { html, chart } = await unitsReport(ctx, sub.unitIds, sub.language, now, 'week');
  const e = ctx.env(sub.language, now);
  const overdue = await overdueLines(ctx, new Set(sub.unitIds), e);
  const parts = [html];
  if (overdue.length) parts.push('', e.t('digest-overdue'), ...overdue);
  return [...(chart ? [chart] : []), ...ctx.split(parts.join('\n'))];
}
