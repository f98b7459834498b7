// What follows /export: plan and period in either order, periods as offices write them,
// and the period keys buttons carry read back to the same period.
import { describe, expect, it } from 'vitest';
import { parseExportArgs, periodOfArgs } from '../../src/reports/export-args.ts';
import { parsePeriod, parsePeriodKey, PeriodError, periodKey } from '../../src/reports/periods.ts';

describe('parseExportArgs', () => {
  it.each([
    ['', {}],
    ['336/KH-UBND', { planRef: '336/KH-UBND' }],
    ['336 Q3', { planRef: '336', period: { name: 'Q3' } }],
    ['q3 336', { planRef: '336', period: { name: 'Q3' } }],
    ['336/KH-UBND quý 3', { planRef: '336/KH-UBND', period: { name: 'Q3' } }],
    ['Quý IV/2024', { period: { name: 'Q4', year: 2024 } }],
    ['6 tháng 2025 12', { planRef: '12', period: { name: '6T', year: 2025 } }],
    ['9T-2024', { period: { name: '9T', year: 2024 } }],
    ['năm 2024', { period: { name: 'year', year: 2024 } }],
    ['cả năm', { period: { name: 'year' } }],
    ['2024', { planRef: '2024' }],
    ['12 2024-10-01..2025-03-31', { planRef: '12', period: { range: '2024-10-01..2025-03-31' } }],
    ['12 1/10/2024..31/03/2025', { planRef: '12', period: { range: '2024-10-01..2025-03-31' } }],
    ['336 docx', { planRef: '336', format: 'docx' }],
    ['Word 336 Q1', { planRef: '336', period: { name: 'Q1' }, format: 'docx' }],
    ['336 6T xlsx', { planRef: '336', period: { name: '6T' }, format: 'xlsx' }],
    ['.DOCX year', { period: { name: 'year' }, format: 'docx' }],
  ])('reads %j', (text, expected) => {
    expect(parseExportArgs(text)).toEqual(expected);
  });

  it.each(['336 12', 'Q1 Q2', '336 Q1 năm', '336 docx xlsx'])('refuses %j (two plans, two periods or two formats)', (text) => {
    expect(parseExportArgs(text)).toBeUndefined();
  });
});

describe('periodOfArgs', () => {
  const today = '2024-11-26';
  it('without a period: the current quarter', () => {
    expect(periodOfArgs({}, { today, defaultYear: 2023 })).toMatchObject({ kind: 'Q4', year: 2024, from: '2024-10-01', to: '2024-12-31' });
  });
  it('a named period without a year takes the default year; with one, its own', () => {
    expect(periodOfArgs({ period: { name: '6T' } }, { today, defaultYear: 2023 })).toMatchObject({ kind: '6T', year: 2023 });
    expect(periodOfArgs({ period: { name: 'Q1', year: 2024 } }, { today, defaultYear: 2023 })).toMatchObject({ kind: 'Q1', year: 2024, to: '2024-03-31' });
  });
  it('a range backwards is a PeriodError', () => {
    expect(() => periodOfArgs({ period: { range: '2024-12-31..2024-01-01' } }, { today, defaultYear: 2024 })).toThrow(PeriodError);
  });
});

describe('period keys', () => {
  const today = '2025-02-10';
  it.each(['Q1', 'Q4', '6T', '9T', 'year', '2024-10-01..2025-03-31', undefined])('%s reads back as the same period', (text) => {
    const period = parsePeriod(text, { year: 2024, today });
    const key = periodKey(period);
    expect(key.length).toBeLessThanOrEqual(22);
    const back = parsePeriodKey(key, today);
    expect([back.from, back.to]).toEqual([period.from, period.to]);
  });
  it('refuses anything else', () => {
    expect(() => parsePeriodKey('Q5-2024', today)).toThrow(PeriodError);
  });
});
