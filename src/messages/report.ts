// /report and the statistics block of the weekly summary: counts by unit in the official
// buckets for this week or quarter, with a chart (stacked bars by unit, the overdue trend)
// sent as a photo before the text. Texts: locales/<lang>/report.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import { addDaysIso } from '../calendar/civil-date.ts';
import { isLeaderOrAdmin } from '../access/permissions.ts';
import { reportData, reportRange } from '../tasks/queries.ts';
import { reportHtml } from './render.ts';
import { loadActor, scopeUnitIds } from '../tasks/actor.ts';
import { formatDmy } from '../status/tracking-status.ts';
import { unitProgressPhoto } from '../reports/charts/unit-progress.ts';
import { overdueByDate, overdueHistories, trendDates, TREND_WEEKS } from '../reports/overdue-history.ts';
import type { MessageContext } from './context.ts';

export type ReportPeriod = 'week' | 'quarter';

/** The counts by unit and status as text, and the chart part that shows them (when there is one to draw). */
export async function unitsReport(ctx: MessageContext, unitIds: number[], locale: string, now: Date, period: ReportPeriod, options: { byOfficer?: boolean; chart?: boolean } = {}): Promise<{ html: string; chart?: OutgoingMessage }> {
  const { prisma, calendar, renderChart } = ctx;
  const e = ctx.env(locale, now);
  const range = reportRange(e.today, period);
  const { rows, officers } = await reportData(prisma, unitIds, range, e.today, ctx.dateOf);
  const dates = { from: formatDmy(range.from), to: formatDmy(range.to) };
  const title = e.t(period === 'week' ? 'report-title-week' : 'report-title-quarter', dates);
  // Counts by officer are for the leader's own /report, not for a group's summary.
  const html = reportHtml(e.t, title, rows, options.byOfficer ? officers : []);
  if (!renderChart || options.chart === false) return { html };
  const chartTitle = e.t(period === 'week' ? 'chart-title-week' : 'chart-title-quarter', dates);
  // Overdue tasks at the end of each of the last weeks, as the history tells (not as the tasks are now).
  const histories = rows.length ? await overdueHistories(prisma, unitIds, e.today, calendar.startOfDay(addDaysIso(e.today, 1))) : [];
  const trend = { title: e.t('chart-title-overdue-trend', { weeks: TREND_WEEKS }), points: overdueByDate(histories, trendDates(e.today), calendar) };
  const photo = unitProgressPhoto(e.t, { title: chartTitle, rows, trend, fileName: `tien-do-${period === 'week' ? 'tuan' : 'quy'}-${range.from}.png` }, renderChart);
  return photo ? { html, chart: { html: e.t('chart-caption', { title: chartTitle }), photo } } : { html };
}

/**
 * /report for a leader: the chart, then counts by unit and status (and by officer) for this week
 * or quarter. With `chart: false` the text only (the bot answers with it at once and a
 * report-chart job draws the chart: leaderReportChart).
 */
export async function leaderReport(ctx: MessageContext, officerId: number, now: Date, period: ReportPeriod, options: { chart?: boolean } = {}): Promise<OutgoingMessage[]> {
  const actor = await loadActor(ctx.prisma, officerId);
  if (!actor || !isLeaderOrAdmin(actor)) return [];
  const { html, chart } = await unitsReport(ctx, await scopeUnitIds(ctx.prisma, actor.scope), actor.language, now, period, { byOfficer: true, ...options });
  return [...(chart ? [chart] : []), ...ctx.split(html)];
}

/** The chart of a leader's /report alone (drawn by the report-chart job); undefined when none is drawn. */
export async function leaderReportChart(ctx: MessageContext, officerId: number, now: Date, period: ReportPeriod): Promise<OutgoingMessage | undefined> {
  const actor = await loadActor(ctx.prisma, officerId);
  if (!actor || !isLeaderOrAdmin(actor)) return undefined;
  return (await unitsReport(ctx, await scopeUnitIds(ctx.prisma, actor.scope), actor.language, now, period)).chart;
}
