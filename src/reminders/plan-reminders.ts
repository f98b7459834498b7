// The reminder policy: from a task's schedule and state, the instants at which to
// remind whom. Pure: the calendar and `now` are passed in. Every instant is a working
// moment inside WORK_HOURS; none is before `now`.
import { dayNumberFromIso, isoOf, type DayNumber } from '../calendar/civil-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { occurrenceDayNumbers } from '../deadlines/occurrences.ts';
import type { Cadence, Schedule } from '../deadlines/types.ts';
import { MAX_REMINDERS_PER_TASK, type ReminderPolicy } from './policy-values.ts';

export type ReminderKind = 'before-due' | 'due-day' | 'overdue' | 'escalation-leader' | 'escalation-monitor' | 'check-in';
export type Audience = 'assignee' | 'leader' | 'monitor';

export interface PlannedReminder {
  at: Date;
  kind: ReminderKind;
  /** Stable within an occurrence ("before-due-7d", "before-due-1wd", "overdue-2"), for delivery keys. */
  key: string;
  /** The due date the reminder is about (the check-in date for ongoing tasks). */
  occurrenceDue: string;
  audience: Audience;
  /** Sent late, at the next working moment, because its planned time had passed (late import, snooze). */
  late: boolean;
}

export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';

export interface TaskReminderState {
  status: TaskStatus;
  /** Due date of a granted extension; replaces a once schedule's due date. */
  extendedDue?: string;
  /** The assignee asked not to be reminded before this instant. */
  snoozedUntil?: Date;
  /** Recurring tasks: occurrences due on or before this date have been reported. */
  completedThrough?: string;
}

export interface PlanRemindersInput {
  schedule: Schedule;
  state: TaskReminderState;
  calendar: WorkingCalendar;
  now: Date;
  policy: ReminderPolicy;
  /**
   * The last day of the plan's period: ongoing check-ins and recurring occurrences stop there
   * (a 2025 plan's "Thường xuyên" tasks do not ask for check-ins in 2026). A one-off deadline
   * after it is still the plan's own word and is kept.
   */
  planEnd?: string;
  /**
   * Occurrences due before this date get no overdue or escalation reminders: the plan was
   * imported after they had passed and the importer chose to leave them unreminded.
   */
  overdueFrom?: string;
}

/** Past occurrences of a recurring task are looked at this far back for overdue ones. */
export const MAX_LOOKBACK_DAYS = 366;
/** Occurrences of one recurring task planned in one run (weekly for a year is 53). */
export const MAX_OCCURRENCES_PER_TASK = 60;

const AUDIENCE_RANK: Record<Audience, number> = { assignee: 0, leader: 1, monitor: 2 };
const KIND_PRIORITY: Record<ReminderKind, number> = {
  'check-in': 0, 'before-due': 1, 'due-day': 2, overdue: 3, 'escalation-leader': 4, 'escalation-monitor': 5,
};

interface Candidate {
  day: DayNumber;
  kind: ReminderKind;
  key: string;
  occurrence: DayNumber;
  audience: Audience;
}

