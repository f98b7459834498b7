// A task's state as of a past date, rebuilt from the history the database keeps.
//
// The Task row only holds the current state. What happened before is in append-only
// rows: every answer (StatusReport, never updated, with its time), its evidence, and
// every extension request with when it was decided and the deadline before and after.
// So the status at a date is the latest answer given before it, the deadline at that date
// is the one in force after the extensions approved before it, and the government status
// comes from the same trackingStatus the bot's /status and /report use.
//
// What the history cannot tell: a deadline changed by re-importing a revised plan (the
// audit log records which tasks moved, not their old dates), and when a task was
// cancelled by an import; both are taken as they are now. A status set without an answer
// (no report) counts from its completion time if done, else as not started.
import type { IsoDate } from '../deadlines/types.ts';
import { trackingStatus, type TrackedTask, type TrackingStatus } from '../status/tracking-status.ts';

export type ReportKind = 'DONE' | 'IN_PROGRESS' | 'BLOCKED' | 'EXTENSION_REQUESTED' | 'SNOOZED' | 'RETURNED';

export interface HistoryReport {
  at: Date;
  status: ReportKind;
  progress: number | null;
  note: string | null;
  officerName: string;
  evidence: Array<{ at: Date; kind: 'DOCUMENT' | 'PHOTO' | 'LINK'; reference: string; fileName: string | null }>;
}

export interface HistoryExtension {
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  decidedAt: Date | null;
  /** The deadline before the extension, and the one asked for. */
  currentDue: IsoDate | null;
  proposedDue: IsoDate;
}

export interface TaskHistory {
  status: TrackedTask['status'];
  completedAt: Date | null;
  due: IsoDate | null;
  /** Recurring and ongoing tasks: an answer "done" finishes an occurrence, never the task. */
  recurring: boolean;
  /** Reported done and waiting for the monitoring unit's confirmation since then: that "done" does not count yet. */
  confirmationPendingAt?: Date | null;
  reports: HistoryReport[];
  extensions: HistoryExtension[];
}

export interface Evidence {
  kind: 'DOCUMENT' | 'PHOTO' | 'LINK';
  reference: string;
  fileName: string | null;
}

export interface TaskStateAt {
  /** Undefined for a cancelled task (not counted). */
  status: TrackingStatus | undefined;
  due?: IsoDate;
  completedOn?: IsoDate;
  progress: number;
  latestReport?: { on: IsoDate; officerName: string; note: string };
  /** Extensions approved by then: the new deadline and the day it was granted. */
  extensions: Array<{ due: IsoDate; grantedOn: IsoDate }>;
  evidence: Evidence[];
  /** Who gave the last answer (done, in progress, blocked) by then: the officer the statistics count the task under. */
  answeredBy?: string;
  /** The last answer is a "done" still waiting for confirmation (counted as not done). */
  awaitingConfirmation?: boolean;
}

/**
 * The state at the end of the civil day `date`. `cutoff` is the first instant after that day
 * (local midnight), `dateOf` gives an instant's civil date in the office's time zone.
 */
export function taskStateAt(task: TaskHistory, at: { date: IsoDate; cutoff: Date }, dateOf: (instant: Date) => IsoDate): TaskStateAt {
  const before = (d: Date | null): d is Date => d !== null && d.getTime() < at.cutoff.getTime();
  // Oldest first; equal times in the order given (the query orders by id).
  const reports = task.reports.filter((r) => before(r.at)).sort((a, b) => a.at.getTime() - b.at.getTime());

  const approved = task.extensions.filter((e) => e.status === 'APPROVED' && e.decidedAt !== null).sort((a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime());
  const grantedLater = approved.find((e) => !before(e.decidedAt));
  // An extension granted after the date had not moved the deadline yet: the one in force was its "before".
  const due = grantedLater ? grantedLater.currentDue ?? undefined : task.due ?? undefined;

  // A return (the monitoring unit sent a "done" back) puts the task in progress again.
  const answer = [...reports].reverse().find((r) => r.status === 'DONE' || r.status === 'IN_PROGRESS' || r.status === 'BLOCKED' || r.status === 'RETURNED');
  let status: TrackedTask['status'];
  let completedOn: IsoDate | undefined;
  let awaitingConfirmation = false;
  if (task.status === 'CANCELLED') status = 'CANCELLED';
  else if (answer) {
    status = answer.status === 'DONE' ? (task.recurring ? 'IN_PROGRESS' : 'DONE') : answer.status === 'RETURNED' ? 'IN_PROGRESS' : (answer.status as 'IN_PROGRESS' | 'BLOCKED');
    // A "done" the monitoring unit has not confirmed is not done (a return is written as an
    // RETURNED report, so a returned "done" is followed by one). A confirmed one counts from
    // when it was reported: the confirmation judges the work, it does not date it.
    if (status === 'DONE' && task.confirmationPendingAt && answer.at.getTime() >= task.confirmationPendingAt.getTime()) {
      status = 'IN_PROGRESS';
      awaitingConfirmation = true;
    }
    if (status === 'DONE') completedOn = dateOf(answer.at);
  } else if (task.status === 'DONE' && before(task.completedAt)) {
    status = 'DONE';
    completedOn = dateOf(task.completedAt!);
  } else status = 'NOT_STARTED';

  // As answers set it: done is 100%, otherwise the last percentage given (a later "blocked" keeps it).
  const lastProgress = [...reports].reverse().find((r) => r.progress !== null && r.status !== 'SNOOZED')?.progress ?? 0;
  const progress = status === 'DONE' ? 100 : lastProgress;

  // The latest note, as the task card shows it (a snooze's note is its time, not a report).
  const noted = [...reports].reverse().find((r) => r.note !== null && r.note.trim() !== '' && r.status !== 'SNOOZED');

  // A return is the monitoring unit's, not an answer of the officer who did the work.
  const answeredBy = [...reports].reverse().find((r) => r.status === 'DONE' || r.status === 'IN_PROGRESS' || r.status === 'BLOCKED')?.officerName;
  const tracked: TrackedTask = { status, ...(due ? { due } : {}), ...(completedOn ? { completedOn } : {}) };
  return {
    status: trackingStatus(tracked, at.date),
    ...(due ? { due } : {}),
    ...(completedOn ? { completedOn } : {}),
    progress,
    ...(noted ? { latestReport: { on: dateOf(noted.at), officerName: noted.officerName, note: noted.note! } } : {}),
    extensions: approved.filter((e) => before(e.decidedAt)).map((e) => ({ due: e.proposedDue, grantedOn: dateOf(e.decidedAt!) })),
    evidence: reports.flatMap((r) => r.evidence.filter((e) => before(e.at)).map(({ kind, reference, fileName }) => ({ kind, reference, fileName }))),
    ...(answeredBy ? { answeredBy } : {}),
    ...(awaitingConfirmation ? { awaitingConfirmation } : {}),
  };
}
