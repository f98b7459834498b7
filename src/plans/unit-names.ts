// Unit names as plans write them: "Văn phòng- Thống kê", "Văn phòng-Thống kê",
// "Văn phòng - Thống kê xã", "Tài chính – Kế toán", "UBND" / "Ủy ban nhân dân" /
// "ỦY BAN NHÂN DÂN", "uỷ"/"ủy". A display form with canonical spacing and a
// folded key for matching; lists split only where a name cannot go on.

import { fold } from './fold.ts';
import { squeeze } from './text-cells.ts';

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubmttqvn\b|\bubmttq vn\b|\bubmttq\b/g, 'uy ban mat tran to quoc viet nam'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\btp\.? /g, 'thanh pho '],
  [/\bs\. /g, 'so '],
];

/** Display form: single spaces, " - " around every hyphen or dash between words. */
export function displayUnitName(raw: string): string {
  return squeeze(raw)
    .replace(/^[-+•–]\s*/, '')
    .replace(/\s*[-–—]\s*/g, ' - ')
    .replace(/[.;,:]+$/, '')
    .trim();
}

/** Key for matching: folded, abbreviations spelled out, canonical hyphens. */
export function unitKey(raw: string): string {
  let key = fold(displayUnitName(raw));
  for (const [re, full] of ABBREVIATIONS) key = key.replace(re, full);
  return key.replace(/\s+/g, ' ').trim();
}

/** Words a unit's name starts with ("Sở ...", "Văn phòng ...", "UBND ..."), folded. */
const UNIT_HEAD =
  /^(so|bo|cuc|vu|ban|phong|van phong|ubnd|uy ban|hdnd|hoi dong|cong an|trung tam|vien|thanh tra|kho bac|dai|bao|hoi|lien doan|lien minh|hiep hoi|doan|tinh doan|huyen doan|thanh doan|mat tran|ubmttq|mttq|toa an|chi cuc|buu dien|ngan hang|bao hiem|co quan|don vi|bo phan|to|cong chuc|truong|benh vien|bo chi huy|ban chi huy|chi huy|quan su|tinh uy|huyen uy|thanh uy|thi uy|dang uy|chi bo|cac|lien co quan|cong ty|tong cong ty|tap doan|doanh nghiep|kbnn|chu tich|pho chu tich|lanh dao|thuong truc|cong doan|chi nhanh|tram|hop tac xa|xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|cuc thue|nha|quy|hoc vien|dai hoc|tong cuc|thu tuong|chinh phu|bch|ban quan ly|bql|vp|ct|pct)\b/;

export function startsWithUnitHead(name: string): boolean {
  return UNIT_HEAD.test(fold(name));
}

/**
 * Heads that name a body whatever follows them ("Sở ...", "UBND ..."), matched with
 * their tone marks ("Số hóa" is not "Sở"); others ("Báo", "Tập đoàn", "Hiệp hội")
 * need a capitalised name after them.
 */
const STRONG_HEAD = /^(sở|bộ|cục|vụ|ban|phòng|văn phòng|ubnd|ủy ban|uỷ ban|hđnd|hội đồng nhân dân|công an|trung tâm|viện|thanh tra|kho bạc|liên đoàn|tỉnh đoàn|mặt trận|ubmttq|tòa án|toà án|chi cục|bộ chỉ huy|ban chỉ huy|tổng cục|chính phủ|thủ tướng)(\s|$)/u;
const NAMED_HEAD = /^(báo|đài|hội|hiệp hội|tập đoàn|tổng công ty|công ty|trường|bệnh viện|học viện|đại học|ngân hàng|bảo hiểm|bưu điện|liên minh|đoàn|đảng ủy|huyện ủy|tỉnh ủy|thành ủy)(?=\s)/u;
/** Kinds of body written in the plural or as a class: "Các sở, ban, ngành", "Doanh nghiệp", "Viện, Trường". */
const KINDS_OF_BODY = /^((các|những)\s+(sở|bộ|ban|ngành|cơ quan|đơn vị|địa phương|doanh nghiệp|tổ chức|hội|xã|phường|huyện|tỉnh|thành phố|trường|viện|phòng|trung tâm|tập đoàn)|doanh nghiệp|viện, trường|sở, ban, ngành|cơ quan, đơn vị)(?=[\s,;.]|$)/u;

