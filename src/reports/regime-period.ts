// The report a plan's regime says is being prepared now: of the periods it asks for that have
// begun (this year's and last year's), the one whose report falls due next from today (its
// written due day, else the period's last day), else the one due last. "6 tháng trước 15/6 và
// năm trước 15/12" gives the year 2024 on 26/11/2024 and on 16/12/2024; 6 tháng 2025 on 01/03/2025. Pure.
import { z } from 'zod';
import type { IsoDate } from '../deadlines/types.ts';
import { REGIME_PERIODS, type ReportingDue } from '../plans/reporting-regime.ts';
import type { PeriodName } from './periods.ts';

const regimeSchema = z.array(z.object({ period: z.enum(REGIME_PERIODS), due: z.string().regex(/^\d{2}-\d{2}$/).optional() })).max(REGIME_PERIODS.length);

const PERIOD_START: Record<(typeof REGIME_PERIODS)[number], string> = { Q1: '01-01', Q2: '04-01', Q3: '07-01', Q4: '10-01', '6T': '01-01', '9T': '01-01', year: '01-01' };
const PERIOD_END: Record<(typeof REGIME_PERIODS)[number], string> = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31', '6T': '06-30', '9T': '09-30', year: '12-31' };

/** The regime stored with a plan (Plan.settings.reporting), or [] when it is missing or not as written by the import. */
export function parseStoredRegime(value: unknown): ReportingDue[] {
  const parsed = regimeSchema.safeParse(value);
  return parsed.success ? parsed.data.map((d) => ({ period: d.period, ...(d.due ? { due: d.due } : {}) })) : [];
}

export function periodFromRegime(regime: ReportingDue[], today: IsoDate): { name: PeriodName; year: number } | undefined {
  const thisYear = Number(today.slice(0, 4));
  let next: { name: PeriodName; year: number; due: string } | undefined;
  let last: typeof next;
  for (const year of [thisYear - 1, thisYear]) {
    for (const d of regime) {
      // Only periods already begun: on 16/12 the year's report is still the one at hand, not next June's.
      if (`${year}-${PERIOD_START[d.period]}` > today) continue;
      // A due day early in the year for a period ending late ("Q4 trước ngày 10/1") falls in the next year.
      const endDay = PERIOD_END[d.period];
      const dueYear = d.due && d.due < '03-01' && endDay > '06-30' ? year + 1 : year;
      const candidate = { name: d.period as PeriodName, year, due: `${dueYear}-${d.due ?? endDay}` };
      if (candidate.due >= today) {
        if (!next || candidate.due < next.due) next = candidate;
      } else if (!last || candidate.due > last.due) last = candidate;
    }
  }
  const pick = next ?? last;
  return pick ? { name: pick.name, year: pick.year } : undefined;
}
