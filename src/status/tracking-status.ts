// The government's task-tracking model: every open or finished task is in exactly one of
// hoàn thành đúng hạn, hoàn thành quá hạn, chưa hoàn thành quá hạn, and — while still
// in time — vướng mắc, đang thực hiện or chưa hoàn thành trong hạn.
// Overdue wins over in-progress and blocked: a late task is counted late whatever it waits for.
import type { IsoDate } from '../deadlines/types.ts';

export const TRACKING_STATUSES = [
  'done-on-time', // hoàn thành đúng hạn
  'done-late', // hoàn thành quá hạn
  'open-overdue', // chưa hoàn thành quá hạn
  'blocked', // vướng mắc (trong hạn)
  'in-progress', // đang thực hiện (trong hạn)
  'open-in-time', // chưa hoàn thành trong hạn
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface TrackedTask {
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';
  /** Due civil date, or undefined when the task has none. */
  due?: IsoDate;
  /** Civil date of completion. */
  completedOn?: IsoDate;
}

/** Undefined for cancelled tasks: they are not counted. */
export function trackingStatus(task: TrackedTask, today: IsoDate): TrackingStatus | undefined {
  switch (task.status) {
    case 'CANCELLED':
      return undefined;
    case 'DONE':
      return task.due && task.completedOn && task.completedOn > task.due ? 'done-late' : 'done-on-time';
    default:
      if (task.due && today > task.due) return 'open-overdue';
      if (task.status === 'BLOCKED') return 'blocked';
      if (task.status === 'IN_PROGRESS') return 'in-progress';
      return 'open-in-time';
  }
}

/** A civil date of a @db.Date column (stored as UTC midnight). */
export function isoOfDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The @db.Date value of a civil date. */
export function dbDateOf(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** "2024-11-29" → "29/11/2024". */
export function formatDmy(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
