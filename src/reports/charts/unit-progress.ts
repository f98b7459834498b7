// The chart sent with /report and the weekly summary: progress by unit as stacked bars of
// the tracking statuses, rendered to a PNG photo. No I/O: counts and texts in, bytes out
// (the renderer is passed in, resvg by default).
import type { OutgoingPhoto } from '../../channels/types.ts';
import type { TranslateFn } from '../../conversation/i18n.ts';
import type { ReportRow } from '../../conversation/render.ts';
import { TRACKING_STATUSES, type TrackingStatus } from '../../conversation/tracking-status.ts';
import { statusBarsSvg } from './status-bars.ts';

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

/** The PNG of the units' progress, or undefined when there is nothing to draw. */
export function unitProgressPhoto(t: TranslateFn, input: { title: string; rows: ReportRow[]; fileName: string }, render: RenderSvg): OutgoingPhoto | undefined {
  const rows = chartRows(input.rows).filter((r) => total(r) > 0);
  if (!rows.length) return undefined;
  const legend = Object.fromEntries(TRACKING_STATUSES.map((s) => [s, t(`status-${s}`)])) as Record<TrackingStatus, string>;
  const chart = statusBarsSvg({ title: input.title, rows: rows.map((r) => ({ label: r.unitName, counts: r.counts })), legend });
  return { bytes: render(chart.svg), fileName: input.fileName };
}
