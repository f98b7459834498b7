// A task as the people who follow it see it (the viewer's role, its units, its latest answer)
// and the counts by unit: data shapes that the queries fill and the messages and charts read.
import type { TaskRoleName } from '../access/permissions.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { Tally } from './statistics.ts';
import { TRACKING_STATUSES, type TrackingStatus } from './tracking-status.ts';

export interface TaskView {
  id: number;
  code: string;
  title: string;
  target: string | null;
  deadlineRaw: string | null;
  due?: IsoDate;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';
  progress: number;
  completedOn?: IsoDate;
  planTitle: string;
  planNumber: string | null;
  /** The viewer's role on the task, when they have one. */
  role?: TaskRoleName;
  /** Units with their roles, for leaders' lists. */
  units?: Array<{ name: string; role: TaskRoleName }>;
  lastNote?: string;
  /** The appendix the task belongs to in a plan with several ("PL2"), from its path. */
  appendix?: string;
  /** Reported done, waiting for the monitoring unit's confirmation (chờ xác nhận). */
  awaitingConfirmation?: boolean;
  /** The latest explanation demanded (giải trình): by whom, by when, and the answer once given. */
  explanation?: { by: string; dueOn: IsoDate; answer?: string };
}

/** The appendix of a task path in a plan with several ("PL2/I/1.2" → "PL2"). */
export function appendixOfPath(path: string): string | undefined {
  return /^(PL\d{1,2})\//.exec(path)?.[1];
}

export interface ReportRow {
  unitName: string;
  counts: Record<TrackingStatus, number>;
  /** The official buckets (statistics.ts); absent where only the six statuses were counted. */
  tally?: Tally;
}

export function emptyCounts(): Record<TrackingStatus, number> {
  return Object.fromEntries(TRACKING_STATUSES.map((s) => [s, 0])) as Record<TrackingStatus, number>;
}
