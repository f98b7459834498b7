// Materialises the reminder policy into Reminder rows, idempotently: each row has a
// delivery key (task, occurrence, reminder, recipient), so planning twice adds nothing.
// Rows that no longer belong (task done, deadline changed) are cancelled, never deleted.
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { Schedule } from '../deadlines/types.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
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
  /** The plain `pg` runner for the bulk reads and inserts (a fraction of Prisma's CPU per row); default Prisma's. */
  sql?: SqlRunner;
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
  officers: Array<{
    id: number;
    name: string;
    role: 'OFFICER' | 'LEADER' | 'ADMIN';
    chatIdentities: Array<{ id: number }>;
    absences?: Array<{ fromDate: Date; toDate: Date; delegate: { id: number; active: boolean; chatIdentities: Array<{ id: number }> } | null }>;
  }>;
}

export interface LoadedTask {
  id: number;
  isGroup: boolean;
  status: string;
  schedule: unknown;
  plan: { settings: unknown; policy: Array<{ settings: unknown }>; periodTo?: Date | null };
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

/** The plan's period end and, when its importer chose so, the day before which passed deadlines are not reminded. */
export function planLimits(plan: LoadedTask['plan']): { planEnd?: string; overdueFrom?: string } {
  const unremindedBefore = (plan.settings as { unremindedBefore?: unknown } | null)?.unremindedBefore;
  return {
    ...(plan.periodTo ? { planEnd: plan.periodTo.toISOString().slice(0, 10) } : {}),
    ...(typeof unremindedBefore === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(unremindedBefore) ? { overdueFrom: unremindedBefore } : {}),
  };
}

function unitOfficers(task: LoadedTask): TaskUnitOfficers[] {
  return task.units.map((u) => ({
    role: u.role,
    officers: u.unit.officers.map((o) => ({
      officerId: o.id,
      role: o.role,
      chatIdentityId: o.chatIdentities[0]?.id ?? null,
      ...(o.absences?.length
        ? {
            absences: o.absences.map((a) => ({
              from: a.fromDate.toISOString().slice(0, 10),
              to: a.toDate.toISOString().slice(0, 10),
              ...(a.delegate?.active ? { delegate: { officerId: a.delegate.id, chatIdentityId: a.delegate.chatIdentities[0]?.id ?? null } } : {}),
            })),
          }
        : {}),
    })),
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
      : planReminders({
          schedule: task.schedule as Schedule,
          state: { status: task.status as TaskStatus },
          calendar: options.calendar,
          now: options.now,
          policy: policyFor(task, options.policy, options.logger),
          ...planLimits(task.plan),
        });
    occurrencesByTask.set(task.id, new Set(planned.map((r) => r.occurrenceDue)));
    const units = unitOfficers(task);
    const firstByOccurrence = new Map<string, string>();
    for (const r of planned) if (r.audience === 'assignee' && !firstByOccurrence.has(r.occurrenceDue)) firstByOccurrence.set(r.occurrenceDue, r.key);
    for (const r of planned) {
      for (const to of recipientsFor(r, units, firstByOccurrence.get(r.occurrenceDue) === r.key, options.calendar.dateOf(r.at))) {
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
export async function* taskBatches(prisma: PrismaClient, taskIds?: number[], sql: SqlRunner = runnerOf(prisma)): AsyncGenerator<LoadedTask[]> {
  // Every open leaf task, and closed ones that still have pending reminders (to cancel them).
  const filter = taskIds
    ? Prisma.sql`t.id = ANY(${taskIds}::int[])`
    : Prisma.sql`NOT t."isGroup" AND (t.status NOT IN ('DONE', 'CANCELLED') OR EXISTS (SELECT 1 FROM "Reminder" r WHERE r."taskId" = t.id AND r.status = 'PENDING'))`;
  const units = new Map<number, PlanningUnit>();
  const plans = new Map<number, LoadedTask['plan']>();
  let cursor = 0;
  for (;;) {
    const tasks = await sql.rows<{ id: number; planId: number; isGroup: boolean; status: string; schedule: unknown; units: Array<{ unitId: number; role: LoadedTask['units'][number]['role'] }> }>(Prisma.sql`
      -- A "done" waiting for the monitoring unit's confirmation is planned as done: the officer
      -- has answered, so no reminders (a return makes it open again and plans them anew).
      SELECT t.id, t."planId", t."isGroup", CASE WHEN t."confirmationPendingAt" IS NOT NULL THEN 'DONE' ELSE t.status::text END AS status, t.schedule,
             COALESCE((SELECT json_agg(json_build_object('unitId', tu."unitId", 'role', tu.role::text)) FROM "TaskUnit" tu WHERE tu."taskId" = t.id), '[]'::json) AS units
      FROM "Task" t
      WHERE t.id > ${cursor} AND ${filter}
      ORDER BY t.id
      LIMIT ${PLAN_BATCH_SIZE}`);
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
          // An officer linked on Telegram and on Zalo is reminded on the chat linked last, never on both.
          officers: {
            where: { active: true },
            select: {
              id: true, name: true, role: true,
              chatIdentities: { where: { active: true }, orderBy: [{ linkedAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true } },
              // Reminders on an absence's days go to whoever stands in (a few rows per officer a year).
              absences: {
                select: { fromDate: true, toDate: true, delegate: { select: { id: true, active: true, chatIdentities: { where: { active: true }, orderBy: [{ linkedAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true } } } } },
              },
            },
          },
        },
      });
      for (const unit of rows) units.set(unit.id, unit);
    }
    const missingPlans = [...new Set(tasks.map((t) => t.planId))].filter((id) => !plans.has(id));
    if (missingPlans.length) {
      const rows = await prisma.plan.findMany({ where: { id: { in: missingPlans } }, select: { id: true, settings: true, periodTo: true, policy: { where: { unitId: null }, select: { settings: true } } } });
      for (const plan of rows) plans.set(plan.id, { settings: plan.settings, policy: plan.policy, periodTo: plan.periodTo });
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
  const sql = options.sql ?? runnerOf(prisma);
  const result: PlanResult = { tasks: 0, created: 0, rescheduled: 0, cancelled: 0 };
  // Queueing a batch overlaps with planning the next one; at most one batch is in flight.
  let handing: Promise<void> = Promise.resolve();
  let handingError: unknown;
  for await (const tasks of taskBatches(prisma, options.taskIds, sql)) {
    result.tasks += tasks.length;
    const { rows: wanted, occurrencesByTask } = wantedReminders(tasks, options);

    const taskIds = tasks.map((t) => t.id);
    const existing = await sql.rows<{ id: number; deliveryKey: string; taskId: number; plannedAt: Date; occurrenceDue: Date | null; kind: string }>(Prisma.sql`
      SELECT id, "deliveryKey", "taskId", "plannedAt", "occurrenceDue", kind FROM "Reminder"
      WHERE "taskId" = ANY(${taskIds}::int[]) AND status = 'PENDING'`);
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
    if (!toCancel.length && !toReschedule.length) {
      // The usual case: only new rows, one statement, atomic without a transaction.
      if (wanted.length) created = await insertReminders(sql, wanted, now);
      result.created += created.length;
    } else {
      await prisma.$transaction(async (tx) => {
        if (wanted.length) {
          created = await insertReminders(runnerOf(tx), wanted, now);
          result.created += created.length;
        }
        if (toCancel.length) {
          result.cancelled += (await tx.reminder.updateMany({ where: { id: { in: toCancel }, status: 'PENDING' }, data: { status: 'CANCELLED', lastError: 'no longer planned' } })).count;
        }
        if (toReschedule.length) {
          const moves = JSON.stringify(toReschedule.map((r) => ({ id: r.id, p: r.plannedAt.toISOString() })));
          result.rescheduled += await tx.$executeRaw`
            UPDATE "Reminder" r SET "plannedAt" = x.p AT TIME ZONE 'UTC', "updatedAt" = ${now}
            FROM jsonb_to_recordset(${moves}::jsonb) AS x(id int, p timestamptz)
            WHERE r.id = x.id AND r.status = 'PENDING'`;
        }
      });
    }
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
async function insertReminders(sql: SqlRunner, rows: Prisma.ReminderCreateManyInput[], now: Date): Promise<Array<{ id: number; plannedAt: Date }>> {
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
  return sql.rows<{ id: number; plannedAt: Date }>(Prisma.sql`
    INSERT INTO "Reminder" ("deliveryKey", "taskId", "officerId", "chatIdentityId", "occurrenceDue", kind, "plannedAt", "createdAt", "updatedAt")
    SELECT k, t, o, c, d, kd, p AT TIME ZONE 'UTC', ${now}, ${now}
    FROM jsonb_to_recordset(${json}::jsonb) AS x(k text, t int, o int, c int, d date, kd text, p timestamptz)
    ON CONFLICT ("deliveryKey") DO NOTHING
    RETURNING id, "plannedAt"`);
}
