// A date an officer types ("20/12/2024", "20/12", "ngày 20 tháng 12 năm 2024"), read by
// the deadline engine. A day and month without a year is the next such day from today.
import { addDaysIso, dayNumberFromIso, isoWeekdayOf } from '../calendar/civil-date.ts';
import { foldText } from '../deadlines/fold-text.ts';
import { parseDeadline } from '../deadlines/parse-deadline.ts';
import type { IsoDate } from '../deadlines/types.ts';

const DAY_MONTH = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/;

/** ISO weekdays as officers write them: "thứ Hai" / "thứ 2" / "T2" ... "chủ nhật" / "CN" (folded), and in English. */
const WEEKDAYS: Record<string, number> = {
  'thu hai': 1, 'thu 2': 1, t2: 1, 'thu ba': 2, 'thu 3': 2, t3: 2, 'thu tu': 3, 'thu 4': 3, t4: 3,
  'thu nam': 4, 'thu 5': 4, t5: 4, 'thu sau': 5, 'thu 6': 5, t6: 5, 'thu bay': 6, 'thu 7': 6, t7: 6,
  'chu nhat': 7, cn: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** "mai", "ngày mai", a weekday: the day they name after today (the next such weekday, never today). */
function relativeDay(text: string, today: IsoDate): IsoDate | undefined {
  const folded = foldText(text).replace(/^(vao |ngay |next )/, '').replace(/ (toi|sau|nay)$/, '').trim();
  if (folded === 'mai' || folded === 'ngay mai' || folded === 'tomorrow') return addDaysIso(today, 1);
  const weekday = WEEKDAYS[folded];
  if (weekday === undefined) return undefined;
  const current = isoWeekdayOf(dayNumberFromIso(today));
  return addDaysIso(today, ((weekday - current + 6) % 7) + 1);
}

export function parseUserDate(text: string, today: IsoDate): IsoDate | undefined {
  const trimmed = text.trim().slice(0, 200);
  const relative = relativeDay(trimmed, today);
  if (relative) return relative;
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