export function planReminders(input: PlanRemindersInput): PlannedReminder[] {
  const { schedule, state, calendar, now, policy } = input;
  if (state.status === 'DONE' || state.status === 'CANCELLED' || schedule.kind === 'unscheduled') return [];

  const nowDay = calendar.clock.partsAt(now).day;
  const horizonEnd = nowDay + policy.horizonDays;
  const planEnd = input.planEnd ? dayNumberFromIso(input.planEnd) : Infinity;
  const quietBefore = input.overdueFrom ? dayNumberFromIso(input.overdueFrom) : -Infinity;
  const candidates: Candidate[] = [];

  if (schedule.kind === 'once') {
    const due = dayNumberFromIso(state.extendedDue ?? schedule.due);
    planOccurrence(candidates, calendar, policy, due, -Infinity, Infinity, horizonEnd, quietBefore);
  } else if (schedule.kind === 'recurring') {
    // A report on the plan's last period falls due in the month after it ("tháng đầu quý sau").
    const lastDue = schedule.rule.by === 'day-of-next-month' ? planEnd + 31 : planEnd;
    const all = occurrenceDayNumbers(schedule, nowDay - MAX_LOOKBACK_DAYS, Math.min(horizonEnd, lastDue), { ...(policy.reportDay ? { reportDay: policy.reportDay } : {}) });
    const done = state.completedThrough ? dayNumberFromIso(state.completedThrough) : -Infinity;
    // An occurrence whose successor is already due is superseded by it.
    const firstLive = all.findIndex((d, i) => d > done && (i + 1 >= all.length || all[i + 1]! >= nowDay));
    if (firstLive >= 0) {
      const last = Math.min(all.length, firstLive + MAX_OCCURRENCES_PER_TASK);
      for (let i = firstLive; i < last; i++) {
        planOccurrence(candidates, calendar, policy, all[i]!, all[i - 1] ?? -Infinity, all[i + 1] ?? Infinity, horizonEnd, quietBefore);
      }
    }
  } else {
    planCheckIns(candidates, calendar, policy.ongoingCheckIn ?? schedule.checkIn, nowDay, schedule.until, Math.min(horizonEnd, planEnd));
  }

  return schedulePlanned(candidates, input);
}

function planOccurrence(
  out: Candidate[], calendar: WorkingCalendar, policy: ReminderPolicy,
  due: DayNumber, previousDue: number, nextDue: number, horizonEnd: DayNumber, quietBefore: number,
): void {
  const dueDayReminder = onOrBefore(calendar, due);
  for (const offset of policy.beforeDue) {
    const byDays = 'days' in offset;
    const day = byDays ? onOrBefore(calendar, due - offset.days) : calendar.addWorkingDayNumbers(due, -offset.workingDays);
    // Reminders of this occurrence start after the previous one is due.
    if (day > previousDue && day < dueDayReminder && day <= horizonEnd) {
      const key = byDays ? `before-due-${offset.days}d` : `before-due-${offset.workingDays}wd`;
      out.push({ day, kind: 'before-due', key, occurrence: due, audience: 'assignee' });
    }
  }
  if (policy.dueDay && dueDayReminder > previousDue && dueDayReminder <= horizonEnd) {
    out.push({ day: dueDayReminder, kind: 'due-day', key: 'due-day', occurrence: due, audience: 'assignee' });
  }
  // Left unreminded at import: the deadline had passed before the plan arrived.
  if (due < quietBefore) return;
  let day = due;
  for (let n = 1; n <= policy.maxOverdueReminders; n++) {
    day = n === 1 ? calendar.nextWorkingDayNumber(due) : calendar.addWorkingDayNumbers(day, policy.overdueEveryWorkingDays);
    // The next occurrence takes over once it is due.
    if (day >= nextDue || day > horizonEnd) break;
    out.push({ day, kind: 'overdue', key: `overdue-${n}`, occurrence: due, audience: 'assignee' });
    if (n === 1 && policy.leaderOnFirstOverdue) {
      out.push({ day, kind: 'escalation-leader', key: 'escalation-leader', occurrence: due, audience: 'leader' });
    }
    if (n === policy.monitorAtOverdue) {
      out.push({ day, kind: 'escalation-monitor', key: 'escalation-monitor', occurrence: due, audience: 'monitor' });
    }
  }
}

/** The day itself when worked, else the working day before it. */
function onOrBefore(calendar: WorkingCalendar, day: DayNumber): DayNumber {
  return calendar.isWorkingDayNumber(day) ? day : calendar.previousWorkingDayNumber(day);
}

