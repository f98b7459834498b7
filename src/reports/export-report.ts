// A plan's progress report for a period, as .xlsx or .docx bytes: read the tasks and their
// history, take each task's state at the status date, build the model, write the file.
// Everything it needs is passed in (database, calendar, translations, today), so the CLI
// and a later bot job can both call it.
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addDaysIso } from '../calendar/civil-date.ts';
import type { TranslateFn } from '../messages/i18n.ts';
import type { UnitScope } from '../access/permissions.ts';
import type { Db } from '../tasks/actor.ts';
import type { SqlRunner } from '../db/sql.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { buildReportModel, type ReportModel } from './export-model.ts';
import { exportTaskRows, type PlanRef } from './export-query.ts';
import { statusDate, type ReportPeriod } from './periods.ts';
import { taskStateAt } from './status-at.ts';
import { writeReportDocx } from './write-docx.ts';
import { writeReportXlsx } from './write-xlsx.ts';

export const EXPORT_FORMATS = ['xlsx', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  plan: PlanRef;
  period: ReportPeriod;
  format: ExportFormat;
  unit?: { id: number; name: string };
  /** Only the tasks on which a unit of this scope has a role (a leader's units); every task without it. */
  scope?: UnitScope;
  /** The heading's unit line for a scope ("Đơn vị: Phòng Nội vụ"); `unit` names its own. */
  scopeName?: string;
}

export interface ExportDeps {
  db: Db | SqlRunner;
  calendar: WorkingCalendar;
  t: TranslateFn;
  now: Date;
}

export interface ExportResult {
  bytes: Buffer;
  model: ReportModel;
  statusDate: IsoDate;
  /** Tasks (not groups) in the report. */
  tasks: number;
}

/** "bao-cao-336-KH-UBND-Q1-2025.xlsx": plan number (else id) and period, safe in any file system. */
export function defaultFileName(plan: PlanRef, period: ReportPeriod, format: ExportFormat): string {
  const planPart = (plan.number ?? `ke-hoach-${plan.id}`).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || `ke-hoach-${plan.id}`;
  const periodPart = period.kind === 'range' ? `${period.from}_${period.to}` : period.kind === 'to-date' ? `den-${period.to}` : `${period.kind}-${period.year}`;
  return `bao-cao-${planPart}-${periodPart}.${format}`;
}

export async function exportPlanReport(request: ExportRequest, deps: ExportDeps): Promise<ExportResult> {
  const today = deps.calendar.dateOf(deps.now);
  const date = statusDate(request.period, today);
  // The first instant after the status date, local midnight: an answer at 23:30 that day counts.
  const cutoff = deps.calendar.startOfDay(addDaysIso(date, 1));
  const rows = await exportTaskRows(deps.db, request.plan.id, { ...(request.unit ? { unitId: request.unit.id } : {}), ...(request.scope ? { scope: request.scope } : {}), until: cutoff });
  const tasks = rows.map(({ history, ...task }) => (task.isGroup ? task : { ...task, state: taskStateAt(history, { date, cutoff }, deps.calendar.dateOf) }));
  const model = buildReportModel(deps.t, {
    plan: { number: request.plan.number, title: request.plan.title },
    period: request.period,
    statusDate: date,
    ...(request.unit ? { unitName: request.unit.name } : request.scopeName ? { unitName: request.scopeName } : {}),
    tasks,
  });
  const bytes = request.format === 'docx' ? await writeReportDocx(model) : await writeReportXlsx(model, { createdAt: deps.now });
  return { bytes, model, statusDate: date, tasks: tasks.filter((x) => !x.isGroup).length };
}
