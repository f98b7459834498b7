// Producers. Their Redis connection fails fast (an HTTP handler or the CLI should
// not hang on a Redis outage); workers get their own blocking connections.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DELIVERY_QUEUE, MAINTENANCE_QUEUE } from './definitions/queues.ts';

export interface Queues {
  delivery: Queue;
  maintenance: Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string): Queues {
  const delivery = new Queue(DELIVERY_QUEUE, { connection, prefix });
  const maintenance = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  return {
    delivery,
    maintenance,
    async close() {
      await Promise.all([delivery.close(), maintenance.close()]);
    },
  };
}
