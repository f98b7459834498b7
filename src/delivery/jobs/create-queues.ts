// Producers. Their Redis connection fails fast (an HTTP handler or the CLI should
// not hang on a Redis outage); workers get their own blocking connections.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DELIVERY_QUEUE, MAINTENANCE_QUEUE, REPORTS_QUEUE } from './definitions/queues.ts';

export interface Queues {
  delivery: Queue;
  maintenance: Queue;
  /** Exports a person waits for (export-report). */
  reports: Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string): Queues {
  const delivery = new Queue(DELIVERY_QUEUE, { connection, prefix });
  const maintenance = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  const reports = new Queue(REPORTS_QUEUE, { connection, prefix });
  return {
    delivery,
    maintenance,
    reports,
    async close() {
      await Promise.all([delivery.close(), maintenance.close(), reports.close()]);
    },
  };
}
