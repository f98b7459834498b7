// In the one-cell-per-line layout the target ("Chỉ tiêu/kết quả") and action
// ("Nhiệm vụ/giải pháp") cells of a row run together with no delimiter. The
// split point is chosen where the lines before read as results and the lines
// after read as actions; it is a best guess and is marked as such.

import { fold } from './fold.ts';
import { isBullet } from './text-cells.ts';

const ACTION_START =
  /^(tuyen truyen|thong tin|huong dan|don doc|kiem tra|tham muu|phoi hop|chu tri|to chuc|trien khai|rasoat|ra soat|theo doi|tang cuong|chi dao|xay dung|cap nhat|cong khai|bo tri|tiep tuc|duy tri|day manh|dinh ky|tong hop|bao cao|kip thoi|thuong xuyen|quan triet|khi |qua trinh|doi voi|tap trung|chinh quyen|nghiem|van dong|gap go|tiep thu|gioi thieu|thuc hien|dang tai|niem yet|xu ly|ban hanh|nang cap|phat hanh|chu dong|ho tro|dao tao|boi duong|cung cap|rut ngan|giam sat|danh gia|khao sat|xay dung|uu tien|lam tot|nghien cuu|tiep nhan|ap dung|tranh|tuyet doi|de cao|rasoat)/;
const RESULT_START =
  /^(tang ty le|tang muc|giam ty le|giam so|giam|nang cao|phan dau|hoan thanh|dat |100|\d+ ?%|trong nam|khong |nguoi dan|cac bao cao|co (it nhat|vi tri|ket qua)|so luong|so nguoi|thu chi|thu, chi|ty le|muc do|cham dut|ket qua|bao dam|dam bao|toan bo|cac (co quan|don vi|doanh nghiep|dia phuong))/;

function score(line: string): number {
  const f = fold(line.replace(/^[-+•]\s*/, '').slice(0, 40));
  let s = 0;
  if (/\d+([.,]\d+)? ?%/.test(line)) s += 1.5;
  if (RESULT_START.test(f)) s += 1.5;
  if (ACTION_START.test(f)) s -= 1.5;
  if (/^(thuc hien|tang cuong)/.test(f) && !/\d+ ?%/.test(f)) s -= 0.5;
  return s;
}

/** Splits content lines into target lines and action lines. */
export function splitTargetAndActions(lines: string[], columns: { target: boolean; actions: boolean }): { target: string[]; actions: string[] } {
  if (!columns.actions) return { target: lines, actions: [] };
  if (!columns.target) return { target: [], actions: lines };
  if (lines.length === 0) return { target: [], actions: [] };
  if (lines.length === 1) {
    return score(lines[0]!) >= 0 ? { target: lines, actions: [] } : { target: [], actions: lines };
  }
  const scores = lines.map(score);
  let best = 1;
  let bestValue = -Infinity;
  for (let k = 1; k < lines.length; k++) {
    let value = 0;
    for (let i = 0; i < lines.length; i++) value += i < k ? scores[i]! : -scores[i]!;
    const prev = lines[k - 1]!;
    const next = lines[k]!;
    if (isBullet(prev) !== isBullet(next)) value += 1;
    if (/:$/.test(prev)) value -= 3; // "Chính quyền địa phương tích cực, chủ động:" introduces the lines after it
    if (/^-/.test(prev) && /^\+/.test(next)) value += 0.5; // "- result" lines, then "+ action" lines
    value -= k * 0.01; // ties: the shortest target
    if (value > bestValue) {
      bestValue = value;
      best = k;
    }
  }
  return { target: lines.slice(0, best), actions: lines.slice(best) };
}
