// Charts on Zalo, which takes photos only by URL: with PUBLIC_BASE_URL the PNG is stored in Redis
// under a random id for a day, served at GET /charts/<id>.png, and sent with sendPhoto; without
// it only the text goes. The route serves a stored chart, then 404 once the key has expired. With
// workers, `report` answers with the text and a report-chart job sends the chart by URL after it.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_ID, CHART_TTL_SECONDS, chartUrl, createChartStore } from '../../src/reports/charts/chart-store.ts';
import { registerChartRoute } from '../../src/server/chart-route.ts';
import { createServer } from '../../src/server/create-server.ts';
import { Queue, Worker } from 'bullmq';
import { createZaloApi } from '../../src/channels/zalo/api.ts';
import { createZaloRoute } from '../../src/channels/zalo/delivery.ts';
import { REPORTS_QUEUE } from '../../src/delivery/jobs/definitions/queues.ts';
import { reportChartRequester } from '../../src/delivery/jobs/definitions/report-chart.ts';
import { runReportChart } from '../../src/delivery/jobs/handlers/report-chart.ts';
import { ZALO_MESSAGE_LIMIT } from '../../src/messages/html.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { createComposer } from '../../src/messages/index.ts';
import { createRedis } from '../../src/redis.ts';
import { NOW } from '../helpers/bot-world.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';
import { waitFor } from '../helpers/scheduler-world.ts';
import { testLogger } from '../helpers/test-log.ts';
import { createZaloWorld, type ZaloWorld } from '../helpers/zalo-world.ts';
import { decodePng } from '../helpers/png.ts';

const BASE = 'https://nhacviec.example.gov.vn';
const LEADER_CHAT = 'zl-leader';

let w: ZaloWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** The service's HTTP server with the chart route, its log lines kept (debug and up). */
function serverFor(world: ZaloWorld) {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
  const store = createChartStore(world.producer, world.redis.prefix);
  const app = createServer({ logger, prisma: world.prisma, redis: world.producer });
  registerChartRoute(app, store);
  return { app, store, lines };
}

const pathOf = (url: string) => new URL(url).pathname;

describe('the chart route', () => {
  it('serves a stored PNG under an unguessable id, then 404 once the key expired; nothing lists the charts', async () => {
    w = await createZaloWorld();
    const { app, store, lines } = serverFor(w);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const id = await store.put(png);
    const other = await store.put(png);
    expect(id).toMatch(CHART_ID);
    expect(other).not.toBe(id);
    const key = `${w.redis.prefix}:chart:${id}`;
    // A day to live.
    expect(await w.producer.ttl(key)).toBeGreaterThan(CHART_TTL_SECONDS - 5);
    expect(chartUrl(BASE, id)).toBe(`${BASE}/charts/${id}.png`);

    const served = await app.inject({ method: 'GET', url: `/charts/${id}.png` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    // Expiry is Redis's: a TTL run out is a deleted key.
    await w.producer.pexpire(key, 0);
    expect((await app.inject({ method: 'GET', url: `/charts/${id}.png` })).statusCode).toBe(404);
    for (const url of ['/charts/', '/charts', `/charts/${other}`, `/charts/${other.slice(1)}.png`, `/charts/..%2F${other}.png`]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: `/charts/${other}.png` })).statusCode).toBe(200);
    // The id is the URL's only secret: the request log names the route, never the id.
    expect(lines.join('')).toContain('/charts/:file');
    expect(lines.join('')).not.toContain(id);
    expect(lines.join('')).not.toContain(other);
    await app.close();
  });
});

