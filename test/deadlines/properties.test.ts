import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/calendar/civil-date.ts';
import { occurrenceDates } from '../../src/deadlines/occurrences.ts';
import { parseDeadline } from '../../src/deadlines/parse-deadline.ts';

// Pieces of real deadline texts, glued at random: covers the parser's paths far better than noise.
const WORDS = [
  'Trước', 'trước', 'ngày', 'tháng', 'năm', 'Quý', 'quý', 'I', 'II', 'III', 'IV', '6 tháng', 'đầu năm', 'cuối năm',
  'hằng', 'hàng', 'tuần', 'Thứ Sáu', 'định kỳ', 'định ký', 'Thường xuyên', 'chi thường xuyên', 'Theo quy định',
  'đến', 'từ', 'giai đoạn', 'và', 'những năm tiếp theo', 'đột xuất', 'Quyết định số 1847/QĐ-TTg', 'chậm nhất', 'hạn',
  '17h00', ',', '-', '/', ' ', '  ', '\t', '.', 'x', '<p>', 'ủy', 'uỷ', 'hoá', 'hóa',
  'Quí', 'quí', ';', 'tháng cuối quý', 'tháng đầu quý sau', 'của tháng sau', 'cả năm', 'trở đi', 'Sau khi có hướng dẫn',
];
const number = fc.integer({ min: 0, max: 3000 }).map(String);
const dateLike = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1980, max: 2110 }))
  .map(([d, m, y]) => `${d}/${m}/${y}`);
const deadlineLike = fc.array(fc.oneof(fc.constantFrom(...WORDS), number, dateLike), { maxLength: 12 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), deadlineLike);
const ref = fc.option(fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)), { nil: undefined });
const RUNS = { numRuns: 2_000 };

describe('parseDeadline, for any text', () => {
  it('never throws and always returns a schedule of a known kind', () => {
    fc.assert(fc.property(anyText, ref, (text, r) => {
      const s = parseDeadline(text, r ? { ref: r } : {});
      expect(['once', 'recurring', 'ongoing', 'unscheduled']).toContain(s.kind);
      // The parser's own safety net must never be what kept it from throwing.
      if (s.kind === 'unscheduled') expect(s.reason).not.toMatch(/^internal error/);
    }), RUNS);
  });

  it('gives a once due date that exists in the calendar (never rolled over from 31/02)', () => {
    fc.assert(fc.property(deadlineLike, ref, (text, r) => {
      const s = parseDeadline(text, r ? { ref: r } : {});
      if (s.kind === 'once') {
        expect(parseIsoDate(s.due), s.due).toBeDefined();
        if (s.from) expect(parseIsoDate(s.from)).toBeDefined();
        if (s.dueTime) expect(s.dueTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }
      if (s.kind === 'recurring') {
        for (const d of occurrenceDates(s, 2025)) expect(parseIsoDate(d), d).toBeDefined();
      }
    }), RUNS);
  });

  it('is insensitive to Unicode normalisation and case', () => {
    fc.assert(fc.property(deadlineLike, (text) => {
      expect(parseDeadline(text.normalize('NFD').toUpperCase(), { ref: '2024-10-15' }))
        .toEqual(parseDeadline(text.normalize('NFC'), { ref: '2024-10-15' }));
    }), { numRuns: 500 });
  });
});
