// Plan and queue the reminders of tasks that just changed (an import, an extension approved,
// a snooze) at once, instead of at the next reconcile. Ids only: the handler reads the rest.
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { MAINTENANCE_QUEUE } from './queues.ts';
import { queuedWithin } from '../add-within.ts';

const id = z.number().int().positive().max(2 ** 31 - 1);

/** A plan's tasks, or a few tasks (a snooze, an extension): a plan id stands for thousands of task ids. */
export const planTasksPayloadSchema = z.union([
  z.object({ planId: id }).strict(),
  z.object({ taskIds: z.array(id).min(1).max(1000) }).strict(),
]);
export type PlanTasksPayload = z.infer<typeof planTasksPayloadSchema>;

/** Asks for a plan-tasks job; false when it could not be queued (reconcile plans within 10 minutes then). */
export type RequestPlanning = (payload: PlanTasksPayload) => Promise<boolean>;

export const planTasksJob = {
  name: 'plan-tasks',
  queue: MAINTENANCE_QUEUE,
  schema: planTasksPayloadSchema,
} as const;

/**
 * A RequestPlanning that never throws: what asked for it is recorded already, and reconcile
 * plans it within 10 minutes when the queue cannot be reached.
 */
export function planningRequester(queue: Queue, logger: { warn(obj: object): void }, options: { timeoutMs?: number } = {}): RequestPlanning {
  // A person waits for the answer that asked for planning: BullMQ would hold it as long as Redis is away.
  return (payload) =>
    queuedWithin(queue, planTasksJob.name, () => planTasksJob.schema.parse(payload), PLAN_TASKS_JOB_OPTIONS, (err) => logger.warn({ err, msg: 'could not queue plan-tasks; reconcile will plan', ...payload }), options.timeoutMs);
}

/**
 * Adds the job. No fixed job id: planning is idempotent (delivery keys), so a second job for the
 * same tasks only finds nothing to do, while a fixed id would drop a request made after a change.
 */
const PLAN_TASKS_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export async function addPlanTasksJob(queue: Queue, payload: PlanTasksPayload): Promise<void> {
  await queue.add(planTasksJob.name, planTasksJob.schema.parse(payload), PLAN_TASKS_JOB_OPTIONS);
}
