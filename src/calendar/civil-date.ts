// Civil dates ("YYYY-MM-DD") as day numbers (days since 1970-01-01). A deadline is a
// day on the office calendar, so the arithmetic is done on plain integers: it never
// depends on the process time zone and is fast enough to plan 100,000 tasks.
import type { IsoDate } from '../deadlines/types.ts';

export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the parts name a day that exists (31/02 does not; it is never rolled over). */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

// Days from/to civil dates by integer arithmetic (H. Hinnant's algorithms): no Date
// objects in the hot loops of reminder planning.
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilParts {
  year: number;
  month: number;
  day: number;
}

export function partsOf(dayNumber: DayNumber): CivilParts {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(dayNumber: DayNumber): number {
  return partsOf(dayNumber).year;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

// Planning formats the same few hundred days over and over: remember their text.
const ISO_CACHE = new Map<DayNumber, IsoDate>();
const MAX_ISO_CACHE = 50_000;

export function isoOf(dayNumber: DayNumber): IsoDate {
  let iso = ISO_CACHE.get(dayNumber);
  if (iso === undefined) {
    const { year, month, day } = partsOf(dayNumber);
    iso = formatIsoDate(year, month, day);
    if (ISO_CACHE.size >= MAX_ISO_CACHE) ISO_CACHE.clear();
    ISO_CACHE.set(dayNumber, iso);
  }
  return iso;
}

/** Parses a strict "YYYY-MM-DD"; undefined for anything else, including 2024-02-31. */
export function parseIsoDate(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivilDate(year, month, day) ? dayNumberOf(year, month, day) : undefined;
}

/** Like parseIsoDate, for dates that come from our own code and must be right. */
export function dayNumberFromIso(date: IsoDate): DayNumber {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not a civil date "YYYY-MM-DD": ${JSON.stringify(date)}`);
  return n;
}

/** ISO weekday, 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return isoOf(dayNumberFromIso(date) + days);
}

export function lastDayOfMonth(year: number, month: number): DayNumber {
  return dayNumberOf(year, month, daysInMonth(year, month));
}
