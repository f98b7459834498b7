// Every message the scheduler and the bots send, one module per kind (its query, its content,
// its locale file), bound here to one context. Returns platform-neutral OutgoingMessages; the
// channel adapters only map them. Composing never sends and never writes.
import type { OutgoingMessage } from '../channels/types.ts';
import { composeNotice } from './notice.ts';
import type { NoticeRow } from '../tasks/notices.ts';
import { messageContext, type ComposerDeps } from './context.ts';
import { groupOverdueDigest, markUnreachableReported, overdueDigest } from './overdue-digest.ts';
import { reminderCard } from './reminder-card.ts';
import { reminderList } from './reminder-list.ts';
import { leaderReport, leaderReportChart, type ReportPeriod } from './report.ts';
import { taskCard, type TaskCardOptions } from './task-card.ts';
import { weeklySummary } from './weekly-summary.ts';

export type { ComposerDeps } from './context.ts';
export { DIGEST_MAX_TASKS } from './overdue-list.ts';

export function createComposer(deps: ComposerDeps) {
  const ctx = messageContext(deps);
  return {
    taskCard: (officerId: number, taskId: number, now: Date, options?: TaskCardOptions) => taskCard(ctx, officerId, taskId, now, options),
    notice: (notice: Pick<NoticeRow, 'kind' | 'payload' | 'recipientOfficerId'>, now: Date) => composeNotice(ctx, notice, now),
    reminder: (reminderId: number, now: Date) => reminderCard(ctx, reminderId, now),
    reminderList: (reminderIds: number[], now: Date) => reminderList(ctx, reminderIds, now),
    overdueDigest: (leaderOfficerId: number, now: Date) => overdueDigest(ctx, leaderOfficerId, now),
    markUnreachableReported: (chatIdentityIds: number[], now: Date) => markUnreachableReported(ctx, chatIdentityIds, now),
    groupOverdueDigest: (subscriptionId: number, now: Date) => groupOverdueDigest(ctx, subscriptionId, now),
    weeklySummary: (subscriptionId: number, now: Date) => weeklySummary(ctx, subscriptionId, now),
    leaderReport: (officerId: number, now: Date, period: ReportPeriod, options?: { chart?: boolean }) => leaderReport(ctx, officerId, now, period, options),
    leaderReportChart: (officerId: number, now: Date, period: ReportPeriod) => leaderReportChart(ctx, officerId, now, period),
    split: (html: string): OutgoingMessage[] => ctx.split(html),
  };
}

export type Composer = ReturnType<typeof createComposer>;
