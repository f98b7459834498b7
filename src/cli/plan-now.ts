// After an import the CLI asks the running service to plan the plan's reminders at once (a
// plan-tasks job on the maintenance queue). Redis down or unset is not an error: the service's
// reconcile plans the plan within 10 minutes anyway, and the command says so.
import { Queue } from 'bullmq';
import { addPlanTasksJob, type RequestPlanning } from '../delivery/jobs/definitions/plan-tasks.ts';
import { MAINTENANCE_QUEUE } from '../delivery/jobs/definitions/queues.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { closeRedis, createRedis } from '../redis.ts';

/** How long the CLI waits for Redis before it leaves the planning to reconcile. */
const CONNECT_TIMEOUT_MS = 3_000;

export type { RequestPlanning };

export function createPlanningRequester(config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX'>, logger: Logger): RequestPlanning {
  return async (payload) => {
    const redis = createRedis(config.REDIS_URL, 'producer', 'nhac-viec-cli');
    // Without a listener ioredis prints every failed reconnect: the outcome is reported once, below.
    redis.on('error', () => {});
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix: config.QUEUE_PREFIX });
    queue.on('error', () => {});
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve, reject) => {
          if (redis.status === 'ready') return resolve();
          redis.once('ready', () => resolve());
          // Refused or unknown host: no point waiting out the timeout.
          redis.once('error', (err) => reject(err));
          redis.once('end', () => reject(new Error('connection closed')));
        }),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS))),
      ]);
      await addPlanTasksJob(queue, payload);
      return true;
    } catch (err) {
      logger.debug({ err, msg: 'could not ask the service to plan now' });
      return false;
    } finally {
      clearTimeout(timer);
      await queue.close().catch(() => undefined);
      await closeRedis(redis);
    }
  };
}
