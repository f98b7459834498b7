// The progress report of a plan as a document model: the plan's appendix table (codes,
// task, target, units per role, deadline as written) with each task's state at the
// status date, and a summary by unit and status. Pure: rows in, tables of text out;
// the .xlsx and .docx writers only lay the model out.
import type { IsoDate } from '../deadlines/types.ts';
import type { TranslateFn } from '../messages/i18n.ts';
import { formatDmy, TRACKING_STATUSES, type TrackingStatus } from '../status/tracking-status.ts';
import type { ReportPeriod } from './periods.ts';
import type { TaskStateAt } from './status-at.ts';
import { addToTally, emptyTally, officerOfTask, OFFICIAL_BUCKETS, type CountedTask, type Tally } from '../status/statistics.ts';

export type UnitRole = 'MONITOR' | 'LEAD' | 'COORDINATE' | 'EXECUTE';

export interface ExportTask {
  id: number;
  parentId: number | null;
  isGroup: boolean;
  code: string;
  title: string;
  target: string | null;
  actions: string | null;
  deadlineRaw: string | null;
  units: Array<{ name: string; role: UnitRole }>;
  /** The schedule's kind: 'ongoing' and 'recurring' tasks are "thường xuyên", counted apart. */
  scheduleKind?: string | null;
  /** The state at the status date; groups have none. */
  state?: TaskStateAt;
}

export interface ExportInput {
  plan: { number: string | null; title: string };
  period: ReportPeriod;
  statusDate: IsoDate;
  /** The unit the export was narrowed to. */
  unitName?: string;
  /** In the plan's order; groups included (those without a task left are dropped). */
  tasks: ExportTask[];
}

export type CellValue = string | number | { date: IsoDate } | null;

export type ColumnKey =
  | 'code' | 'title' | 'actions' | 'target' | 'lead' | 'execute' | 'coordinate' | 'monitor' | 'deadline'
  | 'status' | 'completed' | 'progress' | 'report' | 'extension' | 'evidence';

export interface ReportColumn {
  key: string;
  header: string;
  /** Width in characters (Excel's unit); the .docx writer uses it as a proportion. */
  width: number;
}

export interface ReportTableRow {
  kind: 'group' | 'task' | 'total';
  cells: CellValue[];
}

export interface ReportTable {
  sheetName: string;
  heading: string[];
  columns: ReportColumn[];
  rows: ReportTableRow[];
}

export interface ReportModel {
  tasks: ReportTable;
  summary: ReportTable;
}

/** Units columns in the order appendices print them. */
const ROLE_COLUMNS: Array<[ColumnKey, UnitRole]> = [['lead', 'LEAD'], ['execute', 'EXECUTE'], ['coordinate', 'COORDINATE'], ['monitor', 'MONITOR']];

const WIDTHS: Record<ColumnKey, number> = {
  code: 8, title: 48, actions: 42, target: 32, lead: 20, execute: 20, coordinate: 24, monitor: 20, deadline: 16,
  status: 18, completed: 12, progress: 9, report: 42, extension: 20, evidence: 32,
};

/** "Quý IV năm 2024", "6 tháng đầu năm 2025", "Từ ngày … đến ngày …". */
export function periodLabel(t: TranslateFn, period: ReportPeriod): string {
  const from = formatDmy(period.from);
  const to = formatDmy(period.to);
  const year = String(period.year);
  return t(`export-period-${period.kind.toLowerCase()}`, { year, from, to });
}

function headingLines(t: TranslateFn, input: ExportInput, first: string): string[] {
  const plan = input.plan.number ? `${input.plan.number} — ${input.plan.title}` : input.plan.title;
  return [
    first,
    t('export-plan', { plan }),
    t('export-period', { period: periodLabel(t, input.period), from: formatDmy(input.period.from), to: formatDmy(input.period.to) }),
    t('export-status-date', { date: formatDmy(input.statusDate) }),
    ...(input.unitName ? [t('export-unit', { unit: input.unitName })] : []),
  ];
}

function statusText(t: TranslateFn, status: TrackingStatus | undefined): string {
  return status ? t(`export-status-${status}`) : t('status-cancelled');
}

