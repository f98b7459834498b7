// Public holidays of Vietnam from the date-holidays package, one entry per civil day.
// The package models Tết as one 5-day holiday (start/end instants); it is expanded here.
import Holidays from 'date-holidays';
import { dayNumberOf, type DayNumber } from './civil-date.ts';

export interface StatutoryHoliday {
  day: DayNumber;
  vi: string;
  en: string;
}

const MS_PER_DAY = 86_400_000;
const HOLIDAY_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function createStatutoryHolidays(): (year: number) => StatutoryHoliday[] {
  const holidays = new Holidays('VN', { types: ['public'] });
  const cache = new Map<number, StatutoryHoliday[]>();
  return (year) => {
    let list = cache.get(year);
    if (list) return list;
    const vi = holidays.getHolidays(year, 'vi');
    const en = holidays.getHolidays(year, 'en');
    const byDay = new Map<DayNumber, StatutoryHoliday>();
    vi.forEach((h, i) => {
      if (h.type !== 'public') return;
      const m = HOLIDAY_DATE.exec(h.date);
      if (!m) return;
      const first = dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
      // start/end are instants in the country's zone; their difference counts the days.
      const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
      const enName = en[i]?.date === h.date ? en[i]!.name : h.name;
      for (let k = 0; k < length; k++) {
        const day = first + k;
        // The package names the whole Tết block after its first day ("Giao thừa");
        // the later days are simply Tết holidays, unless a one-day holiday names them.
        const names = k === 0 ? { vi: h.name, en: enName } : { vi: 'Nghỉ Tết Nguyên Đán', en: 'Lunar New Year holiday' };
        if (!byDay.has(day) || length === 1) byDay.set(day, { day, ...names });
      }
    });
    list = [...byDay.values()].sort((a, b) => a.day - b.day);
    cache.set(year, list);
    return list;
  };
}
