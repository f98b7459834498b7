// /report sends the chart as a photo (uploaded with sendPhoto, a PNG that decodes with each
// status colour in its bar) before the text version, which keeps the period button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCounts } from '../../../src/status/task-view.ts';
import { TRACKING_STATUSES } from '../../../src/status/tracking-status.ts';
import { trendColumns, TREND_LAYOUT } from '../../../src/reports/charts/overdue-trend.ts';
import { barSegments, BARS_LAYOUT, STATUS_COLORS, statusBarsSvg } from '../../../src/reports/charts/status-bars.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';
import { decodePng, type DecodedPng } from '../../helpers/png.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

function colourAt(png: DecodedPng, x: number, y: number): string {
  return `#${png.pixel(x, y).slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

describe('/report with its chart', () => {
  it('sends the week\'s chart as a PNG photo, then the text with the period button', async () => {
    await w.send(USERS.leader, '/report');
    expect(w.tg.violations).toEqual([]);
    const messages = w.tg.messagesTo(USERS.leader);
    const [photoMessage, text] = messages.slice(-2);
    expect(photoMessage!.photo).toBeDefined();
    expect(photoMessage!.text).toBe('📊 Tiến độ theo đơn vị, tuần 25/11/2024 – 01/12/2024');
    expect(text!.text).toContain('Thống kê tuần</b> 25/11/2024 – 01/12/2024');
    expect(w.buttons(USERS.leader, text!.messageId)).toHaveLength(1);

    const file = w.tg.filesTo(USERS.leader).at(-1)!;
    expect(file).toMatchObject({ kind: 'photo', fileName: 'tien-do-tuan-2024-11-25.png', width: BARS_LAYOUT.width });
    const png = decodePng(file.bytes!);
    expect([png.width, png.height]).toEqual([file.width, file.height]);
    // Phòng Nội vụ this week: one task overdue (1.3), one open in time (1.2).
    const segments = barSegments([{ label: 'Phòng Nội vụ', counts: { ...emptyCounts(), 'open-overdue': 1, 'open-in-time': 1 } }]);
    expect(segments.map((s) => s.status)).toEqual(['open-in-time', 'open-overdue']);
    for (const s of segments) expect(colourAt(png, s.x + 4, s.y + 4)).toBe(STATUS_COLORS[s.status]);

    // Below the bars: overdue tasks at the end of each of the last 8 weeks (Tuesdays). 1.3 (due
    // 15/11) is overdue on 19/11 and 26/11; nothing was before.
    const barsHeight = statusBarsSvg({ title: '', rows: [{ label: '', counts: emptyCounts() }], legend: Object.fromEntries(TRACKING_STATUSES.map((st) => [st, st])) as never }).height;
    expect(png.height).toBe(barsHeight + TREND_LAYOUT.height);
    const points = ['08/10', '15/10', '22/10', '29/10', '05/11', '12/11', '19/11', '26/11'].map((label, i) => ({ label, value: i >= 6 ? 1 : 0 }));
    const columns = trendColumns(points);
    for (const c of columns.slice(6)) expect(colourAt(png, c.x + c.width / 2, barsHeight + c.y + c.height - 4)).toBe(STATUS_COLORS['open-overdue']);
    // A week with none overdue has no column: the plot's background shows at its foot.
    expect(colourAt(png, columns[2]!.x + columns[2]!.width / 2, barsHeight + columns[2]!.y - 4)).toBe('#ffffff');
  });

  it('switching to the quarter edits the text and sends the quarter\'s chart', async () => {
    const text = w.last(USERS.leader)!;
    const photosBefore = w.tg.filesTo(USERS.leader).length;
    await w.tap(USERS.leader, text.messageId, w.buttons(USERS.leader, text.messageId)[0]!.callback_data);
    expect(w.tg.violations).toEqual([]);
    expect(w.tg.messagesTo(USERS.leader).find((m) => m.messageId === text.messageId)!.text).toContain('Thống kê quý</b> 01/10/2024 – 31/12/2024');
    const files = w.tg.filesTo(USERS.leader);
    expect(files).toHaveLength(photosBefore + 1);
    expect(files.at(-1)).toMatchObject({ kind: 'photo', caption: '📊 Tiến độ theo đơn vị, quý 01/10/2024 – 31/12/2024', fileName: 'tien-do-quy-2024-10-01.png' });
    expect(decodePng(files.at(-1)!.bytes!).width).toBe(BARS_LAYOUT.width);
  });

  it('an English-speaking admin gets the chart with an English caption, every unit of theirs drawn', async () => {
    await w.send(USERS.admin, '/report');
    const file = w.tg.filesTo(USERS.admin).at(-1)!;
    expect(file.caption).toBe('📊 Progress by unit, week 25/11/2024 – 01/12/2024');
    const png = decodePng(file.bytes!);
    // Two units with tasks this week: two bars, so taller than a one-bar chart.
    expect(png.height).toBeGreaterThanOrEqual(BARS_LAYOUT.top + 2 * BARS_LAYOUT.rowHeight);
  });
});
