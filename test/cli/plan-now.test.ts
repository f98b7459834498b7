// After an import the CLI asks the running service to plan now: a plan-tasks job on the
// maintenance queue when Redis answers, false (reconcile plans within 10 minutes) when it does not.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanningRequester } from '../../src/cli/plan-now.ts';
import { MAINTENANCE_QUEUE } from '../../src/delivery/jobs/definitions/queues.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { testLogger } from '../helpers/test-log.ts';

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis();
});
afterAll(async () => {
  await redis.cleanup();
});

describe('the CLI asking the service to plan now', () => {
  it('adds a plan-tasks job with the plan id to the configured prefix\'s maintenance queue', async () => {
    const request = createPlanningRequester({ REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix }, testLogger());
    expect(await request({ planId: 42 })).toBe(true);
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: redis.redis, prefix: redis.prefix });
    try {
      expect((await queue.getJobs(['waiting'])).map((j) => [j.name, j.data])).toEqual([['plan-tasks', { planId: 42 }]]);
    } finally {
      await queue.close();
    }
  });

  it('says false at once when Redis refuses the connection', async () => {
    const request = createPlanningRequester({ REDIS_URL: 'redis://127.0.0.1:1', QUEUE_PREFIX: redis.prefix }, testLogger());
    const started = Date.now();
    expect(await request({ planId: 42 })).toBe(false);
    // The refusal ends the wait, not the 3-second timeout.
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});
