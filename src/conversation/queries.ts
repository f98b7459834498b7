// Reading tasks for the conversation: an officer's open tasks by urgency, a leader's
// overdue tasks, tasks by code, and counts by unit and tracking status.
import type { Prisma } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { roleOnTask, type UnitScope } from './permissions.ts';
import { emptyCounts, type ReportRow, type TaskView } from './render.ts';
import { taskScopeWhere, type Db } from './scope.ts';
import { dbDateOf, isoOfDbDate, trackingStatus } from './tracking-status.ts';

const OPEN: Prisma.TaskWhereInput = { status: { notIn: ['DONE', 'CANCELLED'] }, isGroup: false };

export const taskViewInclude = {
  plan: { select: { title: true, number: true } },
  units: { include: { unit: { select: { name: true } } } },
  reports: { where: { note: { not: null }, status: { not: 'SNOOZED' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { note: true } },
} satisfies Prisma.TaskInclude;

export type TaskWithView = Prisma.TaskGetPayload<{ include: typeof taskViewInclude }>;

export function toTaskView(task: TaskWithView, scope: UnitScope, ownUnitId: number | undefined, dateOf: (d: Date) => IsoDate): TaskView {
  const role = roleOnTask(scope, task.units, ownUnitId);
  return {
    id: task.id,
    code: task.code,
    title: task.title,
    target: task.target,
    deadlineRaw: task.deadlineRaw,
    status: task.status,
    progress: task.progress,
    planTitle: task.plan.title,
    planNumber: task.plan.number,
    ...(task.due ? { due: isoOfDbDate(task.due) } : {}),
    ...(task.completedAt ? { completedOn: dateOf(task.completedAt) } : {}),
    ...(role ? { role } : {}),
    units: task.units.map((u) => ({ name: u.unit.name, role: u.role })),
    ...(task.reports[0]?.note ? { lastNote: task.reports[0].note } : {}),
  };
}

const BY_URGENCY: Prisma.TaskOrderByWithRelationInput[] = [{ due: { sort: 'asc', nulls: 'last' } }, { planId: 'asc' }, { ordinal: 'asc' }];

/** Open tasks in a scope, most urgent first. */
export async function openTasks(db: Db, scope: UnitScope, page: { skip: number; take: number }) {
  const where: Prisma.TaskWhereInput = { ...OPEN, ...taskScopeWhere(scope) };
  const [total, tasks] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({ where, include: taskViewInclude, orderBy: BY_URGENCY, skip: page.skip, take: page.take }),
  ]);
  return { total, tasks };
}

/** Open tasks in a scope whose due date is before today. */
export async function overdueTasks(db: Db, scope: UnitScope, today: IsoDate, page: { skip: number; take: number }) {
  const where: Prisma.TaskWhereInput = { ...OPEN, ...taskScopeWhere(scope), due: { lt: dbDateOf(today) } };
  const [total, tasks] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({ where, include: taskViewInclude, orderBy: BY_URGENCY, skip: page.skip, take: page.take }),
  ]);
  return { total, tasks };
}

/** Tasks in a scope with a code ("1.2"), open ones first; several plans may use the same code. */
export async function tasksByCode(db: Db, scope: UnitScope, code: string, take = 8) {
  return db.task.findMany({
    where: { ...taskScopeWhere(scope), code: { equals: code, mode: 'insensitive' }, status: { not: 'CANCELLED' } },
    include: { plan: { select: { title: true, number: true } } },
    orderBy: [{ status: 'asc' }, ...BY_URGENCY],
    take,
  });
}

export async function taskInScope(db: Db, scope: UnitScope, taskId: number) {
  return db.task.findFirst({ where: { id: taskId, ...taskScopeWhere(scope) }, include: taskViewInclude });
}

/**
 * Counts by unit and tracking status of the tasks due in [from, to], plus earlier tasks
 * still open (carried over, overdue). A task is counted under each unit of the list that has a role on it.
 */
export async function reportRows(db: Db, unitIds: number[], range: { from: IsoDate; to: IsoDate }, today: IsoDate, dateOf: (d: Date) => IsoDate): Promise<ReportRow[]> {
  if (!unitIds.length) return [];
  const tasks = await db.task.findMany({
    where: {
      isGroup: false,
      status: { not: 'CANCELLED' },
      units: { some: { unitId: { in: unitIds } } },
      OR: [
        { due: { gte: dbDateOf(range.from), lte: dbDateOf(range.to) } },
        { due: { lt: dbDateOf(range.from) }, status: { notIn: ['DONE', 'CANCELLED'] } },
      ],
    },
    select: { status: true, due: true, completedAt: true, units: { select: { unitId: true } } },
  });
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const rows = new Map(units.map((u) => [u.id, { unitName: u.name, counts: emptyCounts() }]));
  for (const task of tasks) {
    const status = trackingStatus(
      { status: task.status, ...(task.due ? { due: isoOfDbDate(task.due) } : {}), ...(task.completedAt ? { completedOn: dateOf(task.completedAt) } : {}) },
      today,
    );
    if (!status) continue;
    for (const unitId of new Set(task.units.map((u) => u.unitId))) {
      const row = rows.get(unitId);
      if (row) row.counts[status]++;
    }
  }
  return [...rows.values()].filter((r) => Object.values(r.counts).some((n) => n > 0));
}

/** Monday..Sunday of today's week, or the calendar quarter of today. */
export function reportRange(today: IsoDate, period: 'week' | 'quarter'): { from: IsoDate; to: IsoDate } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (period === 'quarter') {
    const q = Math.floor((m - 1) / 3);
    const from = new Date(Date.UTC(y, q * 3, 1));
    const to = new Date(Date.UTC(y, q * 3 + 3, 0));
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
  const monday = new Date(date.getTime() - (isoWeekday - 1) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}
