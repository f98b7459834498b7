// Makes Redis agree with PostgreSQL: plan what the policy wants, queue every
// pending reminder Redis lacks (after a flush, a restart without persistence, a
// failover), and remove queued jobs whose reminder is gone, done or moved. Notices too: each
// one still PENDING (or claimed by a sender that died) gets its send-notice job again if Redis lost it.
import type { JobType, Queue } from 'bullmq';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { SqlRunner } from '../db/sql.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { ReminderPolicy } from '../reminders/policy-values.ts';
import { enqueueReminders } from './enqueue-reminders.ts';
import { addSendNoticeJob, sendNoticeJob } from './jobs/definitions/send-notice.ts';
import { planTaskReminders, type PlanResult } from './plan-task-reminders.ts';

const JOB_ID = /^rem-(\d+)-(\d+)$/;
/** Queued jobs inspected per round. */
const SCAN_PAGE = 1000;
/** Where a reminder's job waits before it runs. */
const QUEUED_STATES: JobType[] = ['delayed', 'wait', 'prioritized'];

export interface ReconcileDeps {
  prisma: PrismaClient;
  sql?: SqlRunner;
  queue: Queue;
  calendar: WorkingCalendar;
  policy: ReminderPolicy;
  logger: Logger;
  /** Real milliseconds of a wait on the planning clock (the sandbox's fast clock); the same when absent. */
  realMs?: (clockMs: number) => number;
}

export interface ReconcileResult {
  planned?: PlanResult;
  enqueued: number;
  removedStale: number;
  /** Notices whose send-notice job was missing (or had ended) and was queued again. */
  notices: number;
}

export async function reconcile(deps: ReconcileDeps, now: Date, options: { replan?: boolean } = {}): Promise<ReconcileResult> {
  const planned = options.replan === false ? undefined : await planTaskReminders({ prisma: deps.prisma, ...(deps.sql ? { sql: deps.sql } : {}), calendar: deps.calendar, now, policy: deps.policy, logger: deps.logger });
  const removedStale = await removeStaleJobs(deps);
  const enqueued = await enqueueReminders({ prisma: deps.prisma, queue: deps.queue, now, ...(deps.realMs ? { realMs: deps.realMs } : {}) });
  const notices = await enqueueNotices(deps, now);
  const result = { ...(planned ? { planned } : {}), enqueued, removedStale, notices };
  deps.logger.info(result, 'reconciled reminders with the queue');
  return result;
}

/** Notices looked at per reconcile: the oldest first; more wait for the next round. */
const NOTICE_PAGE = 1000;

/**
 * Queues a send-notice job for each notice still to send whose job is gone: never queued (a crash
 * between the commit and the queuing, Redis away), lost (Redis flushed), or ended while the row
 * stayed unsent (the worker died on its last attempt). A job still waiting or running is left.
 */
async function enqueueNotices({ prisma, queue, logger }: ReconcileDeps, now: Date): Promise<number> {
  const rows = await prisma.notice.findMany({
    where: { OR: [{ status: 'PENDING' }, { status: 'CLAIMED', claimExpiresAt: { lt: now } }] },
    orderBy: { id: 'asc' },
    take: NOTICE_PAGE,
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of rows) {
    const job = await queue.getJob(sendNoticeJob.jobId({ noticeId: id }));
    if (job) {
      const state = await job.getState();
      if (state !== 'completed' && state !== 'failed') continue;
      // 0 when it is being retried or removed by someone else meanwhile: leave it to them.
      if ((await queue.remove(job.id!)) !== 1) continue;
    }
    await addSendNoticeJob(queue, id);
    queued++;
  }
  if (queued) logger.info({ queued }, 'queued notices whose job was missing');
  return queued;
}

/**
 * Removes queued reminder jobs whose row is gone, done or moved. Reads job ids only (no job
 * hashes), a page at a time, so memory stays flat however many jobs are queued.
 */
async function removeStaleJobs({ prisma, queue, logger }: ReconcileDeps): Promise<number> {
  let removed = 0;
  for (let start = 0; ; start += SCAN_PAGE) {
    // Each state's range [start, end]: a page holds up to SCAN_PAGE ids per state.
    const ids = await queue.getRanges(QUEUED_STATES, start, start + SCAN_PAGE - 1);
    if (!ids.length) return removed;
    const parsed = ids.flatMap((jobId) => {
      const m = JOB_ID.exec(jobId);
      return m ? [{ jobId, reminderId: Number(m[1]), plannedAtMs: Number(m[2]) }] : [];
    });
    const rows = parsed.length
      ? await prisma.reminder.findMany({ where: { id: { in: parsed.map((p) => p.reminderId) } }, select: { id: true, status: true, plannedAt: true } })
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    let removedHere = 0;
    for (const { jobId, reminderId, plannedAtMs } of parsed) {
      const row = byId.get(reminderId);
      const live = row && (row.status === 'PENDING' || row.status === 'CLAIMED') && row.plannedAt.getTime() === plannedAtMs;
      if (live) continue;
      // 0 when another worker holds it (running) or removed it first: nothing to do then.
      if ((await queue.remove(jobId)) === 1) {
        removed++;
        removedHere++;
      } else {
        logger.debug({ jobId }, 'stale job already gone or running');
      }
    }
    // Removing jobs shifts the ranges; step back by what was removed.
    start -= removedHere;
  }
}
