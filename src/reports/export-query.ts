// Reading what a plan's progress report needs: the plan by id or number, and its tasks
// in document order with their units, answers (with officer and evidence) and approved
// extensions. One statement for the tasks, whatever the plan's size, through the SQL
// seam (a Prisma client or the plain pg runner).
import { Prisma } from '../generated/prisma/client.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import type { UnitScope } from '../access/permissions.ts';
import { scopeSql } from '../tasks/queries.ts';
import type { Db } from '../tasks/actor.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { ExportTask } from './export-model.ts';
import type { HistoryExtension, HistoryReport, TaskHistory } from './status-at.ts';

export interface PlanRef {
  id: number;
  number: string | null;
  title: string;
  issuedOn: IsoDate | null;
  periodFrom: IsoDate | null;
  periodTo: IsoDate | null;
}

/**
 * The plans a reference names: the plan numbered exactly so ("336/KH-UBND", any case), else
 * the plan with that id, else plans whose number starts "<ref>/" ("336"). Several when the
 * reference is ambiguous (numbers restart each year); the caller asks for an id then.
 */
export async function findPlans(db: Db | SqlRunner, ref: string): Promise<PlanRef[]> {
  const sql = runnerOf(db);
  const text = ref.trim();
  const columns = Prisma.sql`p.id, p.number, p.title, to_char(p."issuedOn", 'YYYY-MM-DD') AS "issuedOn",
    to_char(p."periodFrom", 'YYYY-MM-DD') AS "periodFrom", to_char(p."periodTo", 'YYYY-MM-DD') AS "periodTo"`;
  const order = Prisma.sql`ORDER BY p."issuedOn" DESC NULLS LAST, p.id DESC`;
  const exact = await sql.rows<PlanRef>(Prisma.sql`SELECT ${columns} FROM "Plan" p WHERE lower(p.number) = lower(${text}) ${order}`);
  if (exact.length) return exact;
  if (/^\d{1,9}$/.test(text)) {
    const byId = await sql.rows<PlanRef>(Prisma.sql`SELECT ${columns} FROM "Plan" p WHERE p.id = ${Number(text)}::int`);
    if (byId.length) return byId;
  }
  return sql.rows<PlanRef>(Prisma.sql`
    SELECT ${columns} FROM "Plan" p WHERE left(lower(p.number), ${text.length + 1}::int) = lower(${text}) || '/' ${order}`);
}

const PLAN_COLUMNS = Prisma.sql`p.id, p.number, p.title, to_char(p."issuedOn", 'YYYY-MM-DD') AS "issuedOn",
    to_char(p."periodFrom", 'YYYY-MM-DD') AS "periodFrom", to_char(p."periodTo", 'YYYY-MM-DD') AS "periodTo"`;

/** SQL condition "plan p has a task (not a group) on which a unit of the scope has a role". */
function planInScopeSql(scope: UnitScope): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Task" t WHERE t."planId" = p.id AND NOT t."isGroup" AND ${scopeSql(scope)})`;
}

/** The plans with a task in the scope, newest first: a leader's plans (take one more than shown to know there are more). */
export async function plansInScope(db: Db | SqlRunner, scope: UnitScope, take: number): Promise<PlanRef[]> {
  return runnerOf(db).rows<PlanRef>(Prisma.sql`
    SELECT ${PLAN_COLUMNS} FROM "Plan" p WHERE ${planInScopeSql(scope)}
    ORDER BY p."issuedOn" DESC NULLS LAST, p.id DESC LIMIT ${take}::int`);
}

/** The plan with this id if it has a task in the scope. */
export async function planInScope(db: Db | SqlRunner, scope: UnitScope, planId: number): Promise<PlanRef | undefined> {
  const rows = await runnerOf(db).rows<PlanRef>(Prisma.sql`SELECT ${PLAN_COLUMNS} FROM "Plan" p WHERE p.id = ${planId}::int AND ${planInScopeSql(scope)}`);
  return rows[0];
}

export type ExportTaskRow = Omit<ExportTask, 'state'> & { history: TaskHistory };

interface Row {
  id: number;
  parentId: number | null;
  isGroup: boolean;
  code: string;
  title: string;
  target: string | null;
  actions: string | null;
  deadlineRaw: string | null;
  status: TaskHistory['status'];
  completedAt: string | null;
  due: IsoDate | null;
  scheduleKind: string | null;
  confirmationPendingAt: string | null;
  units: ExportTask['units'];
  reports: Array<Omit<HistoryReport, 'at' | 'evidence'> & { at: string; evidence: Array<Omit<HistoryReport['evidence'][number], 'at'> & { at: string }> }>;
  extensions: Array<Omit<HistoryExtension, 'decidedAt'> & { decidedAt: string | null }>;
}

