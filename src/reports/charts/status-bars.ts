// Progress by unit as stacked horizontal bars of the tracking statuses, as an SVG. Pure:
// counts and labels in, SVG text out; rendered to PNG by render-png.ts.
import { TRACKING_STATUSES, type TrackingStatus } from '../../status/tracking-status.ts';
import { CHART_FONT, escapeXml, shorten } from './svg.ts';

/** One colour a status, the same in every chart: greens done, blue and grey open in time, orange blocked, red overdue. */
export const STATUS_COLORS: Record<TrackingStatus, string> = {
  'done-on-time': '#2e7d32',
  'done-late': '#9ccc65',
  'in-progress': '#1e88e5',
  'open-in-time': '#b0bec5',
  blocked: '#fb8c00',
  'open-overdue': '#e53935',
};

/** The order segments are stacked in, left to right: what is finished first, what is late last. */
export const STACK_ORDER: TrackingStatus[] = ['done-on-time', 'done-late', 'in-progress', 'open-in-time', 'blocked', 'open-overdue'];

export interface StatusBarsInput {
  title: string;
  rows: Array<{ label: string; counts: Record<TrackingStatus, number> }>;
  /** The name of each status, for the legend. */
  legend: Record<TrackingStatus, string>;
}

export const BARS_LAYOUT = {
  width: 960,
  labelWidth: 280,
  right: 40,
  top: 56,
  rowHeight: 36,
  barHeight: 24,
  legendRowHeight: 26,
  legendColumns: 3,
  bottom: 16,
  /** Longest unit name drawn whole. */
  labelChars: 32,
} as const;

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

/** Where each bar segment is drawn, for the SVG and for tests that sample its pixels. */
export interface Segment {
  row: number;
  status: TrackingStatus;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

export function barSegments(rows: StatusBarsInput['rows']): Segment[] {
  const L = BARS_LAYOUT;
  const span = L.width - L.labelWidth - L.right;
  const max = Math.max(1, ...rows.map((r) => TRACKING_STATUSES.reduce((n, s) => n + r.counts[s], 0)));
  const out: Segment[] = [];
  rows.forEach((r, i) => {
    let x = L.labelWidth;
    const y = L.top + i * L.rowHeight + (L.rowHeight - L.barHeight) / 2;
    for (const status of STACK_ORDER) {
      const count = r.counts[status];
      if (!count) continue;
      const width = (count / max) * span;
      out.push({ row: i, status, x, y, width, height: L.barHeight, count });
      x += width;
    }
  });
  return out;
}

export function statusBarsSvg(input: StatusBarsInput): Chart {
  const L = BARS_LAYOUT;
  const legendTop = L.top + Math.max(1, input.rows.length) * L.rowHeight + 12;
  const legendRows = Math.ceil(STACK_ORDER.length / L.legendColumns);
  const height = legendTop + legendRows * L.legendRowHeight + L.bottom;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" font-family="${CHART_FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${L.width / 2}" y="32" font-size="20" font-weight="bold" text-anchor="middle" fill="#212121">${escapeXml(shorten(input.title, 80))}</text>`,
  ];
  input.rows.forEach((r, i) => {
    const y = L.top + i * L.rowHeight + L.rowHeight / 2 + 5;
    parts.push(`<text x="${L.labelWidth - 10}" y="${y}" font-size="14" text-anchor="end" fill="#212121">${escapeXml(shorten(r.label, L.labelChars))}</text>`);
  });
  for (const s of barSegments(input.rows)) {
    parts.push(`<rect x="${s.x.toFixed(1)}" y="${s.y}" width="${s.width.toFixed(1)}" height="${s.height}" fill="${STATUS_COLORS[s.status]}"/>`);
    // The count inside its segment, where it fits.
    if (s.width >= 22) parts.push(`<text x="${(s.x + s.width / 2).toFixed(1)}" y="${s.y + s.height / 2 + 5}" font-size="13" text-anchor="middle" fill="#ffffff">${s.count}</text>`);
  }
  const columnWidth = (L.width - 40) / L.legendColumns;
  STACK_ORDER.forEach((status, i) => {
    const x = 20 + (i % L.legendColumns) * columnWidth;
    const y = legendTop + Math.floor(i / L.legendColumns) * L.legendRowHeight;
    parts.push(`<rect x="${x}" y="${y}" width="16" height="16" fill="${STATUS_COLORS[status]}"/>`);
    parts.push(`<text x="${x + 24}" y="${y + 13}" font-size="14" fill="#212121">${escapeXml(input.legend[status])}</text>`);
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width: L.width, height };
}
