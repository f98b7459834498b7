// What an appendix heading says about its table: its number ("PHỤ LỤC 3") and
// who answers for its tasks ("THUỘC TRÁCH NHIỆM THEO DÕI, QUẢN LÝ CỦA SỞ NỘI VỤ",
// "THUỘC THẨM QUYỀN THAM MƯU CỦA SỞ XÂY DỰNG", "THUỘC TRÁCH NHIỆM THỰC HIỆN CỦA
// ỦY BAN NHÂN DÂN XÃ").

import { fold } from './fold.ts';
import type { ResponsibilityRole } from './header-recognition.ts';
import type { RawText } from './table-model.ts';
import { squeeze } from './text-cells.ts';

export interface AppendixHeading {
  label: string | undefined;
  responsibility: { role: ResponsibilityRole; unit: string } | undefined;
}

const UNIT_TYPES = ['sở', 'cục', 'chi cục', 'ban', 'phòng', 'văn phòng', 'trung tâm', 'thanh tra', 'bảo hiểm', 'công an', 'bưu điện', 'tòa án', 'toà án', 'ngân hàng', 'đài', 'báo', 'kho bạc', 'viện'];
const NOT_NAMES = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'thị', 'thành', 'các', 'nhân', 'cấp']);

/** "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư": names written in capitals, back in the usual case. */
export function unitNameFromCaps(text: string): string {
  const t = squeeze(text).replace(/[.)]+$/, '');
  if (t !== t.toLocaleUpperCase('vi')) return t;
  const cap = (w: string) => (w ? w[0]!.toLocaleUpperCase('vi') + w.slice(1) : w);
  let lower = t.toLocaleLowerCase('vi').replace(/uỷ ban nhân dân|ủy ban nhân dân/gu, 'Ủy ban nhân dân');
  const words = lower.split(' ');
  const type = UNIT_TYPES.filter((u) => lower.startsWith(`${u} `)).sort((a, b) => b.length - a.length)[0];
  if (type) {
    const n = type.split(' ').length;
    if (words[n] && !NOT_NAMES.has(words[n]!)) words[n] = cap(words[n]!);
    if (type === 'sở') {
      for (let i = n + 1; i < words.length; i++) if (/^(và|,)$/.test(words[i - 1]!) || words[i - 1]!.endsWith(',')) words[i] = cap(words[i]!);
    }
  }
  words[0] = cap(words[0]!);
  lower = words.join(' ');
  return lower;
}

export function readAppendixHeading(heading: RawText[]): AppendixHeading {
  const lines = heading.map((t) => squeeze(t.text.replace(/\*+/g, ''))).filter(Boolean);
  let label: string | undefined;
  let start = -1;
  lines.forEach((l, i) => {
    const m = /^phụ lục\s*([0-9]+|[IVXLC]+)?\b/iu.exec(l);
    if (m) {
      label = m[1] ? `PL${m[1].toUpperCase()}` : 'PL';
      start = i;
    }
  });
  const titleText = lines.slice(Math.max(start, 0)).join(' ');
  let responsibility: AppendixHeading['responsibility'];
  const m = /THUỘC\s+(?:TRÁCH NHIỆM|THẨM QUYỀN|PHẠM VI)\s+(.+?)\s+CỦA\s+(.+?)(?:\s*\(|\s+(?:Ban hành\s+)?[Kk]èm theo|$)/u.exec(titleText);
  if (m) {
    const words = fold(m[1]!);
    const role: ResponsibilityRole = /theo doi/.test(words) ? 'monitor' : /chu tri|tham muu/.test(words) ? 'lead' : /phoi hop/.test(words) ? 'coordinate' : 'execute';
    responsibility = { role, unit: unitNameFromCaps(m[2]!.trim()) };
  }
  return { label, responsibility };
}
