// Recognising a completion-time cell ("Thường xuyên", "31/12/2024", "Quý IV năm
// 2024", "Trước ngày 30/11/2024", "Theo quy định") among the content lines of
// the one-cell-per-line layout, and keeping legal citations out of deadlines.
// What the text means is the deadline engine's job (src/deadlines).

import { fold } from './fold.ts';
import { isBullet } from './text-cells.ts';

const PATTERNS: Array<[RegExp, number]> = [
  [/^(thuong xuyen|lien tuc|dot xuat)( ?[,;-] ?(lien tuc|thuong xuyen|hang nam|hang quy))?[.;]?$/, 40],
  [/^(hang|hang) (nam|quy|thang|tuan|ngay)\b/, 60],
  [/^dinh ky\b/, 60],
  [/^(ngay )?\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4}[.;]?$/, 20],
  [/^(hoan thanh )?(truoc|cham nhat|trong thoi gian|den het|den ngay|den thang|den nam|tu ngay|tu thang|tu nam)\b/, 70],
  [/^trong (nam|quy|thang|tuan) ?(\d|[ivx]+\b)/, 30],
  [/^(quy|thang|nam|6 thang|06 thang|cuoi nam|dau nam|giua nam) ?([ivx]+|\d+)?([ ,/-]+(nam )?\d{4})?[.;]?$/, 40],
  [/^(quy|thang) [ivx\d]+.{0,40}\d{4}$/, 50],
  [/^theo (quy dinh|ke hoach|thong bao|che do|yeu cau|tien do|lo trinh|huong dan|chi dao|van ban|lich|dot|nhu cau|thuc te)\b/, 70],
  [/^(khi|sau khi) (co|duoc)\b.{0,50}$/, 60],
];

/** True for a line that can only be a completion-time cell. Lines starting "Theo dõi ..." are content. */
export function isDeadlineLine(line: string): boolean {
  if (line.length > 100 || isBullet(line)) return false;
  const f = fold(line).replace(/\s+/g, ' ');
  if (/^theo doi\b/.test(f)) return false;
  return PATTERNS.some(([re, max]) => f.length <= max && re.test(f));
}

const CITATION =
  /\b(Quyết định|Nghị định|Nghị quyết|Thông tư|Kế hoạch|Chỉ thị|Công văn|văn bản|Luật|Chương trình|Hướng dẫn|Thông báo)\s+(số\s+)?[\p{L}\d/.-]*\d[\p{L}\d/.-]*\s+ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/giu;

/** Removes legal citations ("Quyết định số 1847/QĐ-TTg ngày 27/12/2018") so their dates are never read as deadlines. */
export function stripLegalCitations(text: string): string {
  return text.replace(CITATION, '').replace(/\s+/g, ' ').trim();
}
