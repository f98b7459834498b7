// The trend of overdue tasks over the last weeks as columns, one a week, as an SVG. Pure.
import { CHART_FONT, escapeXml, shorten } from './svg.ts';
import { STATUS_COLORS, type Chart } from './status-bars.ts';

export interface TrendInput {
  title: string;
  /** Oldest first; the label is the week's end ("29/11"). */
  points: Array<{ label: string; value: number }>;
}

export const TREND_LAYOUT = { width: 960, height: 360, left: 60, right: 30, top: 56, bottom: 48, gridLines: 4 } as const;

/** The top of the scale: the largest count rounded up so that every grid line is a whole number. */
export function scaleMax(points: TrendInput['points']): number {
  const max = Math.max(1, ...points.map((p) => p.value));
  return Math.ceil(max / TREND_LAYOUT.gridLines) * TREND_LAYOUT.gridLines;
}

/** Where each column is drawn, for the SVG and for tests that sample its pixels. */
export function trendColumns(points: TrendInput['points']): Array<{ x: number; y: number; width: number; height: number; value: number }> {
  const L = TREND_LAYOUT;
  const plotWidth = L.width - L.left - L.right;
  const plotHeight = L.height - L.top - L.bottom;
  const max = scaleMax(points);
  const slot = plotWidth / Math.max(1, points.length);
  return points.map((p, i) => {
    const height = (p.value / max) * plotHeight;
    return { x: L.left + i * slot + slot * 0.2, y: L.top + plotHeight - height, width: slot * 0.6, height, value: p.value };
  });
}

export function overdueTrendSvg(input: TrendInput): Chart {
  const L = TREND_LAYOUT;
  const plotHeight = L.height - L.top - L.bottom;
  const baseline = L.top + plotHeight;
  const max = scaleMax(input.points);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" font-family="${CHART_FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${L.width / 2}" y="32" font-size="20" font-weight="bold" text-anchor="middle" fill="#212121">${escapeXml(shorten(input.title, 80))}</text>`,
  ];
  for (let g = 0; g <= L.gridLines; g++) {
    const y = baseline - (g / L.gridLines) * plotHeight;
    const value = (g / L.gridLines) * max;
    parts.push(`<line x1="${L.left}" y1="${y.toFixed(1)}" x2="${L.width - L.right}" y2="${y.toFixed(1)}" stroke="#e0e0e0" stroke-width="1"/>`);
    parts.push(`<text x="${L.left - 8}" y="${(y + 5).toFixed(1)}" font-size="13" text-anchor="end" fill="#616161">${value}</text>`);
  }
  trendColumns(input.points).forEach((c, i) => {
    parts.push(`<rect x="${c.x.toFixed(1)}" y="${c.y.toFixed(1)}" width="${c.width.toFixed(1)}" height="${c.height.toFixed(1)}" fill="${STATUS_COLORS['open-overdue']}"/>`);
    parts.push(`<text x="${(c.x + c.width / 2).toFixed(1)}" y="${(c.y - 6).toFixed(1)}" font-size="13" text-anchor="middle" fill="#212121">${c.value}</text>`);
    parts.push(`<text x="${(c.x + c.width / 2).toFixed(1)}" y="${baseline + 22}" font-size="13" text-anchor="middle" fill="#424242">${escapeXml(input.points[i]!.label)}</text>`);
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width: L.width, height: L.height };
}
