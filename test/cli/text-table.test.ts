import { describe, expect, it } from 'vitest';
import { renderTable, shorten, textWidth, wrapText } from '../../src/cli/text-table.ts';
import { lastDueDate, planPreview } from '../../src/plans/plan-preview.ts';
import type { ImportedRow } from '../../src/plans/parse-plan.ts';
import { displayDate, displayZonedInstant } from '../../src/cli/cli-text.ts';

describe('plain-text tables', () => {
  it('counts a decomposed Vietnamese letter as one column', () => {
    expect(textWidth('Hộ tịch'.normalize('NFD'))).toBe(7);
  });
  it.each([
    ['Văn phòng - Thống kê', 10, ['Văn phòng', '- Thống kê']],
    ['Trước ngày 30/6/2026', 22, ['Trước ngày 30/6/2026']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['', 5, ['']],
  ])('wraps %j at %i columns', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
  it.each([
    ['Số hóa hồ sơ', 20, 'Số hóa hồ sơ'],
    ['Rà soát, đánh giá thủ tục hành chính lĩnh vực đất đai', 30, 'Rà soát, đánh giá thủ tục…'],
    ['Mộttừrấtdàikhôngcódấucáchnàocả', 10, 'Mộttừrấtd…'],
  ])('shortens %j to %i at a word', (text, max, out) => {
    expect(shorten(text, max)).toBe(out);
    expect(textWidth(shorten(text, max))).toBeLessThanOrEqual(max);
  });
  it('lines up wrapped cells row by row', () => {
    expect(renderTable([{ header: 'A', width: 3 }, { header: 'B', width: 5 }], [['1', 'xx yy zz'], ['2', ['p', 'q']]])).toEqual([
      'A    B',
      '---  -----',
      '1    xx yy',
      '     zz',
      '2    p',
      '     q',
    ]);
  });
  it('writes dates as clerks do', () => {
    expect(displayDate('2026-06-29')).toBe('29/06/2026');
    expect(displayZonedInstant('2026-12-15T08:00:00+07:00')).toBe('15/12/2026 08:00');
  });
});

describe('plan preview (pure)', () => {
  const task = (code: string, deadline: ImportedRow['deadline'], units: Partial<ImportedRow['units']> = {}) =>
    ({ code, path: code, title: code, deadline, units: { lead: [], coordinate: [], monitor: [], execute: [], ...units } }) as unknown as ImportedRow;
  it.each([
    [{ kind: 'once', due: '2026-06-29' }, '2026-06-29'],
    [{ kind: 'recurring', cadence: 'quarterly', rule: { by: 'period-end' }, until: '2026-12-31' }, '2026-12-31'],
    [{ kind: 'recurring', cadence: 'semiannual', rule: { by: 'dates', dates: ['2026-06-30', '2026-12-31'] } }, '2026-12-31'],
    [{ kind: 'ongoing', checkIn: 'monthly', until: '2026-12-31' }, undefined],
    [{ kind: 'unscheduled', reason: 'x' }, undefined],
  ] as const)('the last due date of %j is %s', (schedule, last) => {
    expect(lastDueDate(schedule as never)).toBe(last);
  });
  it('counts overdue against the day given, unscheduled and derived; "thực hiện" units lead where no lead is named', () => {
    const preview = planPreview(
      {
        tasks: [
          task('1', { kind: 'once', due: '2026-06-29', raw: 'Trước ngày 30/6/2026' }, { lead: ['A'] }),
          task('2', { kind: 'once', due: '2026-12-30', raw: null, derived: true }, { execute: ['B'] }),
          task('3', { kind: 'unscheduled', reason: 'x', raw: 'Theo quy định' }),
        ],
      },
      '2026-12-03',
    );
    expect(preview).toMatchObject({ overdue: 1, unscheduled: 1, derived: 1 });
    expect(preview.rows.map((r) => [r.code, r.overdue, r.lead])).toEqual([['1', true, ['A']], ['2', false, ['B']], ['3', false, []]]);
    expect(planPreview({ tasks: [task('1', { kind: 'once', due: '2026-06-29', raw: null })] }, '2026-06-29').overdue).toBe(0);
  });
});
