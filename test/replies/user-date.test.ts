// Dates officers type in replies ("gia hạn 1.2 20/12", "nhắc lại 1.2 thứ Hai"), read against a
// fixed today: Tuesday 26 November 2024.
import { describe, expect, it } from 'vitest';
import { parseFutureDate, parseUserDate } from '../../src/replies/user-date.ts';

const TODAY = '2024-11-26';

describe('parseUserDate', () => {
  it.each([
    ['20/12/2024', '2024-12-20'],
    ['5/12', '2024-12-05'],
    ['20/11', '2025-11-20'],
    ['ngày 5/12', '2024-12-05'],
    ['thứ Hai', '2024-12-02'],
    ['thứ 2', '2024-12-02'],
    ['T2', '2024-12-02'],
    ['thứ tư', '2024-11-27'],
    ['thứ ba tới', '2024-12-03'],
    ['thứ ba', '2024-12-03'],
    ['chủ nhật', '2024-12-01'],
    ['CN', '2024-12-01'],
    ['mai', '2024-11-27'],
    ['ngày mai', '2024-11-27'],
    ['Monday', '2024-12-02'],
    ['next Friday', '2024-11-29'],
    ['tomorrow', '2024-11-27'],
  ])('%s → %s', (text, expected) => {
    expect(parseUserDate(text, TODAY)).toBe(expected);
  });

  it.each(['thứ mười', 'mai kia nữa', 'xyz', ''])('%j is not a date', (text) => {
    expect(parseUserDate(text, TODAY)).toBeUndefined();
  });
});

describe('parseFutureDate', () => {
  it('says why a text is refused: not understood, or not after today', () => {
    expect(parseFutureDate('thứ Hai', TODAY)).toEqual({ date: '2024-12-02' });
    expect(parseFutureDate('hôm qua nữa', TODAY)).toEqual({ refusal: 'date-not-understood' });
    expect(parseFutureDate('26/11/2024', TODAY)).toEqual({ refusal: 'date-not-future' });
  });
});
