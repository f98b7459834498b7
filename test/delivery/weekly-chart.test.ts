// The weekly summary job with the real composer: a subscribed Telegram group gets the chart
// as an uploaded PNG photo, then the text; a channel that cannot upload photos (Zalo takes
// them only by URL) gets the text alone.
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { runWeeklySummary } from '../../src/delivery/jobs/handlers/weekly-summary.ts';
import { CHART_TTL_SECONDS, createChartStore } from '../../src/reports/charts/chart-store.ts';
import { registerChartRoute } from '../../src/server/chart-route.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { DeliveryChannel, OutgoingMessage } from '../../src/channels/types.ts';
import { fixedClock } from '../../src/clock.ts';
import { createComposer } from '../../src/messages/index.ts';
import { createI18n, translator } from '../../src/messages/i18n.ts';
import { emptyCounts } from '../../src/status/task-view.ts';
import { createRedis } from '../../src/redis.ts';
import { trendColumns } from '../../src/reports/charts/overdue-trend.ts';
import { barSegments, BARS_LAYOUT, STATUS_COLORS } from '../../src/reports/charts/status-bars.ts';
import { reportChartSvg } from '../../src/reports/charts/unit-progress.ts';
import { createChatPacing } from '../../src/delivery/chat-pacing.ts';
import { decodePng } from '../helpers/png.ts';
import { createSchedulerWorld, seedPlan, seedUnit, waitFor, WORK_HOURS, type SchedulerWorld } from '../helpers/scheduler-world.ts';

const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: WORK_HOURS });
/** Friday 29 November 2024, 15:00 in Hà Nội: when the weekly summary runs. */
const FRIDAY = fixedClock('2024-11-29T08:00:00Z');

let world: SchedulerWorld;
let pacingRedis: ReturnType<typeof createRedis> | undefined;
afterEach(async () => {
  pacingRedis?.disconnect();
  pacingRedis = undefined;
  await world?.close();
});

/** Two parts to one group: a short gap instead of Telegram's 3 s, so the tests do not wait. */
function fastGroupPacing() {
  pacingRedis = createRedis(world.redis.url, 'producer');
  world.deps.channels.TELEGRAM!.pacing = createChatPacing(pacingRedis, { prefix: world.redis.prefix, globalPerSecond: 200, groupIntervalMs: 50 });
}

