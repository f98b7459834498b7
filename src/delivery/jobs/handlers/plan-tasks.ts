import { Prisma } from '../../../generated/prisma/client.ts';
import { runnerOf } from '../../../db/sql.ts';
import { ENQUEUE_HORIZON_MS, enqueueReminders, queueReminderRows } from '../../enqueue-reminders.ts';
import { planTaskReminders, type PlanResult } from '../../plan-task-reminders.ts';
import { planTasksJob } from '../definitions/plan-tasks.ts';
import type { JobDeps } from '../deps.ts';

/** Pending reminders re-checked against the queue per round. */
const ENQUEUE_IDS_PER_ROUND = 1000;

export interface PlanTasksResult {
  planned: PlanResult;
  /** Jobs added for reminders that existed already (a snooze, a moved deadline). */
  requeued: number;
}

export async function runPlanTasks({ payload, deps }: { payload: unknown; deps: Pick<JobDeps, 'prisma' | 'sql' | 'deliveryQueue' | 'calendar' | 'policy' | 'logger' | 'clock'> }): Promise<PlanTasksResult> {
  const data = planTasksJob.schema.parse(payload);
  const now = deps.clock.now();
  const sql = deps.sql ?? runnerOf(deps.prisma);
  const taskIds = 'taskIds' in data
    ? data.taskIds
    : (await sql.rows<{ id: number }>(Prisma.sql`SELECT id FROM "Task" WHERE "planId" = ${data.planId} AND NOT "isGroup" ORDER BY id`)).map((t) => t.id);
  if (!taskIds.length) {
    deps.logger.info({ ...data }, 'plan-tasks: no tasks (plan gone or empty)');
    return { planned: { tasks: 0, created: 0, rescheduled: 0, cancelled: 0 }, requeued: 0 };
  }
  const planned = await planTaskReminders({
    prisma: deps.prisma, sql, calendar: deps.calendar, now, policy: deps.policy, logger: deps.logger, taskIds,
    // As reconcile does, reminders further ahead than the horizon wait in PostgreSQL.
    onCreated: async (created) => void (await queueReminderRows(deps.deliveryQueue, created.filter((r) => r.plannedAt.getTime() <= now.getTime() + ENQUEUE_HORIZON_MS), now)),
  });
  // Rows planning did not create need a job too: a snooze's own reminder, a reminder moved to a new instant.
  let requeued = 0;
  if (planned.rescheduled || 'taskIds' in data) {
    const pending = await sql.rows<{ id: number }>(Prisma.sql`
      SELECT id FROM "Reminder" WHERE "taskId" = ANY(${taskIds}::int[]) AND status = 'PENDING' ORDER BY id`);
    for (let i = 0; i < pending.length; i += ENQUEUE_IDS_PER_ROUND) {
      const reminderIds = pending.slice(i, i + ENQUEUE_IDS_PER_ROUND).map((r) => r.id);
      requeued += await enqueueReminders({ prisma: deps.prisma, queue: deps.deliveryQueue, now, reminderIds });
    }
  }
  deps.logger.info({ ...data, ...planned, requeued, tasks: taskIds.length }, 'planned tasks at once');
  return { planned, requeued };
}
