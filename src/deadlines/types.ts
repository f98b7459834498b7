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
  | { by: 'day-of-year'; month: number; day: number }
  /**
   * A day of the month after each period ("trước ngày 15 của tháng đầu quý sau" → 14 April for
   * the first quarter): a report on a period is due once the period is over.
   */
  | { by: 'day-of-next-month'; day: number }
  /** Several days of each year that follow no period ("ngày 15/01 và 15/7 hằng năm"), ascending. */
  | { by: 'days-of-year'; days: MonthDay[] }
  /**
   * Dates listed in the text, each due once ("trước ngày 10/6 và 10/12", "30/6/2025; 31/12/2025"),
   * ascending. A recurring schedule rather than a kind of its own: every consumer already
   * treats a recurring task as a series of occurrences (a reminder series per date, reports
   * "completed through" a date, no single due date to extend), which is what such a task is.
   * Its cadence is the one nearest the shortest gap between two dates, for display only.
   */
  | { by: 'dates'; dates: IsoDate[] };

export interface MonthDay {
  month: number;
  day: number;
}

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
