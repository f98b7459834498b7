// Civil date + minutes in a named time zone <-> instants. Never reads the process
// time zone. tzOffset costs microseconds (Intl), so offsets are memoised per
// 15-minute slot: every real zone changes its offset on a quarter-hour boundary.
import { tzOffset } from '@date-fns/tz';
import type { DayNumber } from './civil-date.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const SLOT_MS = 15 * MS_PER_MINUTE;
/** Bounds the memo; a long-running service plans a few years at most. */
const MAX_CACHED_SLOTS = 200_000;

export interface ZonedClock {
  readonly timeZone: string;
  /** The instant at which the wall clock shows `minutes` after midnight of the civil day. */
  instantAt(day: DayNumber, minutes: number): Date;
  /** instantAt as epoch milliseconds, without allocating a Date. */
  msAt(day: DayNumber, minutes: number): number;
  /** The civil day and minutes after midnight the wall clock shows at an instant. */
  partsAt(instant: Date): { day: DayNumber; minutes: number };
  /** ISO 8601 with the zone's offset, e.g. "2024-12-24T08:00:00+07:00". */
  format(instant: Date): string;
  /** UTC offset in minutes at an instant (+420 for Asia/Ho_Chi_Minh). */
  offsetAt(instant: Date): number;
}

export function createZonedClock(timeZone: string): ZonedClock {
  const cache = new Map<number, number>();
  const offsetAtMs = (ms: number): number => {
    const slot = Math.floor(ms / SLOT_MS);
    let offset = cache.get(slot);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(slot * SLOT_MS));
      if (cache.size >= MAX_CACHED_SLOTS) cache.clear();
      cache.set(slot, offset);
    }
    return offset;
  };

  const msAt = (day: DayNumber, minutes: number): number => {
    const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
    // Two passes: the offset at the guessed instant may differ across a DST change.
    const guess = wall - offsetAtMs(wall) * MS_PER_MINUTE;
    return wall - offsetAtMs(guess) * MS_PER_MINUTE;
  };
  const instantAt = (day: DayNumber, minutes: number): Date => new Date(msAt(day, minutes));

  const partsAt = (instant: Date) => {
    const wall = instant.getTime() + offsetAtMs(instant.getTime()) * MS_PER_MINUTE;
    const day = Math.floor(wall / MS_PER_DAY);
    return { day, minutes: Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE) };
  };

  const format = (instant: Date): string => {
    const offset = offsetAtMs(instant.getTime());
    const wall = new Date(instant.getTime() + offset * MS_PER_MINUTE).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${wall}${sign}${hh}:${mm}`;
  };

  return { timeZone, instantAt, msAt, partsAt, format, offsetAt: (i) => offsetAtMs(i.getTime()) };
}
