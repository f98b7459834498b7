// Materialises the reminder policy into Reminder rows, idempotently: each row has a
// delivery key (task, occurrence, reminder, recipient), so planning twice adds nothing.
// Rows that no longer belong (task done, deadline changed) are cancelled, never deleted.
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Schedule } from '../deadlines/types.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { planReminders, type ReminderKind, type TaskStatus } from '../reminders/plan-reminders.ts';
import { reminderPolicyOverridesSchema, resolveReminderPolicy, type ReminderPolicy } from '../reminders/policy-values.ts';
import { deliveryKey, recipientsFor, type TaskUnitOfficers } from './recipients.ts';

/** Kinds of reminder the policy makes; only these are re-planned or cancelled while a task is open. */
const POLICY_KINDS = new Set<string>(['before-due', 'due-day', 'overdue', 'escalation-leader', 'escalation-monitor', 'check-in'] satisfies ReminderKind[]);

/** Tasks read and planned per database round. */
export const PLAN_BATCH_SIZE = 2000;

export interface PlanOptions {
  prisma: PrismaClient;
  calendar: WorkingCalendar;
  now: Date;
  policy: ReminderPolicy;
  logger?: Logger;
  /** Only these tasks; default every task that is open or still has pending reminders. */
  taskIds?: number[];
  /** Called with each batch of newly created reminders after its transaction commits (e.g. to queue them). */
  onCreated?: (created: Array<{ id: number; plannedAt: Date }>) => Promise<void>;
}

export interface PlanResult {
  tasks: number;
  created: number;
  rescheduled: number;
  cancelled: number;
}

/** A unit as planning needs it: its linked officers and its policy overrides. */
export interface PlanningUnit {
  id: number;
  name: string;
  policy: Array<{ settings: unknown }>;
  officers: Array<{ id: number; name: string; role: 'OFFICER' | 'LEADER' | 'ADMIN'; chatIdentities: Array<{ id: number }> }>;
}

export interface LoadedTask {
  id: number;
  isGroup: boolean;
  status: string;
  schedule: unknown;
  plan: { settings: unknown; policy: Array<{ settings: unknown }> };
  units: Array<{ role: 'MONITOR' | 'LEAD' | 'COORDINATE' | 'EXECUTE'; unit: PlanningUnit }>;
}

function policyFor(task: LoadedTask, base: ReminderPolicy, log?: Logger): ReminderPolicy {
  const layers: unknown[] = [];
  const settings = task.plan.settings as { reminderPolicy?: unknown } | null;
  if (settings?.reminderPolicy) layers.push(settings.reminderPolicy);
  for (const o of task.plan.policy) layers.push(o.settings);
  const lead = task.units.find((u) => u.role === 'LEAD') ?? task.units.find((u) => u.role === 'EXECUTE');
  for (const o of lead?.unit.policy ?? []) layers.push(o.settings);
  const valid = layers.filter((layer) => {
    const ok = reminderPolicyOverridesSchema.safeParse(layer).success;
    if (!ok) log?.warn({ taskId: task.id }, 'ignoring an invalid reminder policy override');
    return ok;
  });
  return valid.length ? resolveReminderPolicy(base, ...valid) : base;
}

function unitOfficers(task: LoadedTask): TaskUnitOfficers[] {
  return task.units.map((u) => ({
    role: u.role,
    officers: u.unit.officers.map((o) => ({ officerId: o.id, role: o.role, chatIdentityId: o.chatIdentities[0]?.id ?? null })),
  }));
}

export interface WantedReminders {
  rows: Prisma.ReminderCreateManyInput[];
  /** Occurrence dates each task still has reminders for. */
  occurrencesByTask: Map<number, Set<string>>;
}

