// The chart sent with /report and the weekly summary: progress by unit as stacked bars of
// the tracking statuses and, below it, overdue tasks over the last weeks, in one PNG photo.
// No I/O: counts and texts in, bytes out (the renderer is passed in, resvg by default).
import type { OutgoingPhoto } from '../../channels/types.ts';
import type { TranslateFn } from '../../messages/i18n.ts';
import type { ReportRow } from '../../status/task-view.ts';
import { TRACKING_STATUSES, type TrackingStatus } from '../../status/tracking-status.ts';
import { overdueTrendSvg, type TrendInput } from './overdue-trend.ts';
import { statusBarsSvg } from './status-bars.ts';
import { stackCharts } from './svg.ts';

/** Most units drawn (a tall image is unreadable on a phone, and Telegram refuses sides over 10,000 px); the text lists them all. */
export const CHART_MAX_UNITS = 30;

export type RenderSvg = (svg: string) => Uint8Array;

const total = (row: ReportRow) => TRACKING_STATUSES.reduce((n, s) => n + row.counts[s], 0);

/** The rows drawn: all of them, or the CHART_MAX_UNITS with the most tasks, in their given order. */
export function chartRows(rows: ReportRow[], max = CHART_MAX_UNITS): ReportRow[] {
  if (rows.length <= max) return rows;
  const kept = new Set([...rows].sort((a, b) => total(b) - total(a)).slice(0, max));
  return rows.filter((r) => kept.has(r));
}

/** The image's layout: the bars on top, the trend (when given) below them at `trendTop`. */
export function reportChartSvg(t: TranslateFn, input: { title: string; rows: ReportRow[]; trend?: TrendInput }): { svg: string; width: number; height: number; trendTop?: number } | undefined {
  const rows = chartRows(input.rows).filter((r) => total(r) > 0);
  if (!rows.length) return undefined;
  const legend = Object.fromEntries(TRACKING_STATUSES.map((s) => [s, t(`status-${s}`)])) as Record<TrackingStatus, string>;
  const bars = statusBarsSvg({ title: input.title, rows: rows.map((r) => ({ label: r.unitName, counts: r.counts })), legend });
  if (!input.trend) return bars;
  const stacked = stackCharts([bars, overdueTrendSvg(input.trend)]);
  return { svg: stacked.svg, width: stacked.width, height: stacked.height, trendTop: stacked.offsets[1]! };
}

/** The PNG of the units' progress (and the overdue trend), or undefined when no unit has a task to draw. */
export function unitProgressPhoto(t: TranslateFn, input: { title: string; rows: ReportRow[]; trend?: TrendInput; fileName: string }, render: RenderSvg): OutgoingPhoto | undefined {
  const chart = reportChartSvg(t, input);
  return chart ? { bytes: render(chart.svg), fileName: input.fileName } : undefined;
}
