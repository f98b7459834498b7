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
export const PLAN_BATCH_SIZE = 500;

export interface PlanOptions {
  prisma: PrismaClient;
  calendar: WorkingCalendar;
  now: Date;
  policy: ReminderPolicy;
  logger?: Logger;
  /** Only these tasks; default every task that is open or still has pending reminders. */
  taskIds?: number[];
}

export interface PlanResult {
  tasks: number;
  created: number;
  rescheduled: number;
  cancelled: number;
}

const taskInclude = {
  plan: { select: { settings: true, policy: { where: { unitId: null } } } },
  units: {
    include: {
      unit: {
        include: {
          policy: { where: { planId: null } },
          officers: {
            where: { active: true },
            include: { chatIdentities: { where: { active: true, channel: 'TELEGRAM' }, orderBy: { id: 'asc' }, take: 1 } },
          },
        },
      },
    },
  },
} satisfies Prisma.TaskInclude;

export type LoadedTask = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

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

/** Open tasks (or the given ones) in id order, a batch at a time, with what planning needs. */
export async function* taskBatches(prisma: PrismaClient, taskIds?: number[]): AsyncGenerator<LoadedTask[]> {
  const where: Prisma.TaskWhereInput = taskIds
    ? {}
    : { isGroup: false, OR: [{ status: { notIn: ['DONE', 'CANCELLED'] } }, { reminders: { some: { status: 'PENDING' } } }] };
  let cursor = 0;
  for (;;) {
    const tasks = await prisma.task.findMany({ where: { ...where, id: { gt: cursor, ...(taskIds ? { in: taskIds } : {}) } }, include: taskInclude, orderBy: { id: 'asc' }, take: PLAN_BATCH_SIZE });
    if (!tasks.length) return;
    cursor = tasks.at(-1)!.id;
    yield tasks;
  }
}

export async function planTaskReminders(options: PlanOptions): Promise<PlanResult> {
  const { prisma, now } = options;
  const result: PlanResult = { tasks: 0, created: 0, rescheduled: 0, cancelled: 0 };
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

    await prisma.$transaction(async (tx) => {
      if (wanted.length) result.created += (await tx.reminder.createMany({ data: wanted, skipDuplicates: true })).count;
      if (toCancel.length) {
        result.cancelled += (await tx.reminder.updateMany({ where: { id: { in: toCancel }, status: 'PENDING' }, data: { status: 'CANCELLED', lastError: 'no longer planned' } })).count;
      }
      for (const r of toReschedule) {
        result.rescheduled += (await tx.reminder.updateMany({ where: { id: r.id, status: 'PENDING' }, data: { plannedAt: r.plannedAt } })).count;
      }
    });
  }
  return result;
}
