// Makes Redis agree with PostgreSQL: plan what the policy wants, queue every
// pending reminder Redis lacks (after a flush, a restart without persistence, a
// failover), and remove queued jobs whose reminder is gone, done or moved.
import type { Queue } from 'bullmq';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { SqlRunner } from '../db/sql.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { ReminderPolicy } from '../reminders/policy-values.ts';
import { enqueueReminders } from './enqueue-reminders.ts';
import { planTaskReminders, type PlanResult } from './plan-task-reminders.ts';

const JOB_ID = /^rem-(\d+)-(\d+)$/;
/** Queued jobs inspected per round. */
const SCAN_PAGE = 1000;

export interface ReconcileDeps {
  prisma: PrismaClient;
  sql?: SqlRunner;
  queue: Queue;
  calendar: WorkingCalendar;
  policy: ReminderPolicy;
  logger: Logger;
}

export interface ReconcileResult {
  planned?: PlanResult;
  enqueued: number;
  removedStale: number;
}

export async function reconcile(deps: ReconcileDeps, now: Date, options: { replan?: boolean } = {}): Promise<ReconcileResult> {
  const planned = options.replan === false ? undefined : await planTaskReminders({ prisma: deps.prisma, ...(deps.sql ? { sql: deps.sql } : {}), calendar: deps.calendar, now, policy: deps.policy, logger: deps.logger });
  const removedStale = await removeStaleJobs(deps);
  const enqueued = await enqueueReminders({ prisma: deps.prisma, queue: deps.queue, now });
  const result = { ...(planned ? { planned } : {}), enqueued, removedStale };
  deps.logger.info(result, 'reconciled reminders with the queue');
  return result;
}

async function removeStaleJobs({ prisma, queue, logger }: ReconcileDeps): Promise<number> {
  let removed = 0;
  for (let start = 0; ; start += SCAN_PAGE) {
    const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized'], start, start + SCAN_PAGE - 1, true);
    if (!jobs.length) return removed;
    const parsed = jobs.flatMap((job) => {
      const m = JOB_ID.exec(job.id ?? '');
      return m ? [{ job, reminderId: Number(m[1]), plannedAtMs: Number(m[2]) }] : [];
    });
    const rows = await prisma.reminder.findMany({
      where: { id: { in: parsed.map((p) => p.reminderId) } },
      select: { id: true, status: true, plannedAt: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    let removedHere = 0;
    for (const { job, reminderId, plannedAtMs } of parsed) {
      const row = byId.get(reminderId);
      const live = row && (row.status === 'PENDING' || row.status === 'CLAIMED') && row.plannedAt.getTime() === plannedAtMs;
      if (live) continue;
      try {
        await job.remove();
        removed++;
        removedHere++;
      } catch (err) {
        // Another worker took it or removed it first: nothing to do.
        logger.debug({ err, jobId: job.id }, 'stale job already gone');
      }
    }
    // Removing jobs shifts the ranges; step back by what was removed.
    start -= removedHere;
  }
}
