// Reading tasks for the conversation: an officer's open tasks by urgency, a leader's
// overdue tasks, tasks by code, and counts by unit and tracking status.
import { Prisma, type Task } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { roleOnTask, type UnitScope } from '../access/permissions.ts';
import { effectiveInternalDue, type ChainLink } from '../access/pass-down-rules.ts';
import { appendixOfPath, emptyCounts, type ReportRow, type TaskView } from '../status/task-view.ts';
import type { Db } from './actor.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import { dbDateOf, isoOfDbDate, trackingStatus } from '../status/tracking-status.ts';
import { addToTally, emptyTally, officerOfTask, tallyBy, type Tally } from '../status/statistics.ts';

export const taskViewInclude = {
  plan: { select: { title: true, number: true } },
  units: { include: { unit: { select: { name: true } } } },
  reports: { where: { note: { not: null }, status: { not: 'SNOOZED' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { note: true } },
} satisfies Prisma.TaskInclude;

/** The task's latest explanation request, as TASK_VIEW_COLUMNS reads it (dueOn as YYYY-MM-DD). */
export interface ExplanationRow {
  id: number;
  requesterId: number;
  by: string;
  dueOn: string;
  answer: string | null;
}

/** One active link of the task's chain (passed down, giao tiếp), with the names a card shows. */
export interface ChainRow extends ChainLink {
  fromUnitName: string;
  toUnitName: string;
  toOfficerName: string | null;
}

export type TaskWithView = Prisma.TaskGetPayload<{ include: typeof taskViewInclude }> & { explanation?: ExplanationRow | null; chain?: ChainRow[] | null };

/** The units that hold a task for seeing and answering it: those the plan names, and those it was passed down to. */
export function unitsHolding(task: Pick<TaskWithView, 'units' | 'chain'>): Array<{ unitId: number }> {
  return [...task.units, ...(task.chain ?? []).map((l) => ({ unitId: l.toUnitId }))];
}

// The same view as taskViewInclude in one hand-written statement (the query builder would
// spend several ms of CPU and send a query per relation). Rows have the TaskWithView shape.
export const TASK_VIEW_COLUMNS = Prisma.sql`
  t.*,
  json_build_object('title', p.title, 'number', p.number) AS plan,
  (SELECT COALESCE(json_agg(json_build_object('taskId', tu."taskId", 'unitId', tu."unitId", 'role', tu.role, 'inherited', tu.inherited, 'unit', json_build_object('name', un.name))), '[]')
     FROM "TaskUnit" tu JOIN "Unit" un ON un.id = tu."unitId" WHERE tu."taskId" = t.id) AS units,
  (SELECT COALESCE(json_agg(json_build_object('note', lr.note)), '[]')
     FROM (SELECT sr.note FROM "StatusReport" sr
           WHERE sr."taskId" = t.id AND sr.note IS NOT NULL AND sr.status <> 'SNOOZED'
           ORDER BY sr."createdAt" DESC, sr.id DESC LIMIT 1) lr) AS reports,
  (SELECT json_build_object('id', e.id, 'requesterId', e."requesterId", 'by', eo.name, 'dueOn', e."dueOn", 'answer', e.answer)
     FROM "ExplanationRequest" e JOIN "Officer" eo ON eo.id = e."requesterId"
     WHERE e."taskId" = t.id ORDER BY e.id DESC LIMIT 1) AS explanation,
  (SELECT json_agg(json_build_object('id', a.id, 'fromOfficerId', a."fromOfficerId", 'fromUnitId', a."fromUnitId", 'toUnitId', a."toUnitId",
          'toOfficerId', a."toOfficerId", 'internalDue', a."internalDue", 'fromUnitName', fu.name, 'toUnitName', tu2.name, 'toOfficerName', ao.name) ORDER BY a.id)
     FROM "TaskAssignment" a JOIN "Unit" fu ON fu.id = a."fromUnitId" JOIN "Unit" tu2 ON tu2.id = a."toUnitId" LEFT JOIN "Officer" ao ON ao.id = a."toOfficerId"
     WHERE a."taskId" = t.id AND a."revokedAt" IS NULL) AS chain`;

/**
 * The version of a task row as read (PostgreSQL's xmin, the transaction that wrote it): an answer
 * is written only if the row is still that version, so answers need no lock held across round trips.
 */
export const TASK_VERSION_COLUMN = Prisma.sql`t.xmin::text AS "rowVersion"`;

/** A task's view as read, with the row version it was read at. */
export interface SeenTask {
  view: TaskWithView;
  version: string;
}

export function seenOf(row: TaskWithView & { rowVersion: string }): SeenTask {
  const { rowVersion, ...view } = row;
  return { view, version: rowVersion };
}

/** SQL condition "a unit of the scope has a role on task t, or holds it passed down" (true for 'all'). */
export function scopeSql(scope: UnitScope): Prisma.Sql {
  if (scope === 'all') return Prisma.sql`TRUE`;
  return unitsHaveTaskSql(Prisma.sql`${[...scope]}::int[]`);
}

/** "A unit of the array has a role on task t, or holds it passed down"; the array is an SQL expression. */
export function unitsHaveTaskSql(unitIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM "TaskUnit" su WHERE su."taskId" = t.id AND su."unitId" = ANY(${unitIds}))
    OR EXISTS (SELECT 1 FROM "TaskAssignment" sa WHERE sa."taskId" = t.id AND sa."revokedAt" IS NULL AND sa."toUnitId" = ANY(${unitIds})))`;
}

/** One task with its view, if a unit of the scope has a role on it. */
export async function taskViewInScope(db: Db, scope: UnitScope, taskId: number): Promise<TaskWithView | undefined> {
  const rows = await db.$queryRaw<TaskWithView[]>`
    SELECT ${TASK_VIEW_COLUMNS} FROM "Task" t JOIN "Plan" p ON p.id = t."planId"
    WHERE t.id = ${taskId} AND ${scopeSql(scope)}`;
  return rows[0];
}

export function toTaskView(task: TaskWithView, scope: UnitScope, ownUnitId: number | undefined, dateOf: (d: Date) => IsoDate): TaskView {
  const role = roleOnTask(scope, task.units, ownUnitId);
  return {
    id: task.id,
    code: task.code,
    ...(appendixOfPath(task.path) ? { appendix: appendixOfPath(task.path)! } : {}),
    title: task.title,
    target: task.target,
    deadlineRaw: task.deadlineRaw,
    status: task.status,
    progress: task.progress,
    planTitle: task.plan.title,
    planNumber: task.plan.number,
    ...(task.due ? { due: isoOfDbDate(task.due) } : {}),
    ...(task.completedAt ? { completedOn: dateOf(task.completedAt) } : {}),
    ...(task.confirmationPendingAt ? { awaitingConfirmation: true } : {}),
    ...(role ? { role } : {}),
    units: task.units.map((u) => ({ name: u.unit.name, role: u.role })),
    ...(task.reports[0]?.note ? { lastNote: task.reports[0].note } : {}),
    ...(task.chain?.length ? { chain: chainView(task.chain, task.due ? isoOfDbDate(task.due) : undefined) } : {}),
    ...(task.explanation ? { explanation: { by: task.explanation.by, dueOn: task.explanation.dueOn as IsoDate, ...(task.explanation.answer ? { answer: task.explanation.answer } : {}) } } : {}),
  };
}

/** The chain as a card shows it: "Sở X → Phòng Y → Nguyễn Văn A", and the internal deadline in force. */
function chainView(chain: ChainRow[], taskDue: IsoDate | undefined): NonNullable<TaskView['chain']> {
  const path = [chain[0]!.fromUnitName, ...chain.map((l) => l.toOfficerName ?? l.toUnitName)];
  const internalDue = effectiveInternalDue(chain, taskDue);
  return { path, ...(internalDue ? { internalDue } : {}) };
}

const OPEN_SQL = Prisma.sql`t.status NOT IN ('DONE', 'CANCELLED') AND NOT t."isGroup"`;
const BY_URGENCY_SQL = Prisma.sql`t.due ASC NULLS LAST, t."planId" ASC, t.ordinal ASC, t.id ASC`;

/**
 * A page of the tasks matching a condition, most urgent first, with the total; a skip past the end
 * is moved to the last page. One statement when the page exists (the total counted beside the
 * page's ids): /tasks runs on every press of a list button.
 */
async function taskPage(db: Db | SqlRunner, where: Prisma.Sql, page: { skip: number; take: number }) {
  const sql = runnerOf(db);
  if (page.take > 0) {
    const rows = await sql.rows<TaskWithView & { pageTotal: number }>(Prisma.sql`
      WITH page AS (SELECT t.id, count(*) OVER ()::int AS total FROM "Task" t WHERE ${where} ORDER BY ${BY_URGENCY_SQL} OFFSET ${Math.max(0, page.skip)} LIMIT ${page.take})
      SELECT ${TASK_VIEW_COLUMNS}, page.total AS "pageTotal" FROM page JOIN "Task" t ON t.id = page.id JOIN "Plan" p ON p.id = t."planId"
      ORDER BY ${BY_URGENCY_SQL}`);
    if (rows.length > 0) {
      const total = rows[0]!.pageTotal;
      return { total, skip: Math.max(0, page.skip), tasks: rows.map(({ pageTotal: _, ...task }) => task as TaskWithView) };
    }
    if (page.skip <= 0) return { total: 0, skip: 0, tasks: [] as TaskWithView[] };
  }
  const [counted] = await sql.rows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM "Task" t WHERE ${where}`);
  const total = counted?.total ?? 0;
  if (total === 0 || page.take <= 0) return { total, skip: 0, tasks: [] as TaskWithView[] };
  const skip = Math.min(Math.max(0, page.skip), Math.floor((total - 1) / page.take) * page.take);
  const tasks = await sql.rows<TaskWithView>(Prisma.sql`
    SELECT ${TASK_VIEW_COLUMNS} FROM "Task" t JOIN "Plan" p ON p.id = t."planId"
    WHERE ${where} ORDER BY ${BY_URGENCY_SQL} OFFSET ${skip} LIMIT ${page.take}`);
  return { total, skip, tasks };
}

