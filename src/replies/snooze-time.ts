// When a snoozed reminder comes back: the next working morning, after n working days,
// on a chosen day, or after n working hours (the officer's default from /settings).
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { parseFutureDate, type DateRefusal } from './user-date.ts';

/** Longest snooze, in working days: a snooze is not a way to drop a task. */
export const MAX_SNOOZE_WORKING_DAYS = 30;
const MS_PER_MINUTE = 60_000;

/** Start of working hours on the first working day after today. */
export function nextWorkingMorning(calendar: WorkingCalendar, now: Date): Date {
  return calendar.instantOn(calendar.nextWorkingDay(calendar.dateOf(now)));
}

/** Start of working hours n working days after today (n >= 1). */
export function afterWorkingDays(calendar: WorkingCalendar, now: Date, n: number): Date {
  const days = Math.max(1, Math.min(MAX_SNOOZE_WORKING_DAYS, Math.floor(n)));
  return calendar.instantOn(calendar.addWorkingDays(calendar.dateOf(now), days));
}

/** Start of working hours on a chosen day, moved to the next working day if it is a day off; undefined if not after today or too far. */
export function onChosenDay(calendar: WorkingCalendar, now: Date, date: IsoDate): Date | undefined {
  const today = calendar.dateOf(now);
  if (date <= today) return undefined;
  const day = calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date);
  if (calendar.workingDaysBetween(today, day) > MAX_SNOOZE_WORKING_DAYS) return undefined;
  return calendar.instantOn(day);
}

/** `hours` working hours from now, counted only inside WORK_HOURS on working days. */
export function afterWorkingHours(calendar: WorkingCalendar, now: Date, hours: number): Date {
  let remaining = Math.max(1, hours) * 60;
  let at = calendar.nextWorkingMoment(now);
  for (let guard = 0; guard < MAX_SNOOZE_WORKING_DAYS * 2; guard++) {
    const date = calendar.dateOf(at);
    const end = calendar.instantOn(date, calendar.workHours.endMinutes);
    const left = Math.floor((end.getTime() - at.getTime()) / MS_PER_MINUTE);
    if (remaining < left) return new Date(at.getTime() + remaining * MS_PER_MINUTE);
    remaining -= left;
    at = calendar.instantOn(calendar.nextWorkingDay(date));
  }
  return at;
}

/** The officer's default snooze: n working hours, or (null) the next working morning. */
export function defaultSnooze(calendar: WorkingCalendar, now: Date, snoozeHours: number | null): Date {
  return snoozeHours ? afterWorkingHours(calendar, now, snoozeHours) : nextWorkingMorning(calendar, now);
}

/**
 * When "nhắc lại 1.2 [day]" brings a task back: the officer's default, or the day named; or the
 * locale key of why that day is refused. One rule for every platform's text replies.
 */
export function snoozeUntil(calendar: WorkingCalendar, now: Date, snoozeHours: number | null, dateText?: string): { until: Date } | { refusal: DateRefusal | 'snooze-too-far' } {
  if (!dateText) return { until: defaultSnooze(calendar, now, snoozeHours) };
  const parsed = parseFutureDate(dateText, calendar.dateOf(now));
  if ('refusal' in parsed) return parsed;
  const until = onChosenDay(calendar, now, parsed.date);
  return until ? { until } : { refusal: 'snooze-too-far' };
}