/** What the policy wants for these tasks at `now`, as rows; pure apart from the loaded tasks. */
export function wantedReminders(tasks: LoadedTask[], options: Pick<PlanOptions, 'calendar' | 'now' | 'policy' | 'logger'>): WantedReminders {
  const rows: Prisma.ReminderCreateManyInput[] = [];
  const occurrencesByTask = new Map<number, Set<string>>();
  for (const task of tasks) {
    const planned = task.isGroup
      ? []
      : planReminders({ schedule: task.schedule as Schedule, state: { status: task.status as TaskStatus }, calendar: options.calendar, now: options.now, policy: policyFor(task, options.policy, options.logger) });
    occurrencesByTask.set(task.id, new Set(planned.map((r) => r.occurrenceDue)));
    const units = unitOfficers(task);
    const firstByOccurrence = new Map<string, string>();
    for (const r of planned) if (r.audience === 'assignee' && !firstByOccurrence.has(r.occurrenceDue)) firstByOccurrence.set(r.occurrenceDue, r.key);
    for (const r of planned) {
      for (const to of recipientsFor(r, units, firstByOccurrence.get(r.occurrenceDue) === r.key)) {
        rows.push({
          deliveryKey: deliveryKey(task.id, r, to.officerId),
          taskId: task.id,
          officerId: to.officerId,
          chatIdentityId: to.chatIdentityId,
          occurrenceDue: new Date(`${r.occurrenceDue}T00:00:00Z`),
          kind: r.kind,
          plannedAt: r.at,
        });
      }
    }
  }
  return { rows, occurrencesByTask };
}

/**
 * Open tasks (or the given ones) in id order, a batch at a time, with what planning needs.
 * Units (with officers) and plans are read once per run and shared by every task that
 * names them: a province plan names the same few dozen units on thousands of tasks.
 */
export async function* taskBatches(prisma: PrismaClient, taskIds?: number[]): AsyncGenerator<LoadedTask[]> {
  const where: Prisma.TaskWhereInput = taskIds
    ? {}
    : { isGroup: false, OR: [{ status: { notIn: ['DONE', 'CANCELLED'] } }, { reminders: { some: { status: 'PENDING' } } }] };
  const units = new Map<number, PlanningUnit>();
  const plans = new Map<number, LoadedTask['plan']>();
  let cursor = 0;
  for (;;) {
    const tasks = await prisma.task.findMany({
      where: { ...where, id: { gt: cursor, ...(taskIds ? { in: taskIds } : {}) } },
      select: { id: true, planId: true, isGroup: true, status: true, schedule: true, units: { select: { unitId: true, role: true } } },
      orderBy: { id: 'asc' },
      take: PLAN_BATCH_SIZE,
    });
    if (!tasks.length) return;
    cursor = tasks.at(-1)!.id;

    const missingUnits = [...new Set(tasks.flatMap((t) => t.units.map((u) => u.unitId)))].filter((id) => !units.has(id));
    if (missingUnits.length) {
      const rows = await prisma.unit.findMany({
        where: { id: { in: missingUnits } },
        select: {
          id: true,
          name: true,
          policy: { where: { planId: null }, select: { settings: true } },
          officers: {
            where: { active: true },
            select: { id: true, name: true, role: true, chatIdentities: { where: { active: true, channel: 'TELEGRAM' }, orderBy: { id: 'asc' }, take: 1, select: { id: true } } },
          },
        },
      });
      for (const unit of rows) units.set(unit.id, unit);
    }
    const missingPlans = [...new Set(tasks.map((t) => t.planId))].filter((id) => !plans.has(id));
    if (missingPlans.length) {
      const rows = await prisma.plan.findMany({ where: { id: { in: missingPlans } }, select: { id: true, settings: true, policy: { where: { unitId: null }, select: { settings: true } } } });
      for (const plan of rows) plans.set(plan.id, { settings: plan.settings, policy: plan.policy });
    }
    yield tasks.map((t) => ({
      id: t.id,
      isGroup: t.isGroup,
      status: t.status,
      schedule: t.schedule,
      plan: plans.get(t.planId)!,
      units: t.units.flatMap((u) => (units.has(u.unitId) ? [{ role: u.role, unit: units.get(u.unitId)! }] : [])),
    }));
  }
}

