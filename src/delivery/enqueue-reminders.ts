// Puts pending reminders on the delivery queue as delayed jobs. Job ids are
// deterministic, so adding a job that Redis already has is a no-op: this is what
// makes reconcile safe to run again, and on several workers at once.
import type { JobsOptions, Queue } from 'bullmq';
import { sendReminderJob } from './jobs/definitions/send-reminder.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Reminders further ahead than this wait in PostgreSQL until a later reconcile. */
export const ENQUEUE_HORIZON_MS = 62 * 24 * 3600_000;
/** Jobs per addBulk round trip. */
export const ENQUEUE_BATCH_SIZE = 1000;

export const SEND_ATTEMPTS = 10;
export const UNBOOKED_PRIORITY = 1;

/** Turns a wait on the planning clock into real milliseconds (the sandbox's fast clock); the same by default. */
export type RealMs = (clockMs: number) => number;
const SAME_PACE: RealMs = (ms) => ms;

export function reminderJobOptions(reminderId: number, plannedAt: Date, now: Date, realMs: RealMs = SAME_PACE): JobsOptions & { jobId: string } {
  return {
    jobId: reminderJobId(reminderId, plannedAt),
    delay: Math.ceil(realMs(Math.max(0, plannedAt.getTime() - now.getTime()))),
    // Not yet booked: when many reminders fall due at once, jobs that already hold a send
    // slot (priority 0, see send-reminder.ts) run first, so a flood cannot delay them.
    priority: UNBOOKED_PRIORITY,
    attempts: SEND_ATTEMPTS,
    backoff: { type: 'exponential', delay: 2_000 },
    // Sent reminders are recorded in PostgreSQL; Redis need not keep them.
    removeOnComplete: true,
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}

export interface EnqueueOptions {
  prisma: PrismaClient;
  queue: Queue;
  now: Date;
  horizonMs?: number;
  /** Only these reminders (e.g. just planned); default every pending one within the horizon. */
  reminderIds?: number[];
  realMs?: RealMs;
}

/**
 * Queues every pending reminder (within the horizon) whose job Redis lacks; returns how many
 * it added. A page of rows at a time, so memory does not grow with the number of reminders.
 */
export async function enqueueReminders({ prisma, queue, now, horizonMs = ENQUEUE_HORIZON_MS, reminderIds, realMs }: EnqueueOptions): Promise<number> {
  let cursor = 0;
  let added = 0;
  for (;;) {
    const rows = await prisma.reminder.findMany({
      where: {
        id: { gt: cursor, ...(reminderIds ? { in: reminderIds } : {}) },
        plannedAt: { lte: new Date(now.getTime() + horizonMs) },
        // A claim whose worker died is taken over by the next job run.
        OR: [{ status: 'PENDING' }, { status: 'CLAIMED', claimExpiresAt: { lt: now } }],
      },
      select: { id: true, plannedAt: true },
      orderBy: { id: 'asc' },
      take: ENQUEUE_BATCH_SIZE,
    });
    if (!rows.length) return added;
    cursor = rows.at(-1)!.id;
    const held = await heldJobIds(queue, rows.map((r) => reminderJobId(r.id, r.plannedAt)));
    added += await queueReminderRows(queue, rows.filter((r) => !held.has(reminderJobId(r.id, r.plannedAt))), now, realMs);
  }
}

function reminderJobId(reminderId: number, plannedAt: Date): string {
  return sendReminderJob.jobId({ reminderId, plannedAt: plannedAt.toISOString() });
}

/**
 * Which of these job ids Redis already holds, in any state: one pipelined EXISTS per id.
 * BullMQ makes adding a job whose id exists a no-op by the same test, so skipping them
 * changes nothing in Redis; it spares building, sending and parsing every queued job again
 * at each reconcile (100,000 pending reminders meant 100,000 no-op adds every 10 minutes).
 */
async function heldJobIds(queue: Queue, jobIds: string[]): Promise<Set<string>> {
  if (!jobIds.length) return new Set();
  const client = await queue.getBackend().client;
  const pipeline = client.pipeline();
  for (const id of jobIds) pipeline.runCommand('exists', [queue.toKey(id)]);
  const replies = (await pipeline.exec()) ?? [];
  const held = new Set<string>();
  replies.forEach(([err, exists], i) => {
    if (err) throw err;
    if (exists === 1) held.add(jobIds[i]!);
  });
  return held;
}

/** Adds one delayed job per reminder row (ids and instants only), a thousand per round trip. */
export async function queueReminderRows(queue: Queue, rows: Array<{ id: number; plannedAt: Date }>, now: Date, realMs?: RealMs): Promise<number> {
  for (let i = 0; i < rows.length; i += ENQUEUE_BATCH_SIZE) {
    await queue.addBulk(
      rows.slice(i, i + ENQUEUE_BATCH_SIZE).map((r) => ({
        name: sendReminderJob.name,
        data: { reminderId: r.id, plannedAt: r.plannedAt.toISOString() },
        opts: reminderJobOptions(r.id, r.plannedAt, now, realMs),
      })),
    );
  }
  return rows.length;
}
