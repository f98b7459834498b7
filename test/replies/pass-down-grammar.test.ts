import { describe, expect, it } from 'vitest';
import { parsePassDownArgs, parsePassDownText, splitUnitWords } from '../../src/replies/pass-down-grammar.ts';

describe('/giao arguments', () => {
  it.each([
    ['1.2 #15', { code: '1.2', target: { kind: 'officer', officerId: 15 } }],
    ['1.2 #15 20/12', { code: '1.2', target: { kind: 'officer', officerId: 15 }, dateText: '20/12' }],
    ['1.2 #15 20/12/2024 gửi trước thứ Sáu', { code: '1.2', target: { kind: 'officer', officerId: 15 }, dateText: '20/12/2024', note: 'gửi trước thứ Sáu' }],
    ['1.2 #15 làm gấp', { code: '1.2', target: { kind: 'officer', officerId: 15 }, note: 'làm gấp' }],
    ['1.2 Phòng Nội vụ 20/12 ghi chú', { code: '1.2', target: { kind: 'unit', words: ['Phòng', 'Nội', 'vụ'], noteFollows: false }, dateText: '20/12', note: 'ghi chú' }],
    ['1.2 Phòng Nội vụ', { code: '1.2', target: { kind: 'unit', words: ['Phòng', 'Nội', 'vụ'], noteFollows: true } }],
    ['PL2 1.2 Phòng Nội vụ', { code: 'PL2 1.2', target: { kind: 'unit', words: ['Phòng', 'Nội', 'vụ'], noteFollows: true } }],
    ['II.1 #3', { code: 'II.1', target: { kind: 'officer', officerId: 3 } }],
  ])('%s', (text, expected) => {
    expect(parsePassDownArgs(text)).toEqual(expected);
  });

  it.each([[''], ['1.2'], ['Phòng Nội vụ 1.2'], ['1.2 #0'], ['1.2 #99999999999']])('"%s" is not a pass-down', (text) => {
    expect(parsePassDownArgs(text)).toBeUndefined();
  });

  it('reads "giao …" and "assign …" typed as text, and nothing else', () => {
    expect(parsePassDownText('giao 1.2 #15')).toEqual({ code: '1.2', target: { kind: 'officer', officerId: 15 } });
    expect(parsePassDownText('Assign 1.2 #15')).toEqual({ code: '1.2', target: { kind: 'officer', officerId: 15 } });
    expect(parsePassDownText('/giao 1.2 #15')).toEqual({ code: '1.2', target: { kind: 'officer', officerId: 15 } });
    expect(parsePassDownText('xong 1.2')).toBeUndefined();
  });
});

describe('a unit name and the note after it', () => {
  const units = new Set(['Phòng Nội vụ', 'Phòng Nội vụ Tổng hợp', 'Văn phòng']);
  const isUnit = (name: string) => units.has(name);
  it.each([
    [['Phòng', 'Nội', 'vụ'], true, { unitName: 'Phòng Nội vụ' }],
    [['Phòng', 'Nội', 'vụ', 'làm', 'gấp'], true, { unitName: 'Phòng Nội vụ', note: 'làm gấp' }],
    [['Phòng', 'Nội', 'vụ', 'Tổng', 'hợp'], true, { unitName: 'Phòng Nội vụ Tổng hợp' }],
    [['Văn', 'phòng', 'Tổng', 'hợp'], false, undefined],
    [['Phòng', 'Tư', 'pháp'], true, undefined],
  ])('%j (note may follow: %s)', (words, noteFollows, expected) => {
    expect(splitUnitWords({ kind: 'unit', words, noteFollows }, isUnit)).toEqual(expected);
  });
});
