import type { FastifyInstance } from 'fastify';
import { TEST_ADMIN_TOKEN } from '../helpers/secret-scan.ts';
import { testLogger } from '../helpers/test-log.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, type Queues } from '../../src/delivery/jobs/create-queues.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createRedis } from '../../src/redis.ts';
import { registerAdmin } from '../../src/server/admin.ts';
import { createServer } from '../../src/server/create-server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

const TOKEN = TEST_ADMIN_TOKEN;
let db: TestDatabase;
let redis: TestRedis;
let producer: ReturnType<typeof createRedis>;
let queues: Queues;
let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await createTestRedis();
  producer = createRedis(redis.url, 'producer');
  queues = createQueues(producer, redis.prefix);
  const metrics = createMetrics();
  metrics.sent.inc({ channel: 'TELEGRAM' });
  app = createServer({ logger: testLogger(), prisma: db.prisma, redis: producer });
  await registerAdmin(app, { token: TOKEN, queues: [queues.delivery, queues.maintenance], metrics });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await queues.close();
  producer.disconnect();
  await redis.cleanup();
  await db.drop();
});

describe('admin pages', () => {
  it('refuse requests without the admin token, or with a wrong one', async () => {
    expect((await app.inject({ url: '/admin/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/admin/metrics', headers: { authorization: 'Bearer wrong-token-0123456789abc' } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/admin/queues/' })).headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('serve Prometheus metrics with a bearer token', async () => {
    const response = await app.inject({ url: '/admin/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^nhacviec_reminders_sent_total\{channel="TELEGRAM"\} 1$/m);
    expect(response.body).toMatch(/nhacviec_delivery_lag_seconds_bucket/);
  });

  it('serve the queue board to a browser with basic auth, listing both queues', async () => {
    const basic = `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`;
    const page = await app.inject({ url: '/admin/queues/', headers: { authorization: basic } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await app.inject({ url: '/admin/queues/api/queues', headers: { authorization: basic } });
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(api.body).queues.map((q: { name: string }) => q.name).sort()).toEqual(['deliveries', 'maintenance']);
  });

  it('leave /healthz open', async () => {
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