/** Links as they are; files by name. A photo (or a file sent without a name) has only the chat's file id, which means nothing on paper. */
function evidenceText(t: TranslateFn, state: TaskStateAt): string {
  return state.evidence
    .map((e) => {
      if (e.kind === 'LINK') return e.reference;
      const kind = e.kind === 'PHOTO' ? 'photo' : 'document';
      return e.fileName ? t(`export-evidence-${kind}`, { name: e.fileName }) : t(`export-evidence-${kind}-unnamed`);
    })
    .join('\n');
}

function cellOf(t: TranslateFn, key: ColumnKey, task: ExportTask): CellValue {
  const units = (role: UnitRole) => task.units.filter((u) => u.role === role).map((u) => u.name).join('\n') || null;
  const state = task.state;
  switch (key) {
    case 'code': return task.code;
    case 'title': return task.title;
    case 'actions': return task.actions;
    case 'target': return task.target;
    case 'lead': return units('LEAD');
    case 'execute': return units('EXECUTE');
    case 'coordinate': return units('COORDINATE');
    case 'monitor': return units('MONITOR');
    case 'deadline': return task.deadlineRaw;
  }
  if (!state || task.isGroup) return null;
  switch (key) {
    case 'status': return statusText(t, state.status);
    case 'completed': return state.completedOn ? { date: state.completedOn } : null;
    case 'progress': return state.progress;
    case 'report': {
      const r = state.latestReport;
      return r ? t('export-report-line', { date: formatDmy(r.on), officer: r.officerName, note: r.note }) : null;
    }
    case 'extension': return state.extensions.map((e) => t('export-extension-line', { due: formatDmy(e.due), date: formatDmy(e.grantedOn) })).join('\n') || null;
    case 'evidence': return evidenceText(t, state) || null;
  }
}

/** Groups with no task under them (the unit filter left none) are dropped. */
function shownTasks(tasks: ExportTask[]): ExportTask[] {
  const byId = new Map(tasks.map((x) => [x.id, x]));
  const needed = new Set<number>();
  for (const task of tasks) {
    if (task.isGroup) continue;
    for (let p = task.parentId; p !== null && !needed.has(p); p = byId.get(p)?.parentId ?? null) needed.add(p);
  }
  return tasks.filter((x) => !x.isGroup || needed.has(x.id));
}

/**
 * The unit answerable for a task, under which the summary counts it: the lead (chủ trì),
 * else the executing units (as reminders choose their recipients), else the monitoring
 * unit (appendices assigned whole to one department name only that).
 */
export function responsibleUnits(task: Pick<ExportTask, 'units'>): string[] {
  for (const role of ['LEAD', 'EXECUTE', 'MONITOR'] as const) {
    const names = [...new Set(task.units.filter((u) => u.role === role).map((u) => u.name))];
    if (names.length) return names;
  }
  return [];
}

/** A state at the status date as the statistics count it (statistics.ts). */
function countedOf(task: ExportTask): CountedTask | undefined {
  const state = task.state;
  if (!state?.status) return undefined;
  const status = state.status.startsWith('done-') ? 'DONE' : state.status === 'blocked' ? 'BLOCKED' : 'IN_PROGRESS';
  return {
    status,
    ...(state.due ? { due: state.due } : {}),
    ...(state.completedOn ? { completedOn: state.completedOn } : {}),
    scheduleKind: task.scheduleKind ?? null,
    ...(state.awaitingConfirmation ? { awaitingConfirmation: true } : {}),
  };
}

/**
 * By the responsible unit: the six tracking statuses (as before), then the official block —
 * the four buckets of the time-bound tasks, their calendar days overdue, the "thường xuyên"
 * tasks counted apart, and the "done" answers waiting for confirmation; then the same rows by
 * officer (who answered last).
 */
