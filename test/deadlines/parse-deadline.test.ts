import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/deadlines/parse-deadline.ts';
import type { Cadence, OccurrenceRule, Schedule } from '../../src/deadlines/types.ts';

// The issue date of the Đồng Nai plan 336/KH-UBND: dates without a year resolve against it.
const REF = '2024-10-15';

type Expected = Schedule | { kind: 'unscheduled'; code: string };

function expectSchedule(text: string, expected: Expected, ref: string = REF) {
  const actual = parseDeadline(text, { ref });
  if (expected.kind === 'unscheduled') {
    expect(actual).toMatchObject({ kind: 'unscheduled', code: (expected as { code: string }).code });
    expect((actual as { reason: string }).reason.length).toBeGreaterThan(5);
  } else {
    expect(actual).toEqual(expected);
  }
}

const once = (due: string, extra: { dueTime?: string; from?: string } = {}): Schedule => ({ kind: 'once', due, ...extra });
const none = (code: string): Expected => ({ kind: 'unscheduled', code });

describe('deadline texts found in the sample plans', () => {
  const cases: Array<[string, Expected]> = [
    ['Thường xuyên', { kind: 'ongoing', checkIn: 'monthly' }],
    ['31/12/2024', once('2024-12-31')],
    ['30/9/2024', once('2024-09-30')],
    ['Quý IV năm 2024', once('2024-12-31')],
    ['Trước ngày 30/11/2024', once('2024-11-29')],
    ['Trước ngày   30/11/2024', once('2024-11-29')],
    ['Theo quy định', none('by-regulation')],
    ['Theo Kế hoạch tuyển dụng', none('by-other-document')],
    ['Theo thông báo kết quả kiểm tra', none('by-other-document')],
    ['Theo chế độ báo cáo định ký', none('unspecified-periodic')],
    ['Quý I, 6 tháng, Quý III và báo cáo năm',
      { kind: 'recurring', cadence: 'quarterly', rule: { by: 'report-periods', periods: ['Q1', 'H1', 'Q3', 'Y'] } }],
    ['Hàng quý, 06 tháng, cuối năm',
      { kind: 'recurring', cadence: 'quarterly', rule: { by: 'report-periods', periods: ['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y'] } }],
    ['hằng năm', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' } }],
    ['hàng năm', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' } }],
    ['định kỳ', none('unspecified-periodic')],
    ['trong năm 2024', once('2024-12-31')],
    ['năm 2024 và những năm tiếp theo', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' }, from: '2024-01-01' }],
    ['năm 2023 và các năm tiếp theo', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' }, from: '2023-01-01' }],
    ['đến năm 2025', once('2025-12-31')],
    ['giai đoạn 2023 - 2025', once('2025-12-31', { from: '2023-01-01' })],
    ['đột xuất', none('ad-hoc')],
    ['chậm nhất trước 05 ngày làm việc tính đến ngày VBQPPL có quy định về TTHC có hiệu lực thi hành', none('relative')],
    ['Năm 2023', once('2023-12-31')],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected));

  it('reads the report periods beside "Theo chế độ báo cáo định ký" from the action cell', () => {
    expect(parseDeadline('Theo chế độ báo cáo định ký', { context: 'Tổng hợp báo cáo CCHC Quý I, 6 tháng, Quý III và báo cáo năm.' }))
      .toEqual({ kind: 'recurring', cadence: 'quarterly', rule: { by: 'report-periods', periods: ['Q1', 'H1', 'Q3', 'Y'] } });
  });
});

describe('once: the last day on which the task is on time', () => {
  const cases: Array<[string, Expected]> = [
    ['trước ngày 01/01/2025', once('2024-12-31')],
    ['trước 30/11/2024', once('2024-11-29')],
    ['Trước ngày 1/3/2024', once('2024-02-29')],
    ['Trước ngày 1/3/2025', once('2025-02-28')],
    ['chậm nhất ngày 20/12/2024', once('2024-12-20')],
    ['chậm nhất 20/12/2024', once('2024-12-20')],
    ['hạn 15/01/2025', once('2025-01-15')],
    ['Hạn chót: 15/01/2025', once('2025-01-15')],
    ['ngày 05 tháng 01 năm 2025', once('2025-01-05')],
    ['Ngày 5 tháng 1 năm 2025', once('2025-01-05')],
    ['05-01-2025', once('2025-01-05')],
    ['5.1.2025', once('2025-01-05')],
    ['30/11/24', once('2024-11-30')],
    ['Hoàn thành trước ngày 15/12/2024.', once('2024-12-14')],
    ['trước 17h00 ngày 20/11/2024', once('2024-11-20', { dueTime: '17:00' })],
    ['trước 17 giờ ngày 20/11/2024', once('2024-11-20', { dueTime: '17:00' })],
    ['Trước 8h30, ngày 20/11/2024', once('2024-11-20', { dueTime: '08:30' })],
    ['chậm nhất 16h ngày 02/12/2024', once('2024-12-02', { dueTime: '16:00' })],
    ['Tháng 12/2024', once('2024-12-31')],
    ['tháng 12 năm 2024', once('2024-12-31')],
    ['Trong tháng 11/2024', once('2024-11-30')],
    ['trong tháng 2/2024', once('2024-02-29')],
    ['trước tháng 12/2024', once('2024-11-30')],
    ['Quý I/2025', once('2025-03-31')],
    ['Quý 3/2025', once('2025-09-30')],
    ['quý II năm 2025', once('2025-06-30')],
    ['Hoàn thành trong quý IV/2024', once('2024-12-31')],
    ['trước quý IV/2024', once('2024-09-30')],
    ['6 tháng đầu năm 2025', once('2025-06-30')],
    ['6 tháng cuối năm 2025', once('2025-12-31')],
    ['năm 2025', once('2025-12-31')],
    ['cuối năm 2024', once('2024-12-31')],
    ['2025', once('2025-12-31')],
    ['trước năm 2026', once('2025-12-31')],
    ['đến hết năm 2025', once('2025-12-31')],
    ['giai đoạn 2021-2030', once('2030-12-31', { from: '2021-01-01' })],
    ['2023 – 2025', once('2025-12-31', { from: '2023-01-01' })],
    ['từ 01/10/2024 đến 30/11/2024', once('2024-11-30', { from: '2024-10-01' })],
    ['Từ ngày 01/10 đến ngày 30/11/2024', once('2024-11-30', { from: '2024-10-01' })],
    ['01/10/2024 - 30/11/2024', once('2024-11-30', { from: '2024-10-01' })],
    ['Từ tháng 3 đến tháng 6/2025', once('2025-06-30', { from: '2025-03-01' })],
    ['tháng 10-11/2024', once('2024-11-30', { from: '2024-10-01' })],
    ['Quý III - IV/2024', once('2024-12-31', { from: '2024-07-01' })],
    ['Từ 01/12/2024 đến 15/01/2025', once('2025-01-15', { from: '2024-12-01' })],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected));
});

describe('parts of a month: the first, middle or last ten days, not the whole month', () => {
  const cases: Array<[string, Expected]> = [
    ['Đầu tháng 12/2024', once('2024-12-10')],
    ['đầu tháng 12 năm 2024', once('2024-12-10')],
    ['Thượng tuần tháng 3/2025', once('2025-03-10')],
    ['Giữa tháng 12/2024', once('2024-12-20')],
    ['trung tuần tháng 01/2025', once('2025-01-20')],
    ['Hạ tuần tháng 2/2024', once('2024-02-29')],
    ['Cuối tháng 12/2024', once('2024-12-31')],
    ['Trước đầu tháng 12/2024', once('2024-11-30')],
    ['Đầu tháng 13/2024', none('impossible-date')],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected));
});

describe('a time of day written after the date', () => {
  const cases: Array<[string, Expected]> = [
    ['Ngày 15/12/2024, trước 17h00', once('2024-12-15', { dueTime: '17:00' })],
    ['15/12/2024 lúc 16 giờ 30', once('2024-12-15', { dueTime: '16:30' })],
    ['15/12/2024, 17:00', once('2024-12-15', { dueTime: '17:00' })],
    // "trước" governs the date here, so the day before; the hour is not kept.
    ['Trước ngày 15/12/2024 lúc 17h', once('2024-12-14')],
    ['ngày 15/12/2024, 25h', once('2024-12-15')],
    ['30/11/2024: 2 giai đoạn', once('2024-11-30')],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected));
});