/** Open tasks in a scope, most urgent first. */
export async function openTasks(db: Db | SqlRunner, scope: UnitScope, page: { skip: number; take: number }) {
  return taskPage(db, Prisma.sql`${OPEN_SQL} AND ${scopeSql(scope)}`, page);
}

/** Open tasks in a scope whose due date is before today. */
export async function overdueTasks(db: Db | SqlRunner, scope: UnitScope, today: IsoDate, page: { skip: number; take: number }) {
  return taskPage(db, Prisma.sql`${OPEN_SQL} AND ${scopeSql(scope)} AND t.due < ${today}::date`, page);
}

export interface TaskByCode {
  id: number;
  code: string;
  path: string;
  status: Task['status'];
  plan: { title: string; number: string | null };
}

/** Tasks in a scope with a code ("1.2", case-insensitive), open ones first; several plans may use the same code. */
/** "PL2 1.2", "PL2·1.2", "pl2/1.2" → the appendix and the code; a plain code as it is. */
export function splitTypedCode(typed: string): { appendix?: string; code: string } {
  const m = /^(pl\s?\d{1,2})\s*[·/\s]\s*(\S+)$/i.exec(typed.trim());
  return m ? { appendix: m[1]!.replace(/\s/g, '').toUpperCase(), code: m[2]! } : { code: typed.trim() };
}

