import { describe, expect, it } from 'vitest';
import { editDistance, suggestUnits, type UnitSpelling } from '../../src/plans/unit-suggest.ts';
import { unitKey } from '../../src/plans/unit-names.ts';

const unit = (name: string, ...aliases: string[]): UnitSpelling => ({ name, keys: [name, ...aliases].map(unitKey) });
const UNITS = [
  unit('Văn phòng - Thống kê', 'Văn phòng HĐND - UBND'),
  unit('Tư pháp - Hộ tịch'),
  unit('Tài chính - Kế toán'),
  unit('Văn hóa - Thông tin'),
  unit('Địa chính - Xây dựng'),
];

describe('did you mean a unit', () => {
  it('counts edits in characters', () => {
    expect(editDistance('tu phap', 'tu phap')).toBe(0);
    expect(editDistance('tu phap', 'tu phat')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it.each([
    ['Van phong Thong ke', 'Văn phòng - Thống kê'],
    ['Văn phòng - Thông kê', 'Văn phòng - Thống kê'],
    ['Van phog thong ke', 'Văn phòng - Thống kê'],
    ['Tu phat ho tich', 'Tư pháp - Hộ tịch'],
    ['Tài chánh - Kế toán', 'Tài chính - Kế toán'],
    ['dia chinh', 'Địa chính - Xây dựng'],
    ['Văn phòng HĐND-UBND xã', 'Văn phòng - Thống kê'],
  ])('%s → %s first', (typed, expected) => {
    expect(suggestUnits(typed, UNITS)[0]).toBe(expected);
  });

  it('suggests nothing for a name unlike any unit, and at most three', () => {
    expect(suggestUnits('Công an xã', UNITS)).toEqual([]);
    expect(suggestUnits('', UNITS)).toEqual([]);
    const many = Array.from({ length: 6 }, (_, i) => unit(`Tổ công tác số ${i + 1}`));
    expect(suggestUnits('to cong tac', many)).toHaveLength(3);
  });
});
