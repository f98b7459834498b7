// The report a plan's regime has due next, as /export's default period: tables of regimes and days.
import { describe, expect, it } from 'vitest';
import type { ReportingDue } from '../../src/plans/reporting-regime.ts';
import { parseStoredRegime, periodFromRegime } from '../../src/reports/regime-period.ts';

const HALF_AND_YEAR: ReportingDue[] = [{ period: '6T', due: '06-15' }, { period: 'year', due: '12-15' }];
const QUARTERS: ReportingDue[] = [{ period: 'Q1' }, { period: 'Q2' }, { period: 'Q3' }, { period: 'Q4' }, { period: '6T' }, { period: 'year' }];

describe('periodFromRegime', () => {
  it.each([
    [HALF_AND_YEAR, '2024-11-26', { name: 'year', year: 2024 }],
    [HALF_AND_YEAR, '2024-12-15', { name: 'year', year: 2024 }],
    [HALF_AND_YEAR, '2024-12-16', { name: 'year', year: 2024 }],
    [HALF_AND_YEAR, '2025-01-02', { name: '6T', year: 2025 }],
    [HALF_AND_YEAR, '2025-03-01', { name: '6T', year: 2025 }],
    [HALF_AND_YEAR, '2025-06-16', { name: 'year', year: 2025 }],
    [QUARTERS, '2024-11-26', { name: 'Q4', year: 2024 }],
    [QUARTERS, '2024-05-02', { name: 'Q2', year: 2024 }],
    // A Q4 report due in January belongs to the year before.
    [[{ period: 'Q4', due: '01-10' }, { period: 'Q1', due: '04-10' }] as ReportingDue[], '2025-01-05', { name: 'Q4', year: 2024 }],
  ])('%j on %s', (regime, today, expected) => {
    expect(periodFromRegime(regime, today)).toEqual(expected);
  });

  it('no regime, no period', () => {
    expect(periodFromRegime([], '2024-11-26')).toBeUndefined();
  });
});

describe('parseStoredRegime', () => {
  it('keeps what the import wrote and drops anything else', () => {
    expect(parseStoredRegime(HALF_AND_YEAR)).toEqual(HALF_AND_YEAR);
    expect(parseStoredRegime(null)).toEqual([]);
    expect(parseStoredRegime([{ period: 'Q5' }])).toEqual([]);
    expect(parseStoredRegime([{ period: 'year', due: '15/12' }])).toEqual([]);
  });
});
