// A date an officer types ("20/12/2024", "20/12", "ngày 20 tháng 12 năm 2024"), read by
// the deadline engine. A day and month without a year is the next such day from today.
import { parseDeadline } from '../deadlines/parse-deadline.ts';
import type { IsoDate } from '../deadlines/types.ts';

const DAY_MONTH = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/;

export function parseUserDate(text: string, today: IsoDate): IsoDate | undefined {
  const trimmed = text.trim().slice(0, 200);
  const short = DAY_MONTH.exec(trimmed);
  if (short) {
    const year = Number(today.slice(0, 4));
    for (const y of [year, year + 1]) {
      const due = parseUserDate(`${short[1]}/${short[2]}/${y}`, today);
      if (due && due > today) return due;
    }
    return undefined;
  }
  const schedule = parseDeadline(trimmed, { ref: today });
  return schedule.kind === 'once' ? schedule.due : undefined;
}

export type DateRefusal = 'date-not-understood' | 'date-not-future';

/** A date after today (an extension, an explanation's due date), or the locale key of why the text is not one. */
export function parseFutureDate(text: string, today: IsoDate): { date: IsoDate } | { refusal: DateRefusal } {
  const date = parseUserDate(text, today);
  if (!date) return { refusal: 'date-not-understood' };
  return date > today ? { date } : { refusal: 'date-not-future' };
}