/** The code a command's argument starts with: "1.2", or "PL2 1.2" with its appendix. */
export function leadingCode(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2 && /^pl\d{1,2}$/i.test(words[0]!)) return `${words[0]} ${words[1]}`;
  return words[0] ?? '';
}

export async function tasksByCode(db: Db, scope: UnitScope, typed: string, take = 8): Promise<TaskByCode[]> {
  const { appendix, code } = splitTypedCode(typed);
  const inAppendix = appendix ? Prisma.sql`AND t.path LIKE ${`${appendix}/%`}` : Prisma.empty;
  return db.$queryRaw<TaskByCode[]>`
    SELECT t.id, t.code, t.path, t.status::text AS status, json_build_object('title', p.title, 'number', p.number) AS plan
    FROM "Task" t JOIN "Plan" p ON p.id = t."planId"
    WHERE lower(t.code) = lower(${code}) ${inAppendix} AND t.status <> 'CANCELLED' AND ${scopeSql(scope)}
    ORDER BY t.status ASC, ${BY_URGENCY_SQL}
    LIMIT ${take}`;
}

/**
 * The views of the tasks in a scope with a code, open ones first, as tasksByCode orders them:
 * a text reply ("1.2 50%") resolves its task and reads what the answer needs in one statement.
 */
export async function taskViewsByCode(db: Db | SqlRunner, scope: UnitScope, typed: string, take = 8): Promise<SeenTask[]> {
  const rows = await runnerOf(db).rows<TaskWithView & { rowVersion: string }>(taskViewsByCodeSql(scopeSql(scope), typed, take));
  return rows.map(seenOf);
}

