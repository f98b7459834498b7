// Statistics as the rules count them. The state's reporting forms (the Government Office's
// task-tracking reports, and the provincial systems built on them) put every task in one of four
// buckets — hoàn thành đúng hạn, hoàn thành quá hạn, chưa hoàn thành trong hạn, chưa hoàn thành
// quá hạn — give the days overdue, and report the "thường xuyên" tasks (duties carried out all
// along or on a cadence, under the agency's normal functions) apart from the time-bound ones.
// Pure: tasks in, counts out. The six tracking statuses (tracking-status.ts) stay as the finer
// view of cards and charts; the buckets fold "vướng mắc" and "đang thực hiện" into "chưa hoàn
// thành trong hạn", as the forms do (both are still in time).
//
// Days overdue are CALENDAR days, not working days: the reporting forms count "số ngày quá hạn"
// from the deadline to the completion date (or to the report date) on the calendar, and a figure
// the office copies into a form must be the one the form means. Cards and reminders still say
// "quá hạn n ngày làm việc" (render.ts describeDue), which is how an officer plans the work; the
// two are labelled apart wherever both appear.
import { dayNumberFromIso } from '../calendar/civil-date.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { trackingStatus, type TrackedTask } from './tracking-status.ts';

export const OFFICIAL_BUCKETS = [
  'done-on-time', // hoàn thành đúng hạn
  'done-late', // hoàn thành quá hạn
  'open-in-time', // chưa hoàn thành trong hạn
  'open-overdue', // chưa hoàn thành quá hạn
] as const;
export type OfficialBucket = (typeof OFFICIAL_BUCKETS)[number];

/** Time-bound tasks (a date, or no date yet) and "thường xuyên" ones (ongoing or recurring schedules). */
export type TaskClass = 'time-bound' | 'regular';

export function taskClassOf(scheduleKind: string | null | undefined): TaskClass {
  return scheduleKind === 'ongoing' || scheduleKind === 'recurring' ? 'regular' : 'time-bound';
}

export interface CountedTask extends TrackedTask {
  /** The schedule's kind ('once', 'recurring', 'ongoing', 'unscheduled'); a recurring task's `due` is its current occurrence. */
  scheduleKind?: string | null;
  /** An officer reported it done and the monitoring unit has not confirmed it yet (the status is then not DONE). */
  awaitingConfirmation?: boolean;
}

/** Calendar days from `from` to `to` (0 when `to` is not after `from`). */
export function calendarDaysAfter(from: IsoDate, to: IsoDate): number {
  return Math.max(0, dayNumberFromIso(to) - dayNumberFromIso(from));
}

export interface BucketOf {
  bucket: OfficialBucket;
  /** Calendar days past the deadline: to the completion date when done late, to today when still open; 0 otherwise. */
  daysOverdue: number;
  /** Still in time but blocked (vướng mắc): counted as in time, told apart for the leader. */
  blocked: boolean;
}

/** The bucket of one task on `today`; undefined for cancelled tasks (not counted). */
export function officialBucket(task: CountedTask, today: IsoDate): BucketOf | undefined {
  const status = trackingStatus(task, today);
  switch (status) {
    case undefined:
      return undefined;
    case 'done-on-time':
      return { bucket: 'done-on-time', daysOverdue: 0, blocked: false };
    case 'done-late':
      return { bucket: 'done-late', daysOverdue: calendarDaysAfter(task.due!, task.completedOn!), blocked: false };
    case 'open-overdue':
      return { bucket: 'open-overdue', daysOverdue: calendarDaysAfter(task.due!, today), blocked: task.status === 'BLOCKED' };
    default:
      return { bucket: 'open-in-time', daysOverdue: 0, blocked: status === 'blocked' };
  }
}

export interface BucketCounts {
  counts: Record<OfficialBucket, number>;
  /** Calendar days overdue summed over the tasks done late / still open past the deadline. */
  daysLate: number;
  daysOverdue: number;
  /** The longest delay among them. */
  maxDaysOverdue: number;
}

export interface Tally {
  timeBound: BucketCounts;
  /** "Thường xuyên": bucketed by their current occurrence, reported apart. */
  regular: BucketCounts;
  /** Open in time but blocked (both classes). */
  blocked: number;
  /** Reported done, waiting for the monitoring unit's confirmation (counted as not done). */
  awaiting: number;
}

function emptyBuckets(): BucketCounts {
  return { counts: { 'done-on-time': 0, 'done-late': 0, 'open-in-time': 0, 'open-overdue': 0 }, daysLate: 0, daysOverdue: 0, maxDaysOverdue: 0 };
}

export function emptyTally(): Tally {
  return { timeBound: emptyBuckets(), regular: emptyBuckets(), blocked: 0, awaiting: 0 };
}

export function tallyTotal(tally: Tally): number {
  return OFFICIAL_BUCKETS.reduce((n, b) => n + tally.timeBound.counts[b] + tally.regular.counts[b], 0);
}

/** Adds one task to a tally; false (and nothing added) for a cancelled task. */
export function addToTally(tally: Tally, task: CountedTask, today: IsoDate): boolean {
  const of = officialBucket(task, today);
  if (!of) return false;
  const side = taskClassOf(task.scheduleKind) === 'regular' ? tally.regular : tally.timeBound;
  side.counts[of.bucket]++;
  if (of.bucket === 'done-late') side.daysLate += of.daysOverdue;
  if (of.bucket === 'open-overdue') side.daysOverdue += of.daysOverdue;
  side.maxDaysOverdue = Math.max(side.maxDaysOverdue, of.daysOverdue);
  if (of.blocked) tally.blocked++;
  if (task.awaitingConfirmation && task.status !== 'DONE') tally.awaiting++;
  return true;
}

/**
 * Tallies by key: a task is counted under each key `keysOf` gives (a task with two lead units
 * counts for both), once per key. Keys come back in first-seen order.
 */
export function tallyBy<T extends CountedTask, K>(tasks: Iterable<T>, keysOf: (task: T) => Iterable<K>, today: IsoDate): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const task of tasks) {
    if (!officialBucket(task, today)) continue;
    for (const key of new Set(keysOf(task))) {
      let tally = out.get(key);
      if (!tally) out.set(key, (tally = emptyTally()));
      addToTally(tally, task, today);
    }
  }
  return out;
}

/** Who a task is counted under "per officer": the officer who answered last, else the assignee, else nobody. */
export function officerOfTask(task: { lastAnswerBy?: string | null; assignee?: string | null }): string | undefined {
  return task.lastAnswerBy ?? task.assignee ?? undefined;
}