/** Whether a whole line reads as a list of units (a cell of a unit column), not a sentence. */
export function isUnitLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 160 || /[.:]$/.test(t) || t.split(/\s+/).length > 25) return false;
  // "Sở KHCN đưa ra kế hoạch": a unit doing something is a sentence, not a unit cell.
  if (/\b(dua ra|thuc hien|xay dung|ban hanh|bao cao|trien khai|hoan thanh|cung cap|de xuat|duoc cap nhat)\b/.test(fold(t))) return false;
  const text = t.normalize('NFC');
  const lower = text.toLocaleLowerCase('vi');
  if (KINDS_OF_BODY.test(lower) || STRONG_HEAD.test(lower)) return true;
  const head = NAMED_HEAD.exec(lower);
  return Boolean(head && /^\s+[\p{Lu}\d]/u.test(text.slice(head[0].length)));
}

/** A leader's title on its own ("Giám đốc", "Thủ trưởng"): the organisation follows in the next piece. */
const BARE_LEADER = /^(giam doc|pho giam doc|thu truong|chu tich|pho chu tich|truong|lanh dao|nguoi dung dau)$/;

/**
 * Whether a capitalised piece after a comma goes on with the name before it:
 * "Sở Văn hóa, Thể thao và Du lịch", "Vụ Kế hoạch, Tài chính" are one unit
 * each (a short agency name whose field is a list), while "Văn phòng - Thống
 * kê, Tư pháp - Hộ tịch" (commune offices written as "X - Y") and "Sở Nội vụ,
 * Sở Tư pháp" are two.
 */
function continuesName(current: string, piece: string): boolean {
  if (BARE_LEADER.test(fold(current))) return true;
  // "Các Cục: Di sản văn hóa, Bản quyền tác giả": the names after a colon share its head.
  if (current.includes(':')) return true;
  // "Xuất bản, In và Phát hành", "Lao động, Thương binh và Xã hội": a field list ending in "X và Y".
  if (/\svà\s/u.test(piece) && !startsWithUnitHead(piece) && !/ - /.test(displayUnitName(current)) && current.trim().split(/\s+/).length <= 5) return true;
  // "Viện, Trường", "Sở, Ban": single words listing kinds of body, one collective.
  const word = (w: string) => !/\s/.test(w.trim()) && w.trim() !== w.trim().toLocaleUpperCase('vi');
  if (word(current) && word(piece)) return true;
  if (startsWithUnitHead(piece)) return false;
  if (!startsWithUnitHead(current) || / - /.test(displayUnitName(current)) || / - /.test(displayUnitName(piece))) return false;
  return current.split(/\s+/).length <= 5;
}

/**
 * "Sở Khoa học và Công nghệ Sở Công Thương": a second "Sở"/"Bộ" name run on
 * after a full one (a line break lost in conversion). Not "Văn phòng Sở Tư
 * pháp" or "Trung tâm thuộc Sở Y tế": the name before must be four words or
 * more and not end in "thuộc", "của", "và".
 */
function splitRunOn(piece: string): string[] {
  const words = piece.trim().split(/\s+/);
  for (let i = 4; i < words.length - 1; i++) {
    if (/^(Sở|Bộ)$/u.test(words[i]!) && /^\p{Lu}/u.test(words[i + 1]!) && !/^(thuộc|của|và)$/u.test(words[i - 1]!) && startsWithUnitHead(words.slice(0, i).join(' '))) {
      return [words.slice(0, i).join(' '), ...splitRunOn(words.slice(i).join(' '))];
    }
  }
  return [piece];
}

