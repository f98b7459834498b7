// Charts rendered to PNG on the server: the image decodes at the expected size, each status
// colour is where its bar segment should be (sampled pixels, within a tolerance), and
// Vietnamese text is drawn with its diacritics from the shipped font.
import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../src/status/task-view.ts';
import { createI18n, translator } from '../../src/messages/i18n.ts';
import { TRACKING_STATUSES, type TrackingStatus } from '../../src/status/tracking-status.ts';
import { overdueTrendSvg, trendColumns, TREND_LAYOUT } from '../../src/reports/charts/overdue-trend.ts';
import { renderPng } from '../../src/reports/charts/render-png.ts';
import { barSegments, BARS_LAYOUT, STATUS_COLORS, statusBarsSvg } from '../../src/reports/charts/status-bars.ts';
import { decodePng, type DecodedPng } from '../helpers/png.ts';

const t = translator(createI18n(), 'vi');
const legend = Object.fromEntries(TRACKING_STATUSES.map((s) => [s, t(`export-status-${s}`)])) as Record<TrackingStatus, string>;
const counts = (c: Partial<Record<TrackingStatus, number>>) => ({ ...emptyCounts(), ...c });

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function near(png: DecodedPng, x: number, y: number, hex: string, tolerance = 12): boolean {
  const [r, g, b] = png.pixel(x, y);
  const [er, eg, eb] = rgb(hex);
  return Math.abs(r - er) <= tolerance && Math.abs(g - eg) <= tolerance && Math.abs(b - eb) <= tolerance;
}

/** Pixels clearly darker than the white background in a box. */
function inked(png: DecodedPng, box: { x: number; y: number; width: number; height: number }): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const [r, g, b] = png.pixel(x, y);
      if (r + g + b < 600) n++;
    }
  }
  return n;
}

describe('progress by unit as stacked bars', () => {
  const rows = [
    { label: 'Văn phòng - Thống kê', counts: counts({ 'done-on-time': 3, 'open-overdue': 2, blocked: 1 }) },
    { label: 'Tư pháp - Hộ tịch', counts: counts({ 'done-late': 1, 'in-progress': 2, 'open-in-time': 1 }) },
    { label: 'Ban Chỉ huy Quân sự phường và các đơn vị phối hợp khác rất dài', counts: counts({ 'open-overdue': 6 }) },
  ];
  const chart = statusBarsSvg({ title: 'Tiến độ theo đơn vị — Quý IV năm 2024', rows, legend });
  const png = decodePng(renderPng(chart.svg));

  it('decodes at the size laid out', () => {
    expect(png.width).toBe(BARS_LAYOUT.width);
    expect(png.height).toBe(chart.height);
    expect(chart.height).toBeGreaterThan(BARS_LAYOUT.top + 3 * BARS_LAYOUT.rowHeight);
  });

  it('draws each status colour in its own segment of the right bar, longest bar for the most tasks', () => {
    const segments = barSegments(rows);
    expect(segments.map((s) => `${s.row}:${s.status}:${s.count}`)).toEqual([
      '0:done-on-time:3', '0:blocked:1', '0:open-overdue:2', '1:done-late:1', '1:in-progress:2', '1:open-in-time:1', '2:open-overdue:6',
    ]);
    for (const s of segments) {
      // Sample off the centre, where the count's digits are not drawn.
      const x = s.x + Math.min(6, s.width / 4);
      expect(near(png, x, s.y + 4, STATUS_COLORS[s.status]), `${s.status} in row ${s.row} at ${x},${s.y + 4}: ${png.pixel(x, s.y + 4).join(',')}`).toBe(true);
    }
    // Six, four and six tasks: bars as long as their totals, white past their ends.
    const span = BARS_LAYOUT.width - BARS_LAYOUT.labelWidth - BARS_LAYOUT.right;
    for (const [row, total] of [[0, 6], [1, 4], [2, 6]] as const) {
      const end = BARS_LAYOUT.labelWidth + (total / 6) * span;
      const y = segments.find((s) => s.row === row)!.y + 4;
      expect(near(png, end - 3, y, '#ffffff')).toBe(false);
      expect(near(png, end + 5, y, '#ffffff')).toBe(true);
    }
  });

  it('writes the unit names and the legend in Vietnamese, diacritics drawn from the shipped font', () => {
    const labelBox = { x: 0, y: BARS_LAYOUT.top, width: BARS_LAYOUT.labelWidth - 5, height: BARS_LAYOUT.rowHeight };
    expect(inked(png, labelBox)).toBeGreaterThan(100);
    expect(chart.svg).toContain('Ban Chỉ huy Quân sự phường và c…');
    expect(chart.svg).toContain('Quá hạn chưa hoàn thành');
  });
});

describe('Vietnamese text', () => {
  const word = (text: string) =>
    decodePng(renderPng(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><text x="10" y="55" font-size="48" fill="#000">${text}</text></svg>`));
  const ink = (png: DecodedPng) => inked(png, { x: 0, y: 0, width: 120, height: 80 });

  it('renders a letter with its tone mark, not a box and not the bare letter', () => {
    const bare = word('a');
    const dotted = word('ạ');
    const hooked = word('ẩ');
    expect(ink(bare)).toBeGreaterThan(50);
    expect(ink(dotted)).toBeGreaterThan(ink(bare));
    expect(ink(hooked)).toBeGreaterThan(ink(bare));
    // The dot below is drawn under the baseline (y 55), where a bare "a" has no ink.
    expect(inked(dotted, { x: 0, y: 58, width: 120, height: 20 })).toBeGreaterThan(5);
    expect(inked(bare, { x: 0, y: 58, width: 120, height: 20 })).toBe(0);
    // A missing glyph would be drawn as the same box whatever the letter.
    expect(ink(word('Đ'))).not.toBe(ink(word('ơ')));
  });
});

describe('the trend of overdue tasks', () => {
  const points = [
    { label: '08/11', value: 2 },
    { label: '15/11', value: 5 },
    { label: '22/11', value: 0 },
    { label: '29/11', value: 4 },
  ];
  const chart = overdueTrendSvg({ title: 'Nhiệm vụ quá hạn theo tuần', points });
  const png = decodePng(renderPng(chart.svg));

  it('decodes at its size, with a red column a week as high as its count', () => {
    expect([png.width, png.height]).toEqual([TREND_LAYOUT.width, TREND_LAYOUT.height]);
    const columns = trendColumns(points);
    const baseline = TREND_LAYOUT.height - TREND_LAYOUT.bottom;
    for (const c of columns) {
      const x = c.x + c.width / 2;
      if (c.value === 0) expect(near(png, x, baseline - 10, STATUS_COLORS['open-overdue'])).toBe(false);
      else {
        expect(near(png, x, baseline - 3, STATUS_COLORS['open-overdue'])).toBe(true);
        expect(near(png, x, c.y + 3, STATUS_COLORS['open-overdue'])).toBe(true);
        expect(near(png, x, c.y - 25, STATUS_COLORS['open-overdue'])).toBe(false);
      }
    }
    // Five on a scale to 8 (grid lines at whole numbers 0, 2, 4, 6, 8).
    expect(columns[1]!.height).toBeCloseTo(((baseline - TREND_LAYOUT.top) * 5) / 8, 5);
    expect(chart.svg).toMatch(/>6<\/text>/);
    expect(columns[0]!.height * 5).toBeCloseTo(columns[1]!.height * 2, 5);
  });
});