// Timestamps are stored in UTC without a zone (Prisma's DateTime): written out with the "Z".
const utc = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The plan's tasks and groups in document order; with `unitId`, the tasks on which that unit
 * has a role; with `scope`, the tasks on which a unit of the scope has a role (and every group
 * either way: the model drops the empty ones). Answers and evidence after `until` are left
 * out, as nothing after the status date counts.
 */
export async function exportTaskRows(db: Db | SqlRunner, planId: number, options: { unitId?: number; scope?: UnitScope; until: Date }): Promise<ExportTaskRow[]> {
  const sql = runnerOf(db);
  const unitFilter = options.unitId === undefined
    ? Prisma.sql`TRUE`
    : Prisma.sql`(t."isGroup" OR EXISTS (SELECT 1 FROM "TaskUnit" su WHERE su."taskId" = t.id AND su."unitId" = ${options.unitId}::int))`;
  const scopeFilter = options.scope === undefined || options.scope === 'all' ? Prisma.sql`TRUE` : Prisma.sql`(t."isGroup" OR ${scopeSql(options.scope)})`;
  const rows = await sql.rows<Row>(Prisma.sql`
    SELECT t.id, t."parentId", t."isGroup", t.code, t.title, t.target, t.actions, t."deadlineRaw", t.status::text AS status,
      ${utc(Prisma.sql`t."completedAt"`)} AS "completedAt", to_char(t.due, 'YYYY-MM-DD') AS due, t.schedule->>'kind' AS "scheduleKind",
      ${utc(Prisma.sql`t."confirmationPendingAt"`)} AS "confirmationPendingAt",
      (SELECT COALESCE(json_agg(json_build_object('name', u.name, 'role', tu.role) ORDER BY tu.role, u.name), '[]')
         FROM "TaskUnit" tu JOIN "Unit" u ON u.id = tu."unitId" WHERE tu."taskId" = t.id) AS units,
      (SELECT COALESCE(json_agg(json_build_object(
           'at', ${utc(Prisma.sql`sr."createdAt"`)}, 'status', sr.status, 'progress', sr.progress, 'note', sr.note, 'officerName', o.name,
           'evidence', (SELECT COALESCE(json_agg(json_build_object('at', ${utc(Prisma.sql`e."createdAt"`)}, 'kind', e.kind, 'reference', e.reference, 'fileName', e."fileName") ORDER BY e.id), '[]')
                          FROM "Evidence" e WHERE e."reportId" = sr.id AND e."createdAt" < ${options.until}::timestamp(3))
         ) ORDER BY sr."createdAt", sr.id), '[]')
         FROM "StatusReport" sr JOIN "Officer" o ON o.id = sr."officerId"
         WHERE sr."taskId" = t.id AND sr."createdAt" < ${options.until}::timestamp(3)) AS reports,
      (SELECT COALESCE(json_agg(json_build_object('status', x.status, 'decidedAt', ${utc(Prisma.sql`x."decidedAt"`)},
           'currentDue', to_char(x."currentDue", 'YYYY-MM-DD'), 'proposedDue', to_char(x."proposedDue", 'YYYY-MM-DD')) ORDER BY x."decidedAt", x.id), '[]')
         FROM "ExtensionRequest" x WHERE x."taskId" = t.id AND x.status = 'APPROVED') AS extensions
    FROM "Task" t
    WHERE t."planId" = ${planId}::int AND ${unitFilter} AND ${scopeFilter}
    ORDER BY t.ordinal, t.id`);
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    isGroup: r.isGroup,
    code: r.code,
    title: r.title,
    target: r.target,
    actions: r.actions,
    deadlineRaw: r.deadlineRaw,
    units: r.units,
    scheduleKind: r.scheduleKind,
    history: {
      status: r.status,
      completedAt: r.completedAt ? new Date(r.completedAt) : null,
      due: r.due,
      recurring: r.scheduleKind === 'recurring' || r.scheduleKind === 'ongoing',
      confirmationPendingAt: r.confirmationPendingAt ? new Date(r.confirmationPendingAt) : null,
      reports: r.reports.map((x) => ({ ...x, at: new Date(x.at), evidence: x.evidence.map((e) => ({ ...e, at: new Date(e.at) })) })),
      // Every approved extension, also those decided after the date: they tell the deadline before them.
      extensions: r.extensions.map((x) => ({ ...x, decidedAt: x.decidedAt ? new Date(x.decidedAt) : null })),
    },
  }));
}
