// The typed schedule the deadline engine derives from a plan's deadline text.
// Dates are civil dates "YYYY-MM-DD" in the working calendar's time zone: a
// deadline is a day on the office calendar, not an instant.

export type IsoDate = string;

export type Cadence = 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'yearly';

/** How each occurrence of a recurring schedule gets its due date. */
export type OccurrenceRule =
  /** Last day of each period (default). */
  | { by: 'period-end' }
  /** A day of the month ("trước ngày 10 hằng tháng" → day 9). For quarterly/semiannual/yearly: day of the period's last month. */
  | { by: 'day-of-month'; day: number }
  /** ISO weekday (1 = Monday) of each week ("Thứ Sáu hằng tuần"). */
  | { by: 'weekday'; isoWeekday: number }
  /** Named report periods of a year, each due at its period end: "Quý I, 6 tháng, Quý III và báo cáo năm". */
  | { by: 'report-periods'; periods: ReportPeriod[] }
  /** A fixed day of the year for yearly schedules ("trước ngày 15/01 hằng năm" → 14 January). */
  | { by: 'day-of-year'; month: number; day: number };

export type ReportPeriod = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'Y';

/** Why a text gives no date; the product asks the monitoring unit to set one. */
export type UnscheduledCode =
  | 'empty'
  | 'by-regulation'
  | 'by-other-document'
  | 'ad-hoc'
  | 'relative'
  | 'unspecified-periodic'
  | 'impossible-date'
  | 'missing-year'
  | 'not-understood';

export type Schedule =
  | { kind: 'once'; due: IsoDate; dueTime?: string; from?: IsoDate }
  | { kind: 'recurring'; cadence: Cadence; rule: OccurrenceRule; from?: IsoDate; until?: IsoDate }
  | { kind: 'ongoing'; checkIn: Cadence; until?: IsoDate }
  | { kind: 'unscheduled'; reason: string; code?: UnscheduledCode };

export type ScheduleKind = Schedule['kind'];