describe('/report on Zalo', () => {
  it('with a public URL the chart goes as sendPhoto by URL, and that URL serves the PNG', async () => {
    w = await createZaloWorld({ publicBaseUrl: BASE });
    const { app } = serverFor(w);
    await w.say(LEADER_CHAT, await w.inviteFor(w.seed.officers.leader.id));
    await w.say(LEADER_CHAT, 'report');
    expect(w.zalo.violations).toEqual([]);

    const [photo] = w.zalo.callsTo('sendPhoto');
    expect(photo!.body).toMatchObject({ chat_id: LEADER_CHAT, caption: expect.stringContaining('Tiến độ theo đơn vị') });
    const url = String(photo!.body.photo);
    expect(url).toMatch(/^https:\/\/nhacviec\.example\.gov\.vn\/charts\/[A-Za-z0-9_-]{24}\.png$/);
    // The text version follows the photo.
    const sent = w.zalo.messagesTo(LEADER_CHAT);
    expect(sent.at(-1)!.photo).toBeUndefined();
    expect(sent.at(-2)!.photo).toBe(url);

    const served = await app.inject({ method: 'GET', url: pathOf(url) });
    expect(served.statusCode).toBe(200);
    const png = decodePng(served.rawPayload);
    expect(png.width).toBeGreaterThan(300);
    await app.close();
  });

  it('with workers: the text answers at once and a report-chart job sends the chart by URL after it', async () => {
    const connection = createRedis(TEST_REDIS_URL, 'worker');
    let queue: Queue | undefined;
    let worker: Worker | undefined;
    try {
      const logger = testLogger();
      let queued: Queue | undefined;
      w = await createZaloWorld({ publicBaseUrl: BASE, requestReportChart: (payload) => reportChartRequester(queued!, logger)(payload) });
      queue = queued = new Queue(REPORTS_QUEUE, { connection, prefix: w.redis.prefix });
      const { app } = serverFor(w);
      await w.say(LEADER_CHAT, await w.inviteFor(w.seed.officers.leader.id));
      await w.say(LEADER_CHAT, 'report');
      // The text now, no chart drawn while the message waited: one job queued.
      expect(w.zalo.messagesTo(LEADER_CHAT).at(-1)!.text).toContain('Thống kê tuần');
      expect(w.zalo.callsTo('sendPhoto')).toEqual([]);
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });

      const i18n = createI18n();
      const route = createZaloRoute({ api: createZaloApi({ token: w.zalo.token, apiRoot: w.zalo.apiRoot }), redis: w.producer, prefix: w.redis.prefix, ratePerSecond: 100, prisma: w.prisma, i18n, publicBaseUrl: BASE });
      const composer = createComposer({ prisma: w.prisma, i18n, calendar: w.calendar, timeZone: 'Asia/Ho_Chi_Minh', messageLimit: ZALO_MESSAGE_LIMIT });
      worker = new Worker(REPORTS_QUEUE, (job, token) => runReportChart({ payload: job.data, job, ...(token ? { token } : {}), deps: { prisma: w!.prisma, channels: { ZALO: route }, composer, clock: { now: () => NOW }, logger } }), { connection, prefix: w.redis.prefix });
      await waitFor(async () => w!.zalo.callsTo('sendPhoto').length === 1, 20_000, 'the chart by URL');
      expect(w.zalo.violations).toEqual([]);
      const sent = w.zalo.messagesTo(LEADER_CHAT);
      const url = String(w.zalo.callsTo('sendPhoto')[0]!.body.photo);
      expect(sent.at(-1)!.photo).toBe(url);
      expect(sent.at(-2)!.text).toContain('Thống kê tuần');
      const served = await app.inject({ method: 'GET', url: pathOf(url) });
      expect(served.statusCode).toBe(200);
      expect(decodePng(served.rawPayload).width).toBeGreaterThan(300);
      await app.close();
    } finally {
      await worker?.close();
      await queue?.close();
      connection.disconnect();
    }
  });

  it('without a public URL only the text goes; an officer is told it is for leaders', async () => {
    w = await createZaloWorld();
    await w.say(LEADER_CHAT, await w.inviteFor(w.seed.officers.leader.id));
    const text = await w.say(LEADER_CHAT, 'baocao');
    expect(w.zalo.callsTo('sendPhoto')).toEqual([]);
    expect(text.length).toBeGreaterThan(0);
    expect(w.zalo.violations).toEqual([]);
    expect(await w.say('zl-officer', await w.inviteFor(w.seed.officers.officerA.id))).toBeTruthy();
    expect(await w.say('zl-officer', 'report')).toBe('Lệnh này dành cho lãnh đạo đơn vị.');
  });
});