/**
 * Splits a responsibility cell into unit names: always at ";" and at line
 * breaks (a line starting in lower case is the same name wrapped), at ","
 * only where each part is a unit by itself ("Các ban, ngành UBND xã", "UBND
 * các huyện, thành phố" and "Sở Văn hóa, Thể thao và Du lịch" are one name
 * each). Hyphens never split.
 */
export function splitUnitList(cell: string): string[] {
  const out: string[] = [];
  const lines = cell.split(/\n+/);
  const joined: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    const previous = joined[joined.length - 1];
    // "Phòng Tài chính - Kế" / "hoạch": a name wrapped at the cell's edge.
    if (previous !== undefined && (/^\p{Ll}/u.test(t) || /[-–,]$|\bvà$/u.test(previous))) joined[joined.length - 1] = `${previous} ${t}`;
    else joined.push(t);
  }
  // ";", line breaks, and a full stop before a capital ("Văn phòng UBND Thành phố. Các Sở, ban, ngành").
  for (const part of joined.join('\n').split(/[;\n]+|\.\s+(?=\p{Lu})/u)) {
    const pieces = part.split(',').flatMap(splitRunOn);
    let current = '';
    for (const piece of pieces) {
      const trimmed = piece.trim();
      // "..., các Sở, ban, ngành", "..., cơ quan có liên quan": a collective of its own after a complete name.
      const collective =
        Boolean(current) &&
        (/^(các|nhà)\s/iu.test(trimmed) || (/^(cơ quan|tổ chức|đơn vị|doanh nghiệp)\s/iu.test(trimmed) && !/^(các|tập đoàn)\b/iu.test(current) && /\s\S+\s/.test(current)));
      const separate = collective || (/^\p{Lu}/u.test(trimmed) && !/^(UBND|Ủy ban|Uỷ ban)$/u.test(trimmed) && !continuesName(current, trimmed));
      if (current && separate) {
        out.push(current);
        current = trimmed;
      } else {
        current = current ? `${current}, ${trimmed}` : trimmed;
      }
    }
    if (current) out.push(current);
  }
  return out.map(displayUnitName).filter((n) => n && !/^(\.+|-+|x)$/i.test(n));
}

const PLACE_WORD = / (xa|phuong|thi tran)$/;

/**
 * The units of one plan. The first spelling met becomes a unit's name; later
 * spellings with the same key are the same unit. "Bộ phận X" and "X xã" are
 * matched to "X" when X is known, and recorded as aliases.
 */
export class UnitDirectory {
  private readonly byKey = new Map<string, string>();
  readonly aliases = new Map<string, string>(); // alias key → unit key
  /** Display form and key of each spelling met (both depend on the spelling alone). */
  private readonly spellings = new Map<string, { display: string; key: string }>();

  constructor(known: Iterable<{ name: string; key?: string }> = [], aliases: Iterable<{ alias: string; unitKey: string }> = []) {
    for (const u of known) this.byKey.set(u.key ?? unitKey(u.name), u.name);
    for (const a of aliases) this.aliases.set(unitKey(a.alias), a.unitKey);
  }

  /** Resolves a spelling to the unit key, registering the unit if new. */
  resolve(raw: string): { key: string; name: string } {
    let spelling = this.spellings.get(raw);
    if (!spelling) {
      const display = displayUnitName(raw);
      spelling = { display, key: unitKey(display) };
      this.spellings.set(raw, spelling);
    }
    const display = spelling.display;
    let key = spelling.key;
    const aliased = this.aliases.get(key);
    if (aliased) key = aliased;
    if (!this.byKey.has(key)) {
      const candidates = [key.replace(/^bo phan /, ''), key.replace(PLACE_WORD, ''), key.replace(/^bo phan /, '').replace(PLACE_WORD, '')];
      const match = candidates.find((k) => k !== key && this.byKey.has(k));
      if (match) {
        this.aliases.set(key, match);
        key = match;
      } else {
        this.byKey.set(key, display);
      }
    }
    return { key, name: this.byKey.get(key)! };
  }

  units(): Array<{ key: string; name: string }> {
    return [...this.byKey].map(([key, name]) => ({ key, name }));
  }
}
