// Recurring work as BullMQ Job Schedulers in the office's time zone. Upserting is
// idempotent, so every worker does it at start; a watchdog re-creates them (and runs
// a reconcile at once) when they vanish, e.g. after a Redis flush.
import type { Queue } from 'bullmq';
import type { Logger } from '../../logger.ts';
import { overdueDigestJob } from './definitions/overdue-digest.ts';
import { reconcileJob } from './definitions/reconcile.ts';
import { weeklySummaryJob } from './definitions/weekly-summary.ts';

export async function upsertSchedulers(maintenance: Queue, timeZone: string): Promise<void> {
  await maintenance.upsertJobScheduler(overdueDigestJob.schedulerId, { pattern: overdueDigestJob.pattern, tz: timeZone }, { name: overdueDigestJob.name, data: {} });
  await maintenance.upsertJobScheduler(weeklySummaryJob.schedulerId, { pattern: weeklySummaryJob.pattern, tz: timeZone }, { name: weeklySummaryJob.name, data: {} });
  await maintenance.upsertJobScheduler(reconcileJob.schedulerId, { every: reconcileJob.everyMs }, { name: reconcileJob.name, data: { replan: true } });
}

/** Queues a reconcile now. The id is per minute so that several workers starting together run it once. */
export async function requestReconcile(maintenance: Queue, reason: string, now = Date.now()): Promise<void> {
  await maintenance.add(reconcileJob.name, { replan: true }, { jobId: `reconcile-${reason}-${Math.floor(now / 60_000)}`, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } });
}

export function startSchedulerWatchdog(maintenance: Queue, timeZone: string, logger: Logger, everyMs = 30_000): () => void {
  const timer = setInterval(() => {
    maintenance
      .getJobScheduler(reconcileJob.schedulerId)
      .then(async (existing) => {
        if (existing) return;
        logger.warn('job schedulers missing (Redis flushed or replaced?): recreating and reconciling');
        await upsertSchedulers(maintenance, timeZone);
        await requestReconcile(maintenance, 'watchdog');
      })
      .catch((err: unknown) => logger.error({ err }, 'scheduler watchdog failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