/** Ongoing tasks: a check-in on the last working day of each period, from today to the horizon. */
function planCheckIns(
  out: Candidate[], calendar: WorkingCalendar, cadence: Cadence, nowDay: DayNumber, until: string | undefined, horizonEnd: DayNumber,
): void {
  const end = Math.min(horizonEnd, until ? dayNumberFromIso(until) : Infinity);
  const periodEnds = occurrenceDayNumbers({ kind: 'recurring', cadence, rule: { by: 'period-end' } }, nowDay, end);
  for (const periodEnd of periodEnds.slice(0, MAX_OCCURRENCES_PER_TASK)) {
    const day = calendar.isWorkingDayNumber(periodEnd) ? periodEnd : calendar.previousWorkingDayNumber(periodEnd);
    if (day >= nowDay) out.push({ day, kind: 'check-in', key: 'check-in', occurrence: periodEnd, audience: 'assignee' });
  }
}

/** Candidates → instants: one per audience and day, late ones caught up, ordered, capped. */
function schedulePlanned(candidates: Candidate[], input: PlanRemindersInput): PlannedReminder[] {
  const { calendar, now, policy, state } = input;
  const minutes = reminderMinutes(policy.reminderTime, calendar);
  // Grouped by audience, then day; within a day the most pressing kind last (the sort is
  // stable, so among equals the one generated last, the nearest to its due date).
  candidates.sort((a, b) =>
    AUDIENCE_RANK[a.audience] - AUDIENCE_RANK[b.audience] || a.day - b.day || KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind]);

  const result: PlannedReminder[] = [];
  for (let i = 0; i < candidates.length;) {
    const audience = candidates[i]!.audience;
    const effectiveNow = audience === 'assignee' && state.snoozedUntil && state.snoozedUntil > now ? state.snoozedUntil : now;
    const nowMs = effectiveNow.getTime();
    const firstOfAudience = result.length;
    let latestPast: Candidate | undefined;
    let firstFutureDay: DayNumber | undefined;
    for (; i < candidates.length && candidates[i]!.audience === audience; i++) {
      const c = candidates[i]!;
      const next = candidates[i + 1];
      // One message per audience and day: the most pressing one.
      if (next && next.audience === audience && next.day === c.day) continue;
      const ms = calendar.clock.msAt(c.day, minutes);
      if (ms < nowMs) latestPast = c;
      else {
        firstFutureDay ??= c.day;
        result.push(toPlanned(c, new Date(ms), false));
      }
    }
    if (latestPast) {
      const at = calendar.nextWorkingMoment(effectiveNow);
      const atDay = calendar.clock.partsAt(at).day;
      // Future reminders are all at or after `at`; one on the same day makes the late one redundant.
      if (stillMakesSense(latestPast, atDay) && firstFutureDay !== atDay) {
        result.splice(firstOfAudience, 0, toPlanned(latestPast, at, true));
      }
    }
  }
  result.sort((a, b) => a.at.getTime() - b.at.getTime() || AUDIENCE_RANK[a.audience] - AUDIENCE_RANK[b.audience]);
  if (result.length > MAX_REMINDERS_PER_TASK) result.length = MAX_REMINDERS_PER_TASK;
  return result;
}

/** A missed "due in 3 days" is worth sending late while the due date is still ahead; check-ins never are. */
function stillMakesSense(c: Candidate, sendDay: DayNumber): boolean {
  if (c.kind === 'check-in') return false;
  if (c.kind === 'before-due' || c.kind === 'due-day') return c.occurrence >= sendDay;
  return true;
}

function toPlanned(c: Candidate, at: Date, late: boolean): PlannedReminder {
  return { at, kind: c.kind, key: c.key, occurrenceDue: isoOf(c.occurrence), audience: c.audience, late };
}

function reminderMinutes(time: string | undefined, calendar: WorkingCalendar): number {
  const { startMinutes, endMinutes } = calendar.workHours;
  if (!time) return startMinutes;
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return minutes >= startMinutes && minutes < endMinutes ? minutes : startMinutes;
}
