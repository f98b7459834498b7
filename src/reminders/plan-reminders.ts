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
  const candidates: Candidate[] = [];

  if (schedule.kind === 'once') {
    const due = dayNumberFromIso(state.extendedDue ?? schedule.due);
    planOccurrence(candidates, calendar, policy, due, -Infinity, Infinity, horizonEnd);
  } else if (schedule.kind === 'recurring') {
    const all = occurrenceDayNumbers(schedule, nowDay - MAX_LOOKBACK_DAYS, horizonEnd, { ...(policy.reportDay ? { reportDay: policy.reportDay } : {}) });
    const done = state.completedThrough ? dayNumberFromIso(state.completedThrough) : -Infinity;
    // An occurrence whose successor is already due is superseded by it.
    const firstLive = all.findIndex((d, i) => d > done && (i + 1 >= all.length || all[i + 1]! >= nowDay));
    if (firstLive >= 0) {
      const last = Math.min(all.length, firstLive + MAX_OCCURRENCES_PER_TASK);
      for (let i = firstLive; i < last; i++) {
        planOccurrence(candidates, calendar, policy, all[i]!, all[i - 1] ?? -Infinity, all[i + 1] ?? Infinity, horizonEnd);
      }
    }
  } else {
    planCheckIns(candidates, calendar, policy.ongoingCheckIn ?? schedule.checkIn, nowDay, schedule.until, horizonEnd);
  }

  return schedulePlanned(candidates, input);
}

function planOccurrence(
  out: Candidate[], calendar: WorkingCalendar, policy: ReminderPolicy,
  due: DayNumber, previousDue: number, nextDue: number, horizonEnd: DayNumber,
): void {
  const onOrBefore = (d: DayNumber) => (calendar.isWorkingDayNumber(d) ? d : calendar.previousWorkingDayNumber(d));
  const dueDayReminder = onOrBefore(due);
  const push = (day: DayNumber, kind: ReminderKind, key: string, audience: Audience = 'assignee') => {
    if (day <= horizonEnd) out.push({ day, kind, key, occurrence: due, audience });
  };
  for (const offset of policy.beforeDue) {
    const day = 'days' in offset ? onOrBefore(due - offset.days) : calendar.addWorkingDayNumbers(due, -offset.workingDays);
    const key = 'days' in offset ? `before-due-${offset.days}d` : `before-due-${offset.workingDays}wd`;
    // Reminders of this occurrence start after the previous one is due.
    if (day > previousDue && day < dueDayReminder) push(day, 'before-due', key);
  }
  if (policy.dueDay && dueDayReminder > previousDue) push(dueDayReminder, 'due-day', 'due-day');
  let day = due;
  for (let n = 1; n <= policy.maxOverdueReminders; n++) {
    day = n === 1 ? calendar.nextWorkingDayNumber(due) : calendar.addWorkingDayNumbers(day, policy.overdueEveryWorkingDays);
    // The next occurrence takes over once it is due.
    if (day >= nextDue || day > horizonEnd) break;
    push(day, 'overdue', `overdue-${n}`);
    if (n === 1 && policy.leaderOnFirstOverdue) push(day, 'escalation-leader', 'escalation-leader', 'leader');
    if (n === policy.monitorAtOverdue) push(day, 'escalation-monitor', 'escalation-monitor', 'monitor');
  }
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

  // One message per audience and day: the most pressing one.
  const byDay = new Map<string, Candidate>();
  for (const c of candidates) {
    const slot = `${c.day}:${c.audience}`;
    const kept = byDay.get(slot);
    if (!kept || KIND_PRIORITY[c.kind] >= KIND_PRIORITY[kept.kind]) byDay.set(slot, c);
  }

  const result: PlannedReminder[] = [];
  for (const audience of ['assignee', 'leader', 'monitor'] as const) {
    const effectiveNow = audience === 'assignee' && state.snoozedUntil && state.snoozedUntil > now ? state.snoozedUntil : now;
    const own = [...byDay.values()].filter((c) => c.audience === audience).sort((a, b) => a.day - b.day);
    const planned = own.map((c) => ({ c, at: calendar.clock.instantAt(c.day, minutes) }));
    const past = planned.filter((p) => p.at < effectiveNow);
    const future = planned.filter((p) => p.at >= effectiveNow);
    const latest = past[past.length - 1];
    if (latest) {
      const at = calendar.nextWorkingMoment(effectiveNow);
      const atDay = calendar.clock.partsAt(at).day;
      if (stillMakesSense(latest.c, atDay) && !future.some((f) => calendar.clock.partsAt(f.at).day === atDay)) {
        result.push(toPlanned(latest.c, at, true));
      }
    }
    for (const f of future) result.push(toPlanned(f.c, f.at, false));
  }
  result.sort((a, b) => a.at.getTime() - b.at.getTime() || AUDIENCE_RANK[a.audience] - AUDIENCE_RANK[b.audience]);
  return result.slice(0, MAX_REMINDERS_PER_TASK);
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