function summaryTable(t: TranslateFn, input: ExportInput, tasks: ExportTask[]): ReportTable {
  const none = t('export-unit-none');
  const counts = new Map<string, { statuses: Record<TrackingStatus, number>; tally: Tally }>();
  const empty = () => ({ statuses: Object.fromEntries(TRACKING_STATUSES.map((s) => [s, 0])) as Record<TrackingStatus, number>, tally: emptyTally() });
  const total = empty();
  for (const task of tasks) {
    const status = task.state?.status;
    const counted = countedOf(task);
    if (task.isGroup || !status || !counted) continue;
    total.statuses[status]++;
    addToTally(total.tally, counted, input.statusDate);
    const units = responsibleUnits(task);
    for (const unit of units.length ? units : [none]) {
      const row = counts.get(unit) ?? empty();
      row.statuses[status]++;
      addToTally(row.tally, counted, input.statusDate);
      counts.set(unit, row);
    }
  }
  const names = [...counts.keys()].filter((n) => n !== none).sort((a, b) => a.localeCompare(b, 'vi'));
  if (counts.has(none)) names.push(none);
  const regular = (x: Tally) => OFFICIAL_BUCKETS.reduce((n, b) => n + x.regular.counts[b], 0);
  const line = ({ statuses: c, tally: x }: ReturnType<typeof empty>) => [
    TRACKING_STATUSES.reduce((n, s) => n + c[s], 0),
    ...TRACKING_STATUSES.map((s) => c[s]),
    ...OFFICIAL_BUCKETS.map((b) => x.timeBound.counts[b]),
    x.timeBound.daysLate + x.timeBound.daysOverdue,
    regular(x),
    x.awaiting,
  ];
  // The same by officer (who answered last), under the total: tasks nobody answered are not listed.
  const byOfficer = new Map<string, ReturnType<typeof empty>>();
  for (const task of tasks) {
    const status = task.state?.status;
    const counted = countedOf(task);
    const officer = task.state ? officerOfTask({ lastAnswerBy: task.state.answeredBy ?? null }) : undefined;
    if (task.isGroup || !status || !counted || !officer) continue;
    const row = byOfficer.get(officer) ?? empty();
    row.statuses[status]++;
    addToTally(row.tally, counted, input.statusDate);
    byOfficer.set(officer, row);
  }
  const officers = [...byOfficer.keys()].sort((a, b) => a.localeCompare(b, 'vi'));
  const width = 2 + TRACKING_STATUSES.length + OFFICIAL_BUCKETS.length + 3;
  return {
    sheetName: t('export-sheet-summary'),
    heading: headingLines(t, input, t('export-summary-heading')),
    columns: [
      { key: 'unit', header: t('export-col-unit'), width: 40 },
      { key: 'total', header: t('export-col-total'), width: 12 },
      ...TRACKING_STATUSES.map((s) => ({ key: s, header: t(`export-status-${s}`), width: 14 })),
      ...OFFICIAL_BUCKETS.map((b) => ({ key: `official-${b}`, header: t(`export-official-${b}`), width: 16 })),
      { key: 'days-overdue', header: t('export-col-days-overdue'), width: 14 },
      { key: 'regular', header: t('export-col-regular'), width: 14 },
      { key: 'awaiting', header: t('export-col-awaiting'), width: 12 },
    ],
    rows: [
      ...names.map((name) => ({ kind: 'task' as const, cells: [name, ...line(counts.get(name)!)] })),
      { kind: 'total', cells: [t('export-summary-total'), ...line(total)] },
      ...(officers.length ? [{ kind: 'group' as const, cells: [t('export-summary-by-officer'), ...Array<null>(width - 1).fill(null)] }] : []),
      ...officers.map((name) => ({ kind: 'task' as const, cells: [name, ...line(byOfficer.get(name)!)] })),
    ],
  };
}

export function buildReportModel(t: TranslateFn, input: ExportInput): ReportModel {
  const tasks = shownTasks(input.tasks);
  const has = (pick: (x: ExportTask) => unknown) => tasks.some((x) => Boolean(pick(x)));
  // The plan's own columns: only those its tasks fill (a plan without targets prints none).
  const keys: ColumnKey[] = [
    'code', 'title',
    ...(has((x) => x.actions) ? (['actions'] as const) : []),
    ...(has((x) => x.target) ? (['target'] as const) : []),
    ...ROLE_COLUMNS.filter(([, role]) => has((x) => x.units.some((u) => u.role === role))).map(([key]) => key),
    'deadline', 'status', 'completed', 'progress', 'report', 'extension', 'evidence',
  ];
  return {
    tasks: {
      sheetName: t('export-sheet-tasks'),
      heading: headingLines(t, input, t('export-heading')),
      columns: keys.map((key) => ({ key, header: t(`export-col-${key}`), width: WIDTHS[key] })),
      rows: tasks.map((task) => ({ kind: task.isGroup ? 'group' : 'task', cells: keys.map((key) => cellOf(t, key, task)) })),
    },
    summary: summaryTable(t, input, tasks),
  };
}