/** A world whose composer is the bot's, a unit with a leader, and this week's tasks: one done on time, one overdue, one open in time. */
async function weeklyWorld(channel: 'TELEGRAM' | 'ZALO', chatId: string, options: { zaloPublicBaseUrl?: string } = {}) {
  world = await createSchedulerWorld({ composer: (prisma) => createComposer({ prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' }), ...(options.zaloPublicBaseUrl ? { zalo: true, zaloPublicBaseUrl: options.zaloPublicBaseUrl } : {}) });
  fastGroupPacing();
  // The workers compose with the world's clock: Friday of the week the tasks are due in.
  world.deps.clock = FRIDAY;
  const unit = await seedUnit(world, 'Văn phòng - Thống kê', [{ role: 'LEADER' }]);
  const plan = await seedPlan(world);
  const task = (code: string, due: string, extra: { status?: 'DONE'; completedAt?: Date } = {}) =>
    world.prisma.task.create({
      data: { planId: plan.id, code, path: code, ordinal: Number(code), title: `Nhiệm vụ ${code}`, due: new Date(`${due}T00:00:00Z`), ...extra, units: { create: [{ unitId: unit.unitId, role: 'LEAD' }] } },
    });
  await task('1', '2024-11-26', { status: 'DONE', completedAt: new Date('2024-11-25T03:00:00Z') });
  await task('2', '2024-11-27');
  await task('3', '2024-11-30');
  await world.prisma.chatSubscription.create({ data: { channel, chatId, createdById: unit.officers[0]!.officerId, units: { create: [{ unitId: unit.unitId }] } } });
  return world.deps;
}

describe('weekly summary with its chart', () => {
  it('a Telegram group gets the chart as a PNG photo (sendPhoto), then the text version', async () => {
    const deps = await weeklyWorld('TELEGRAM', '-100555');
    await world.startWorkers();
    expect(await runWeeklySummary({ payload: {}, deps })).toBe(1);
    await waitFor(async () => world.tg.messagesTo(-100555).length === 2, 10_000, 'chart and text');
    expect(world.tg.violations).toEqual([]);

    const [chart, text] = world.tg.messagesTo(-100555);
    expect(chart!.photo).toMatchObject({ fileName: 'tien-do-tuan-2024-11-25.png', width: BARS_LAYOUT.width });
    expect(chart!.text).toBe('📊 Tiến độ theo đơn vị, tuần 25/11/2024 – 01/12/2024');
    expect(text!.photo).toBeUndefined();
    expect(text!.text).toContain('Thống kê tuần</b> 25/11/2024 – 01/12/2024');
    expect(text!.text).toContain('<b>Văn phòng - Thống kê</b> — 3 nhiệm vụ');

    const png = decodePng(chart!.photo!.bytes!);
    expect(png.width).toBe(BARS_LAYOUT.width);
    const segments = barSegments([{ label: 'Văn phòng - Thống kê', counts: { ...emptyCounts(), 'done-on-time': 1, 'open-overdue': 1, 'open-in-time': 1 } }]);
    expect(segments.map((s) => s.status)).toEqual(['done-on-time', 'open-in-time', 'open-overdue']);
    for (const s of segments) {
      const [r, g, b] = png.pixel(s.x + 4, s.y + 4);
      expect(`#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`).toBe(STATUS_COLORS[s.status]);
    }
    // Below the bars, the last 8 Fridays: task 2 (due 27/11) is overdue on 29/11 only.
    const chartSvg = reportChartSvg(translator(createI18n(), 'vi'), { title: '', rows: [{ unitName: 'x', counts: { ...emptyCounts(), 'done-on-time': 1 } }], trend: { title: '', points: [] } })!;
    expect(png.height).toBe(chartSvg.height);
    const columns = trendColumns(Array.from({ length: 8 }, (_, i) => ({ label: '', value: i === 7 ? 1 : 0 })));
    const last = columns[7]!;
    const [r, g, b] = png.pixel(last.x + last.width / 2, chartSvg.trendTop! + last.y + last.height - 4);
    expect(`#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`).toBe(STATUS_COLORS['open-overdue']);
    expect(columns.slice(0, 7).every((c) => c.height === 0)).toBe(true);
  });

  it('a chart Telegram refuses (400) is left out and the text still goes', async () => {
    world = await createSchedulerWorld({
      composer: () => ({
        reminder: async () => null,
        reminderList: async () => null,
        overdueDigest: async () => ({ parts: [], unreachableShown: [] }),
        markUnreachableReported: async () => undefined,
        groupOverdueDigest: async () => [],
        leaderReportChart: async () => undefined,
        notice: async () => undefined,
        weeklySummary: async () => [{ html: '📊 chart', photo: { bytes: Buffer.from('not an image at all'), fileName: 'x.png' } }, { html: 'weekly text' }],
      }),
    });
    fastGroupPacing();
    const unit = await seedUnit(world, 'Văn phòng', [{ role: 'LEADER' }]);
    await world.prisma.chatSubscription.create({ data: { channel: 'TELEGRAM', chatId: '-100556', createdById: unit.officers[0]!.officerId, units: { create: [{ unitId: unit.unitId }] } } });
    await world.startWorkers();
    expect(await runWeeklySummary({ payload: {}, deps: { ...world.deps, clock: FRIDAY } })).toBe(1);
    await waitFor(async () => (await world.queues.delivery.getCompleted()).length === 1, 10_000, 'the digest job done');
    expect(world.tg.callsTo('sendPhoto').map((c) => c.status)).toEqual([400]);
    expect(world.tg.messagesTo(-100556).map((m) => m.text)).toEqual(['weekly text']);
    expect(await world.queues.delivery.getFailed()).toEqual([]);
  });

  it('a channel that cannot upload photos gets the text version only', async () => {
    const deps = await weeklyWorld('ZALO', 'zalo-group-1');
    const sent: Array<{ chatId: string; message: OutgoingMessage }> = [];
    const zalo: DeliveryChannel = {
      name: 'ZALO',
      async send(chatId, message) {
        sent.push({ chatId, message });
        return { messageId: String(sent.length) };
      },
    };
    world.deps.channels.ZALO = { channel: zalo, pacing: world.deps.channels.TELEGRAM!.pacing };
    await world.startWorkers();
    expect(await runWeeklySummary({ payload: {}, deps })).toBe(1);
    await waitFor(async () => (await world.queues.delivery.getCompleted()).length === 1, 10_000, 'the digest job done');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.chatId).toBe('zalo-group-1');
    expect(sent[0]!.message.photo).toBeUndefined();
    expect(sent[0]!.message.html).toContain('Thống kê tuần');
    expect(world.tg.calls.filter((c) => c.method === 'sendPhoto')).toEqual([]);
  });

  it('with a public URL, Zalo gets the chart by sendPhoto at a URL that serves the PNG for a day, then the text', async () => {
    const deps = await weeklyWorld('ZALO', 'zalo-group-2', { zaloPublicBaseUrl: 'https://nhacviec.example.gov.vn' });
    world.deps.channels.ZALO!.pacing = world.deps.channels.TELEGRAM!.pacing;
    await world.startWorkers();
    expect(await runWeeklySummary({ payload: {}, deps })).toBe(1);
    await waitFor(async () => world.zalo!.messagesTo('zalo-group-2').length === 2, 10_000, 'chart and text on Zalo');
    expect(world.zalo!.violations).toEqual([]);
    const [chart, text] = world.zalo!.messagesTo('zalo-group-2');
    expect(chart!.text).toBe('📊 Tiến độ theo đơn vị, tuần 25/11/2024 – 01/12/2024');
    expect(chart!.photo).toMatch(/^https:\/\/nhacviec\.example\.gov\.vn\/charts\/[A-Za-z0-9_-]{24}\.png$/);
    expect(text!.photo).toBeUndefined();
    expect(text!.text).toContain('Thống kê tuần 25/11/2024 – 01/12/2024');

    const app = Fastify();
    registerChartRoute(app, createChartStore(pacingRedis!, world.redis.prefix));
    const served = await app.inject({ method: 'GET', url: new URL(chart!.photo!).pathname });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(decodePng(served.rawPayload).width).toBe(BARS_LAYOUT.width);
    const id = /([A-Za-z0-9_-]{24})\.png$/.exec(chart!.photo!)![1]!;
    expect(await pacingRedis!.ttl(`${world.redis.prefix}:chart:${id}`)).toBeGreaterThan(CHART_TTL_SECONDS - 60);
    await app.close();
  });
});