export async function planTaskReminders(options: PlanOptions): Promise<PlanResult> {
  const { prisma, now } = options;
  const result: PlanResult = { tasks: 0, created: 0, rescheduled: 0, cancelled: 0 };
  // Queueing a batch overlaps with planning the next one; at most one batch is in flight.
  let handing: Promise<void> = Promise.resolve();
  let handingError: unknown;
  for await (const tasks of taskBatches(prisma, options.taskIds)) {
    result.tasks += tasks.length;
    const { rows: wanted, occurrencesByTask } = wantedReminders(tasks, options);

    const taskIds = tasks.map((t) => t.id);    const existing = await prisma.reminder.findMany({
      where: { taskId: { in: taskIds }, status: 'PENDING' },
      select: { id: true, deliveryKey: true, taskId: true, plannedAt: true, occurrenceDue: true, kind: true },
    });
    const closed = new Set(tasks.filter((t) => t.status === 'DONE' || t.status === 'CANCELLED').map((t) => t.id));
    const wantedByKey = new Map(wanted.map((w) => [w.deliveryKey, w]));
    const toCancel: number[] = [];
    const toReschedule: Array<{ id: number; plannedAt: Date }> = [];
    for (const row of existing) {
      const want = wantedByKey.get(row.deliveryKey);
      if (want) {
        const newAt = want.plannedAt as Date;
        // A future reminder follows policy or calendar changes; a due one is left to its job.
        if (row.plannedAt > now && newAt.getTime() !== row.plannedAt.getTime()) toReschedule.push({ id: row.id, plannedAt: newAt });
        continue;
      }
      // Rows the policy did not make (a snooze, a manual reminder) are the planner's only once the task is closed.
      if (!POLICY_KINDS.has(row.kind) && !closed.has(row.taskId)) continue;
      const occurrence = row.occurrenceDue?.toISOString().slice(0, 10);
      const occurrenceStillPlanned = occurrence !== undefined && occurrencesByTask.get(row.taskId)?.has(occurrence);
      // Keep a reminder that is already due for an occurrence that still exists: the
      // policy only plans from `now` on, and its job may be waiting for the chat's turn.
      if (row.plannedAt <= now && occurrenceStillPlanned) continue;
      toCancel.push(row.id);
    }

    let created: Array<{ id: number; plannedAt: Date }> = [];
    await prisma.$transaction(async (tx) => {
      if (wanted.length) {
        created = await insertReminders(tx, wanted, now);
        result.created += created.length;
      }
      if (toCancel.length) {
        result.cancelled += (await tx.reminder.updateMany({ where: { id: { in: toCancel }, status: 'PENDING' }, data: { status: 'CANCELLED', lastError: 'no longer planned' } })).count;
      }
      for (const r of toReschedule) {
        result.rescheduled += (await tx.reminder.updateMany({ where: { id: r.id, status: 'PENDING' }, data: { plannedAt: r.plannedAt } })).count;
      }
    });
    await handing;
    if (handingError) throw handingError;
    // The catch is attached at once, so a failure waits here for the next round instead of
    // surfacing as an unhandled rejection.
    if (created.length && options.onCreated) handing = options.onCreated(created).catch((err: unknown) => void (handingError = err));
  }
  await handing;
  if (handingError) throw handingError;
  return result;
}

/**
 * One INSERT for a batch of planned rows, skipping delivery keys that exist. Set-based SQL
 * with the rows as one JSON parameter: the query builder's createMany, or one array
 * parameter per column, cost far more CPU here than PostgreSQL spends on the insert.
 */
async function insertReminders(tx: Prisma.TransactionClient, rows: Prisma.ReminderCreateManyInput[], now: Date): Promise<Array<{ id: number; plannedAt: Date }>> {
  const json = JSON.stringify(
    rows.map((r) => ({
      k: r.deliveryKey,
      t: r.taskId,
      o: r.officerId,
      c: r.chatIdentityId ?? null,
      d: (r.occurrenceDue as Date).toISOString().slice(0, 10),
      kd: r.kind,
      p: (r.plannedAt as Date).toISOString(),
    })),
  );
  return tx.$queryRaw`
    INSERT INTO "Reminder" ("deliveryKey", "taskId", "officerId", "chatIdentityId", "occurrenceDue", kind, "plannedAt", "createdAt", "updatedAt")
    SELECT k, t, o, c, d, kd, p AT TIME ZONE 'UTC', ${now}, ${now}
    FROM jsonb_to_recordset(${json}::jsonb) AS x(k text, t int, o int, c int, d date, kd text, p timestamptz)
    ON CONFLICT ("deliveryKey") DO NOTHING
    RETURNING id, "plannedAt"`;
}