describe('dates without a year: the first such date on or after the plan date', () => {
  const cases: Array<[string, string, Expected]> = [
    ['trước ngày 15/12', '2024-10-15', once('2024-12-14')],
    ['trước ngày 15/3', '2024-10-15', once('2025-03-14')],
    ['ngày 15/10', '2024-10-15', once('2024-10-15')],
    ['hạn 20/01', '2024-10-15', once('2025-01-20')],
    ['ngày 15 tháng 12', '2024-10-15', once('2024-12-15')],
    ['trong tháng 11', '2024-10-15', once('2024-11-30')],
    ['tháng 9', '2024-10-15', once('2025-09-30')],
    ['Quý IV', '2024-10-15', once('2024-12-31')],
    ['quý I', '2024-10-15', once('2025-03-31')],
    ['6 tháng đầu năm', '2024-10-15', once('2025-06-30')],
    ['cuối năm', '2024-10-15', once('2024-12-31')],
    ['trước ngày 29/02', '2025-03-01', once('2028-02-28')],
    ['đầu tháng 12', '2024-10-15', once('2024-12-10')],
    ['giữa tháng 3', '2024-10-15', once('2025-03-20')],
  ];
  it.each(cases)('%j with ref %s', (text, ref, expected) => expectSchedule(text, expected, ref));

  it('is unscheduled, with the reason, when no reference date is given', () => {
    expect(parseDeadline('trước ngày 15/12')).toMatchObject({ kind: 'unscheduled', code: 'missing-year' });
  });
});

