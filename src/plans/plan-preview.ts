// What a clerk checks against the paper before an import: each task with its lead and
// coordinating units and its deadline as written and as understood, and which tasks are
// already overdue or have no deadline the engine understood. Pure: the day is passed in.
import type { IsoDate, Schedule } from '../deadlines/types.ts';
import type { PlanImport, TaskDeadline } from './parse-plan.ts';

export interface PreviewRow {
  code: string;
  path: string;
  title: string;
  lead: string[];
  coordinate: string[];
  deadline: TaskDeadline;
  /** Every due date the deadline gives lies before the day of the preview. */
  overdue: boolean;
}

export interface PlanPreview {
  rows: PreviewRow[];
  overdue: number;
  unscheduled: number;
  /** Deadlines taken from the plan's period, for the monitoring unit to confirm. */
  derived: number;
}

/** The last day a schedule asks for something, when it has one. */
export function lastDueDate(schedule: Schedule): IsoDate | undefined {
  if (schedule.kind === 'once') return schedule.due;
  if (schedule.kind === 'recurring') return schedule.rule.by === 'dates' ? schedule.rule.dates.at(-1) : schedule.until;
  // An ongoing task is never "overdue"; its end is the end of its check-ins.
  return undefined;
}

export function planPreview(plan: Pick<PlanImport, 'tasks'>, today: IsoDate): PlanPreview {
  const rows = plan.tasks.map((t) => {
    const last = lastDueDate(t.deadline);
    return {
      code: t.code,
      path: t.path,
      title: t.title,
      // "Đơn vị thực hiện" alone is who does the work: shown where the lead goes.
      lead: t.units.lead.length ? t.units.lead : t.units.execute,
      coordinate: t.units.coordinate,
      deadline: t.deadline,
      overdue: last !== undefined && last < today,
    };
  });
  return {
    rows,
    overdue: rows.filter((r) => r.overdue).length,
    unscheduled: rows.filter((r) => r.deadline.kind === 'unscheduled').length,
    derived: rows.filter((r) => r.deadline.derived).length,
  };
}

/** Each unit the plan names, by role, with the number of tasks it has that role in; in order of first mention. */
export function unitsByRole(plan: Pick<PlanImport, 'tasks'>): Record<'monitor' | 'lead' | 'coordinate' | 'execute', Array<{ name: string; tasks: number }>> {
  const out = { monitor: new Map<string, number>(), lead: new Map<string, number>(), coordinate: new Map<string, number>(), execute: new Map<string, number>() };
  for (const task of plan.tasks) {
    for (const role of ['monitor', 'lead', 'coordinate', 'execute'] as const) {
      for (const name of new Set(task.units[role])) out[role].set(name, (out[role].get(name) ?? 0) + 1);
    }
  }
  const list = (m: Map<string, number>) => [...m].map(([name, tasks]) => ({ name, tasks }));
  return { monitor: list(out.monitor), lead: list(out.lead), coordinate: list(out.coordinate), execute: list(out.execute) };
}
