// How many tasks of some units were overdue at the end of each of the last weeks, rebuilt from
// the history (answers and approved extensions) with the same taskStateAt the export uses:
// the data of the overdue-trend chart. The counting is pure; the query reads only what it needs.
import { Prisma } from '../generated/prisma/client.ts';
import { addDaysIso } from '../calendar/civil-date.ts';
import type { Db } from '../tasks/actor.ts';
import { formatDmy } from '../status/tracking-status.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { taskStateAt, type TaskHistory } from './status-at.ts';

/** Weeks the trend shows, this one included. */
export const TREND_WEEKS = 8;

/** The dates counted, oldest first: today and the same weekday of each earlier week. */
export function trendDates(today: IsoDate, weeks = TREND_WEEKS): IsoDate[] {
  return Array.from({ length: weeks }, (_, i) => addDaysIso(today, -7 * (weeks - 1 - i)));
}

/** Overdue tasks at the end of each date ("29/11" labels); `startOfDay` gives a date's first instant. */
export function overdueByDate(tasks: TaskHistory[], dates: IsoDate[], calendar: { startOfDay(date: IsoDate): Date; dateOf(instant: Date): IsoDate }): Array<{ label: string; value: number }> {
  return dates.map((date) => {
    const at = { date, cutoff: calendar.startOfDay(addDaysIso(date, 1)) };
    const value = tasks.filter((task) => taskStateAt(task, at, (d) => calendar.dateOf(d)).status === 'open-overdue').length;
    return { label: formatDmy(date).slice(0, 5), value };
  });
}

interface Row {
  status: TaskHistory['status'];
  completedAt: string | null;
  due: IsoDate | null;
  scheduleKind: string | null;
  confirmationPendingAt: string | null;
  reports: Array<{ at: string; status: TaskHistory['reports'][number]['status'] }>;
  extensions: Array<{ decidedAt: string | null; currentDue: IsoDate | null; proposedDue: IsoDate }>;
}

const utc = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The histories of the tasks of these units that could have been overdue by `before` (a due date
 * before it, or an approved extension that moved one): status answers only, no notes or evidence.
 */
export async function overdueHistories(db: Db | SqlRunner, unitIds: number[], before: IsoDate, until: Date): Promise<TaskHistory[]> {
  if (!unitIds.length) return [];
  const approved = Prisma.sql`SELECT 1 FROM "ExtensionRequest" x WHERE x."taskId" = t.id AND x.status = 'APPROVED'`;
  const rows = await runnerOf(db).rows<Row>(Prisma.sql`
    SELECT t.status::text AS status, ${utc(Prisma.sql`t."completedAt"`)} AS "completedAt", to_char(t.due, 'YYYY-MM-DD') AS due, t.schedule->>'kind' AS "scheduleKind",
      ${utc(Prisma.sql`t."confirmationPendingAt"`)} AS "confirmationPendingAt",
      (SELECT COALESCE(json_agg(json_build_object('at', ${utc(Prisma.sql`sr."createdAt"`)}, 'status', sr.status) ORDER BY sr."createdAt", sr.id), '[]')
         FROM "StatusReport" sr WHERE sr."taskId" = t.id AND sr."createdAt" < ${until}::timestamp(3) AND sr.status IN ('DONE', 'IN_PROGRESS', 'BLOCKED', 'RETURNED')) AS reports,
      (SELECT COALESCE(json_agg(json_build_object('decidedAt', ${utc(Prisma.sql`x."decidedAt"`)}, 'currentDue', to_char(x."currentDue", 'YYYY-MM-DD'),
           'proposedDue', to_char(x."proposedDue", 'YYYY-MM-DD')) ORDER BY x."decidedAt", x.id), '[]')
         FROM "ExtensionRequest" x WHERE x."taskId" = t.id AND x.status = 'APPROVED') AS extensions
    FROM "Task" t
    WHERE NOT t."isGroup" AND t.status <> 'CANCELLED'
      AND EXISTS (SELECT 1 FROM "TaskUnit" su WHERE su."taskId" = t.id AND su."unitId" = ANY(${unitIds}::int[]))
      AND ((t.due IS NOT NULL AND t.due < ${before}::date) OR EXISTS (${approved}))`);
  return rows.map((r) => ({
    status: r.status,
    completedAt: r.completedAt ? new Date(r.completedAt) : null,
    due: r.due,
    recurring: r.scheduleKind === 'recurring' || r.scheduleKind === 'ongoing',
    confirmationPendingAt: r.confirmationPendingAt ? new Date(r.confirmationPendingAt) : null,
    reports: r.reports.map((x) => ({ at: new Date(x.at), status: x.status, progress: null, note: null, officerName: '', evidence: [] })),
    extensions: r.extensions.map((x) => ({ status: 'APPROVED' as const, decidedAt: x.decidedAt ? new Date(x.decidedAt) : null, currentDue: x.currentDue, proposedDue: x.proposedDue })),
  }));
}