describe('recurring', () => {
  const cases: Array<[string, Expected]> = [
    ['hằng tuần', { kind: 'recurring', cadence: 'weekly', rule: { by: 'period-end' } }],
    ['Thứ Sáu hằng tuần', { kind: 'recurring', cadence: 'weekly', rule: { by: 'weekday', isoWeekday: 5 } }],
    ['thứ 2 hàng tuần', { kind: 'recurring', cadence: 'weekly', rule: { by: 'weekday', isoWeekday: 1 } }],
    ['Chủ nhật hằng tuần', { kind: 'recurring', cadence: 'weekly', rule: { by: 'weekday', isoWeekday: 7 } }],
    ['vào thứ Năm mỗi tuần', { kind: 'recurring', cadence: 'weekly', rule: { by: 'weekday', isoWeekday: 4 } }],
    ['hàng tháng', { kind: 'recurring', cadence: 'monthly', rule: { by: 'period-end' } }],
    ['Định kỳ hằng tháng', { kind: 'recurring', cadence: 'monthly', rule: { by: 'period-end' } }],
    ['trước ngày 10 hằng tháng', { kind: 'recurring', cadence: 'monthly', rule: { by: 'day-of-month', day: 9 } }],
    ['ngày 25 hàng tháng', { kind: 'recurring', cadence: 'monthly', rule: { by: 'day-of-month', day: 25 } }],
    ['Báo cáo trước ngày 20 của mỗi tháng', { kind: 'recurring', cadence: 'monthly', rule: { by: 'day-of-month', day: 19 } }],
    ['hằng quý', { kind: 'recurring', cadence: 'quarterly', rule: { by: 'period-end' } }],
    ['định kỳ hàng quý', { kind: 'recurring', cadence: 'quarterly', rule: { by: 'period-end' } }],
    ['trước ngày 15 hằng quý', { kind: 'recurring', cadence: 'quarterly', rule: { by: 'day-of-month', day: 14 } }],
    ['định kỳ 6 tháng', { kind: 'recurring', cadence: 'semiannual', rule: { by: 'period-end' } }],
    ['6 tháng/lần', { kind: 'recurring', cadence: 'semiannual', rule: { by: 'period-end' } }],
    ['Báo cáo 6 tháng và năm', { kind: 'recurring', cadence: 'semiannual', rule: { by: 'report-periods', periods: ['H1', 'Y'] } }],
    ['định kỳ hằng năm', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' } }],
    ['thường niên', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' } }],
    ['trước ngày 15/01 hằng năm', { kind: 'recurring', cadence: 'yearly', rule: { by: 'day-of-year', month: 1, day: 14 } }],
    ['ngày 15/12 hàng năm', { kind: 'recurring', cadence: 'yearly', rule: { by: 'day-of-year', month: 12, day: 15 } }],
    ['hằng quý năm 2025',
      { kind: 'recurring', cadence: 'quarterly', rule: { by: 'period-end' }, from: '2025-01-01', until: '2025-12-31' }],
    ['Hằng tháng, đến hết năm 2025', { kind: 'recurring', cadence: 'monthly', rule: { by: 'period-end' }, until: '2025-12-31' }],
    ['Báo cáo quý I, quý II, quý III, quý IV',
      { kind: 'recurring', cadence: 'quarterly', rule: { by: 'report-periods', periods: ['Q1', 'Q2', 'Q3', 'Q4'] } }],
    ['Kiểm tra định kỳ hằng năm và đột xuất', { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' } }],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected));
});

// A plan issued on 1 March 2025: the reference date of the phrasings below.
const REF_2025 = '2025-03-01';
const every = (cadence: Cadence, rule: OccurrenceRule, extra: { from?: string; until?: string } = {}): Schedule =>
  ({ kind: 'recurring', cadence, rule, ...extra });

describe('a day inside each period: "trước ngày N" is day N-1, "ngày N" day N', () => {
  const cases: Array<[string, Expected]> = [
    ['Hằng tháng, trước ngày 22', every('monthly', { by: 'day-of-month', day: 21 })],
    ['Hằng tháng, ngày 5', every('monthly', { by: 'day-of-month', day: 5 })],
    ['hằng tháng, chậm nhất ngày 25', every('monthly', { by: 'day-of-month', day: 25 })],
    ['Báo cáo hằng tháng trước ngày 22', every('monthly', { by: 'day-of-month', day: 21 })],
    ['Hằng tháng, trước ngày 5 của tháng sau', every('monthly', { by: 'day-of-next-month', day: 4 })],
    // A start date after the cadence is the schedule's window, not its day.
    ['hằng tháng từ ngày 01/7/2025', every('monthly', { by: 'period-end' }, { from: '2025-07-01' })],
    ['trước ngày 10 tháng cuối quý', every('quarterly', { by: 'day-of-month', day: 9 })],
    ['Định kỳ hằng quý (trước ngày 20 tháng cuối quý)', every('quarterly', { by: 'day-of-month', day: 19 })],
    ['Hằng quý, trước ngày 20', every('quarterly', { by: 'day-of-month', day: 19 })],
    ['trước ngày 15 của tháng đầu quý sau', every('quarterly', { by: 'day-of-next-month', day: 14 })],
    ['hằng quý, trước ngày 15 tháng đầu quý sau', every('quarterly', { by: 'day-of-next-month', day: 14 })],
    // The day before the 1st of the next quarter is the quarter's last day.
    ['trước ngày 1 tháng đầu quý sau', every('quarterly', { by: 'period-end' })],
    ['trước ngày 20 tháng 6 và tháng 12 hằng năm', every('semiannual', { by: 'day-of-month', day: 19 })],
    ['ngày 15/3, 15/6, 15/9 và 15/12 hằng năm', every('quarterly', { by: 'day-of-month', day: 15 })],
    ['tháng 6 và tháng 12 hằng năm', every('semiannual', { by: 'period-end' })],
    ['ngày 30/6 và 31/12 hằng năm', every('semiannual', { by: 'day-of-month', day: 31 })],
    ['ngày 15/01 và 15/7 hằng năm', every('semiannual', { by: 'days-of-year', days: [{ month: 1, day: 15 }, { month: 7, day: 15 }] })],
    ['Trước ngày 15/12 hằng năm', every('yearly', { by: 'day-of-year', month: 12, day: 14 })],
    ['hằng năm, trước ngày 31/3', every('yearly', { by: 'day-of-year', month: 3, day: 30 })],
    ['trước ngày 1/7 hằng năm', every('yearly', { by: 'day-of-year', month: 6, day: 30 })],
    ['Tháng 9 hằng năm', every('yearly', { by: 'day-of-year', month: 9, day: 30 })],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected, REF_2025));
});

describe('several dates in one text: each is due', () => {
  const cases: Array<[string, string, Expected]> = [
    ['trước ngày 10/6 và 10/12', REF_2025, every('semiannual', { by: 'dates', dates: ['2025-06-09', '2025-12-09'] })],
    ['ngày 15/3, 15/6, 15/9 và 15/12', REF_2025,
      every('quarterly', { by: 'dates', dates: ['2025-03-15', '2025-06-15', '2025-09-15', '2025-12-15'] })],
    ['30/6/2025; 31/12/2025', REF_2025, every('semiannual', { by: 'dates', dates: ['2025-06-30', '2025-12-31'] })],
    ['Trước ngày 20 tháng 6 và tháng 12', REF_2025, every('semiannual', { by: 'dates', dates: ['2025-06-19', '2025-12-19'] })],
    ['trước ngày 10/6 và 10/12 năm 2025', REF_2025, every('semiannual', { by: 'dates', dates: ['2025-06-09', '2025-12-09'] })],
    ['ngày 15 tháng 3 và ngày 15 tháng 9 năm 2025', REF_2025, every('semiannual', { by: 'dates', dates: ['2025-03-15', '2025-09-15'] })],
    // The year written on the first date carries to the next.
    ['30/6/2025 và 31/12', '2024-10-15', every('semiannual', { by: 'dates', dates: ['2025-06-30', '2025-12-31'] })],
    // Read in August, June's date is the next year's: each is the first such date on or after the plan date.
    ['trước ngày 10/6 và 10/12', '2025-08-01', every('semiannual', { by: 'dates', dates: ['2025-12-09', '2026-06-09'] })],
    ['ngày 31/12/2025 và 31/12/2025', REF_2025, once('2025-12-31')],
  ];
  it.each(cases)('%j with ref %s', (text, ref, expected) => expectSchedule(text, expected, ref));

  it('is unscheduled, with the reason, when the dates have no year and no reference date is given', () => {
    expect(parseDeadline('trước ngày 10/6 và 10/12')).toMatchObject({ kind: 'unscheduled', code: 'missing-year' });
  });
});

describe('the old spelling "Quí" reads like "Quý"', () => {
  const cases: Array<[string, Expected]> = [
    ['Quí III/2025', once('2025-09-30')],
    ['Quí IV năm 2025', once('2025-12-31')],
    ['quí 2/2025', once('2025-06-30')],
    ['Quí I, II/2026', once('2026-06-30', { from: '2026-01-01' })],
    ['hằng quí', every('quarterly', { by: 'period-end' })],
    ['Theo qui định', none('by-regulation')],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected, REF_2025));
});

describe('ranges across quarters and years keep their start', () => {
  const cases: Array<[string, Expected]> = [
    ['Quý IV/2025 - Quý II/2026', once('2026-06-30', { from: '2025-10-01' })],
    ['2026-2030', once('2030-12-31', { from: '2026-01-01' })],
    ['Giai đoạn 2026 - 2030', once('2030-12-31', { from: '2026-01-01' })],
    ['Năm 2025 - 2026', once('2026-12-31', { from: '2025-01-01' })],
    ['Từ năm 2025 đến năm 2030', once('2030-12-31', { from: '2025-01-01' })],
    ['Tháng 3 - tháng 6/2025', once('2025-06-30', { from: '2025-03-01' })],
    ['từ tháng 7/2025 đến tháng 12/2025', once('2025-12-31', { from: '2025-07-01' })],
    ['Quý II, III/2025', once('2025-09-30', { from: '2025-04-01' })],
    ['Quý III và IV năm 2025', once('2025-12-31', { from: '2025-07-01' })],
    ['2026', once('2026-12-31')],
    ['Năm 2026', once('2026-12-31')],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected, REF_2025));
});

describe('phrasings from other provinces\' plans', () => {
  const cases: Array<[string, Expected]> = [
    ['Quý I/2026', once('2026-03-31')],
    ['Tháng 6/2025', once('2025-06-30')],
    ['Trước 30/6/2025', once('2025-06-29')],
    ['Hoàn thành trong Quý III/2025', once('2025-09-30')],
    ['06 tháng đầu năm 2025', once('2025-06-30')],
    ['Trong tháng 12/2025', once('2025-12-31')],
    ['Năm 2025 và các năm tiếp theo', every('yearly', { by: 'period-end' }, { from: '2025-01-01' })],
    ['Từ năm 2025', every('yearly', { by: 'period-end' }, { from: '2025-01-01' })],
    ['Từ năm 2025 trở đi', every('yearly', { by: 'period-end' }, { from: '2025-01-01' })],
    ['Thường xuyên, hằng năm', every('yearly', { by: 'period-end' })],
    ['Cả năm', once('2025-12-31')],
    ['Cả năm 2025', once('2025-12-31')],
    ['Theo tiến độ của Bộ', none('by-other-document')],
    ['Sau khi có hướng dẫn', none('by-other-document')],
    // A start alone, with no end and no "each year", is no deadline.
    ['Từ tháng 7/2025', none('not-understood')],
    // Month and year without "tháng", as some plans write them.
    ['6/2025', once('2025-06-30')],
    ['03/2025', once('2025-03-31')],
    ['6/2025 - 9/2025', once('2025-09-30', { from: '2025-06-01' })],
    // ... but a document number is not a month.
    ['Kế hoạch 05/2024', none('not-understood')],
    ['Sau khi có Quy chế của TW', none('by-other-document')],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected, REF_2025));
});

describe('ongoing', () => {
  const cases: Array<[string, Expected]> = [
    ['THƯỜNG XUYÊN', { kind: 'ongoing', checkIn: 'monthly' }],
    ['thường xuyên, liên tục', { kind: 'ongoing', checkIn: 'monthly' }],
    ['Thực hiện thường xuyên', { kind: 'ongoing', checkIn: 'monthly' }],
    ['hằng ngày', { kind: 'ongoing', checkIn: 'monthly' }],
    ['Thường xuyên đến năm 2025', { kind: 'ongoing', checkIn: 'monthly', until: '2025-12-31' }],
    ['Thường xuyên trong năm 2024', { kind: 'ongoing', checkIn: 'monthly', until: '2024-12-31' }],
  ];
  it.each(cases)('%j', (text, expected) => expectSchedule(text, expected));
});

describe('unscheduled, with a reason', () => {
  const cases: Array<[string, string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['-', 'empty'],
    ['Theo quy định của pháp luật', 'by-regulation'],
    ['Đúng thời gian quy định', 'by-regulation'],
    ['theo kế hoạch của UBND tỉnh', 'by-other-document'],
    ['Theo văn bản chỉ đạo', 'by-other-document'],
    ['Theo yêu cầu', 'by-other-document'],
    ['Đột xuất', 'ad-hoc'],
    ['Khi có yêu cầu', 'ad-hoc'],
    ['Trong vòng 15 ngày kể từ ngày nhận được văn bản', 'relative'],
    ['31/02/2024', 'impossible-date'],
    ['Trước ngày 31/02/2024', 'impossible-date'],
    ['32/12/2024', 'impossible-date'],
    ['15/13/2024', 'impossible-date'],
    ['ngày 30 tháng 2 năm 2025', 'impossible-date'],
    ['Chưa xác định', 'not-understood'],
    ['Theo dõi thi hành pháp luật (TDTHPL)', 'not-understood'],
    ['07/07', 'not-understood'],
    ['chi thường xuyên', 'not-understood'],
  ];
  it.each(cases)('%j → %s', (text, code) => expectSchedule(text, none(code)));
});

describe('what real documents contain', () => {
  it('reads the same schedule whatever the Unicode normalisation (NFC or NFD)', () => {
    const text = 'Trước ngày 30/11/2024, Quý IV năm 2024';
    expect(parseDeadline(text.normalize('NFD'), { ref: REF })).toEqual(parseDeadline(text.normalize('NFC'), { ref: REF }));
    expect(parseDeadline('Thường xuyên'.normalize('NFD'))).toEqual({ kind: 'ongoing', checkIn: 'monthly' });
  });

  it('reads old and new tone-mark placement alike ("hoá"/"hóa")', () => {
    expect(parseDeadline('Theo quy định hoá')).toEqual(parseDeadline('Theo quy định hóa'));
  });

  it('reads text typed without diacritics', () => {
    expect(parseDeadline('truoc ngay 30/11/2024')).toEqual(once('2024-11-29'));
    expect(parseDeadline('thuong xuyen')).toEqual({ kind: 'ongoing', checkIn: 'monthly' });
  });

  it('ignores HTML left by the conversion and stray punctuation', () => {
    expect(parseDeadline('<p>Trước ngày 30/11/2024.</p>')).toEqual(once('2024-11-29'));
    expect(parseDeadline('- 31/12/2024;')).toEqual(once('2024-12-31'));
  });

  it('never takes the date of a legal citation as a deadline', () => {
    expect(parseDeadline('Theo Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng')).toMatchObject({ kind: 'unscheduled' });
    expect(parseDeadline('Thực hiện theo Kế hoạch số 132/KH-UBND ngày 05/7/2024, hoàn thành trước 30/11/2024'))
      .toEqual(once('2024-11-29'));
    expect(parseDeadline('Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021; trong năm 2024')).toEqual(once('2024-12-31'));
    expect(parseDeadline('theo Nghị định 09/2019/NĐ-CP, hằng quý'))
      .toEqual({ kind: 'recurring', cadence: 'quarterly', rule: { by: 'period-end' } });
  });

  it('takes "chi thường xuyên" for a budget term, not a cadence', () => {
    expect(parseDeadline('Tự bảo đảm chi thường xuyên trong năm 2025')).toEqual(once('2025-12-31'));
  });

  it('never reads a blank template "ngày / /2024" as a date', () => {
    expect(parseDeadline('Số: /KH-UBND, ngày / /2024')).toMatchObject({ kind: 'unscheduled' });
  });

  it('takes the latest of several deadlines as the due date', () => {
    expect(parseDeadline('Sơ kết trước 30/6/2025, tổng kết trước 15/12/2025')).toEqual(once('2025-12-14'));
  });
});