/** The statement of taskViewsByCode with its scope as an SQL condition on t (another statement may inline it). */
export function taskViewsByCodeSql(inScope: Prisma.Sql, typed: string, take = 8): Prisma.Sql {
  const { appendix, code } = splitTypedCode(typed);
  const inAppendix = appendix ? Prisma.sql`AND t.path LIKE ${`${appendix}/%`}` : Prisma.empty;
  return Prisma.sql`
    SELECT ${TASK_VIEW_COLUMNS}, ${TASK_VERSION_COLUMN} FROM "Task" t JOIN "Plan" p ON p.id = t."planId"
    WHERE lower(t.code) = lower(${code}) ${inAppendix} AND t.status <> 'CANCELLED' AND ${inScope}
    ORDER BY t.status ASC, ${BY_URGENCY_SQL}
    LIMIT ${take}`;
}

/** One task's view with its row version, whoever may see it (the answer checks the scope). */
export function taskViewByIdSql(taskId: number): Prisma.Sql {
  return Prisma.sql`SELECT ${TASK_VIEW_COLUMNS}, ${TASK_VERSION_COLUMN} FROM "Task" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = ${taskId}`;
}

export async function taskInScope(db: Db, scope: UnitScope, taskId: number) {
  return taskViewInScope(db, scope, taskId);
}

/** Counts of one officer's tasks (the officer who answered last), in the official buckets. */
export interface OfficerReportRow {
  officerName: string;
  tally: Tally;
}

/** Most officers listed in /report; the rest are left out (the export has them all). */
export const REPORT_MAX_OFFICERS = 20;

/**
 * Counts by unit and tracking status of the tasks due in [from, to], plus earlier tasks
 * still open (carried over, overdue). A task is counted under each unit of the list that has a role on it.
 * Also the official buckets (statistics.ts) per unit and per officer (who answered last).
 */
export async function reportData(db: Db, unitIds: number[], range: { from: IsoDate; to: IsoDate }, today: IsoDate, dateOf: (d: Date) => IsoDate): Promise<{ rows: ReportRow[]; officers: OfficerReportRow[]; total: Tally }> {
  if (!unitIds.length) return { rows: [], officers: [], total: emptyTally() };
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
    select: {
      status: true, due: true, completedAt: true, schedule: true, confirmationPendingAt: true, units: { select: { unitId: true } },
      reports: { where: { status: { in: ['DONE', 'IN_PROGRESS', 'BLOCKED'] } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { officer: { select: { name: true } } } },
    },
  });
  const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const rows = new Map(units.map((u) => [u.id, { unitName: u.name, counts: emptyCounts(), tally: emptyTally() }]));
  const counted = [];
  // Each task once, whatever number of units it has (the rows count it under each).
  const total = emptyTally();
  for (const task of tasks) {
    const tracked = {
      status: task.status,
      ...(task.due ? { due: isoOfDbDate(task.due) } : {}),
      ...(task.completedAt ? { completedOn: dateOf(task.completedAt) } : {}),
      scheduleKind: (task.schedule as { kind?: string } | null)?.kind ?? null,
      awaitingConfirmation: task.confirmationPendingAt !== null,
    };
    const status = trackingStatus(tracked, today);
    if (!status) continue;
    counted.push({ ...tracked, officer: task.reports[0]?.officer.name });
    addToTally(total, tracked, today);
    for (const unitId of new Set(task.units.map((u) => u.unitId))) {
      const row = rows.get(unitId);
      if (!row) continue;
      row.counts[status]++;
      addToTally(row.tally, tracked, today);
    }
  }
  const byOfficer = tallyBy(counted.filter((c) => c.officer), (c) => [officerOfTask({ lastAnswerBy: c.officer })!], today);
  const officers = [...byOfficer].map(([officerName, tally]) => ({ officerName, tally }))
    .sort((a, b) => a.officerName.localeCompare(b.officerName, 'vi'))
    .slice(0, REPORT_MAX_OFFICERS);
  return { rows: [...rows.values()].filter((r) => Object.values(r.counts).some((n) => n > 0)), officers, total };
}

export async function reportRows(db: Db, unitIds: number[], range: { from: IsoDate; to: IsoDate }, today: IsoDate, dateOf: (d: Date) => IsoDate): Promise<ReportRow[]> {
  return (await reportData(db, unitIds, range, today, dateOf)).rows;
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
