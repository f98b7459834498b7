// Recognising a plan table's columns by what their headers mean, not by their
// position or by the habits of one office: "STT"/"TT", "Nội dung nhiệm vụ",
// "Chỉ số/nội dung", "Chỉ tiêu/kết quả", "Sản phẩm đầu ra", "Cơ quan chủ trì",
// "phối hợp", "Thời gian hoàn thành", "Nguồn kinh phí", "Người đứng đầu chịu
// trách nhiệm", "Văn bản giao", "Ghi chú"... The title column is chosen from
// the set of columns present (see assignRoles).

import { fold } from './fold.ts';
import { respace } from './vietnamese-syllables.ts';

export type ResponsibilityRole = 'monitor' | 'lead' | 'coordinate' | 'execute';
/** What a column holds for the importer. A person column names people, never a unit role. */
export type ColumnRole =
  | 'code'
  /** A second numbering column ("Stt" over "TT | Chi tiết"): the row's place in the outline. */
  | 'subcode'
  | 'title'
  | 'target'
  | 'actions'
  | 'deadline'
  | ResponsibilityRole
  | 'budget'
  | 'person'
  | 'document'
  | 'notes'
  | 'extra';

export const RESPONSIBILITY_ROLES: readonly ResponsibilityRole[] = ['monitor', 'lead', 'coordinate', 'execute'];
/** Columns kept as named details of a task (not units, not deadlines). */
export const DETAIL_ROLES = ['budget', 'person', 'document', 'notes'] as const;
export type DetailRole = (typeof DETAIL_ROLES)[number];

export interface Column {
  index: number;
  role: ColumnRole;
  /** The header as written, parent and child joined by " / " for two-row headers. */
  label: string;
  /** True when the role was given by the user (`--columns`), not recognised. */
  mapped?: true;
}

/**
 * What one header label can mean; undefined for a label we do not know.
 * "task" is the thing to do; "indicator" what a plan organised by index scores
 * (Chỉ số, Tiêu chí, Lĩnh vực); "Chỉ tiêu" alone is an indicator where nothing
 * else names the task, a target after a task column.
 */
export type LabelMeaning =
  | 'code'
  | 'task'
  | 'indicator'
  | 'indicator-or-target'
  | 'target'
  | 'deadline'
  | 'start'
  | ResponsibilityRole
  | DetailRole;

/** Roles a user can give a column with `--columns "Header=role"`. */
export const USER_ROLES = [
  'code',
  'task',
  'indicator',
  'target',
  'actions',
  'deadline',
  'monitor',
  'lead',
  'coordinate',
  'execute',
  'budget',
  'person',
  'document',
  'notes',
  'extra',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A user's column mapping: by header text (compared folded) or by 1-based column number. */
export interface ColumnMapping {
  /** Folded header text → role. */
  byLabel: Map<string, UserRole>;
  byNumber: Map<number, UserRole>;
  /** Folded header text → as the user wrote it, for showing and remembering the mapping. */
  written: Map<string, string>;
}

const CODE = /^(stt|tt|so|so tt|s tt|thu tu|so thu tu|ma so|ma( nhiem vu| cong viec| hieu)?)\.?$/;
const NOTES = /^(ghi chu|chu thich)\b/;
const START = /^(thoi gian |ngay |thoi diem )?(bat dau|khoi cong|khoi dong)\b|^tu( ngay| thang)?$/;
const DEADLINE_CHILD = /^(hoan thanh|ket thuc|den ngay|den)$/;
const DEADLINE = /thoi gian|so ngay|thoi han|tien do|han hoan thanh|moc (thoi gian|hoan thanh)|lo trinh|nam hoan thanh|thoi diem|han chot|ngay hoan thanh|^han\b/;
const BUDGET = /kinh phi|nguon von|nguon luc|du toan|chi phi|ngan sach/;
const PERSON = /nguoi dung dau|lanh dao\b.*\b(phu trach|chi dao|chiu trach nhiem)|nguoi (chiu trach nhiem|phu trach|thuc hien|theo doi)|^ca nhan\b|can bo (phu trach|theo doi|dau moi)|chuyen vien|^ho (va )?ten/;
const DOCUMENT = /van ban (giao|chi dao|can cu|giao nhiem vu)|^can cu\b|so,? ky hieu|trich yeu|^van ban$/;
const MONITOR = /theo doi|giam sat|don doc|kiem tra/;
const LEAD = /chu tri|tham muu|chiu trach nhiem|chu dau tu/;
const COORDINATE = /phoi hop/;
const FORM = /^hinh thuc/;
const CATEGORY = /^(thuoc )?nhom\b|^loai\b|^phan loai\b/;
const UNIT_START = /^(co quan|don vi|bo phan|to chuc)\b/;
const INDICATOR = /chi so|tieu chi|linh vuc|thanh phan/;
const CHI_TIEU_ALONE = /^chi tieu( nhiem vu| cu the)?$/;
const TARGET_START = /^(ket qua|san pham|muc tieu|yeu cau|dau ra|du kien san pham|chi tieu)/;
const TASK = /nhiem vu|noi dung|cong viec|giai phap|hoat dong|bien phap|de an|du an|danh muc|^ten\b|de muc|cong tac/;
const TARGET = /chi tieu|ket qua|muc tieu|dat duoc|san pham|phan dau|yeu cau|dau ra/;
const EXECUTE = /thuc hien|trach nhiem|co quan|don vi|bo phan|phan cong|giao cho|dau moi/;

/** Header labels repeat in every table and after every page break: each distinct one is read once. */
const meanings = new Map<string, LabelMeaning | undefined>();

export function labelMeaning(label: string): LabelMeaning | undefined {
  if (label.length > 120) return undefined;
  if (meanings.has(label)) return meanings.get(label);
  const meaning = readLabel(label);
  if (meanings.size >= 5_000) meanings.clear();
  meanings.set(label, meaning);
  return meaning;
}

/** A label folded for matching: no case, tone marks, brackets or punctuation runs. */
export function foldLabel(label: string): string {
  return fold(label)
    .replace(/[()[\]*:]/g, ' ')
    .replace(/\s*[/,;-]\s*/g, (m) => `${m.trim()} `)
    .replace(/\s+/g, ' ')
    .trim();
}

function readLabel(label: string): LabelMeaning | undefined {
  const f = foldLabel(respace(label));
  if (!f || f.length > 90) return undefined;
  if (CODE.test(f)) return 'code';
  if (NOTES.test(f)) return 'notes';
  if (START.test(f)) return 'start';
  if (DEADLINE_CHILD.test(f) || DEADLINE.test(f)) return 'deadline';
  if (BUDGET.test(f)) return 'budget';
  if (PERSON.test(f)) return 'person';
  if (FORM.test(f)) return 'target';
  // "Thuộc nhóm nhiệm vụ, hành động", "Nhóm giải pháp", "Loại": a category the task belongs to, not the task.
  if (CATEGORY.test(f)) return undefined;
  if (DOCUMENT.test(f)) return 'document';
  const lead = LEAD.test(f);
  const coordinate = COORDINATE.test(f);
  // "Cơ quan chủ trì theo dõi, đánh giá" leads; "Cơ quan theo dõi" monitors.
  if (MONITOR.test(f) && !lead) return 'monitor';
  if (lead && !coordinate) return 'lead';
  if (coordinate && !lead) return 'coordinate';
  if (lead && coordinate) return 'execute'; // "Cơ quan thực hiện (chủ trì, phối hợp)": a parent of both
  if (UNIT_START.test(f)) return 'execute';
  if (INDICATOR.test(f)) return 'indicator';
  if (CHI_TIEU_ALONE.test(f)) return 'indicator-or-target';
  if (TARGET_START.test(f)) return 'target';
  if (TASK.test(f)) return 'task';
  if (TARGET.test(f)) return 'target';
  if (EXECUTE.test(f)) return 'execute';
  return undefined;
}

/** A label naming several roles at once ("Cơ quan thực hiện (chủ trì, phối hợp)") is only a parent of sub-columns. */
export function isGroupLabel(label: string): boolean {
  const f = fold(label);
  return (
    (LEAD.test(f) && COORDINATE.test(f)) ||
    /trach nhiem cu the|^(co quan|don vi|bo phan)(, don vi)? (thuc hien|chiu trach nhiem)$|^trach nhiem( thuc hien)?$|^phan cong( thuc hien| trach nhiem)?$|^to chuc thuc hien$/.test(f)
  );
}

export function isCodeLabel(text: string): boolean {
  // "Mã nhiệm vụ" is a second code column, never what opens a header row.
  return text.length < 30 && CODE.test(foldLabel(text)) && !/^ma\b/.test(foldLabel(text));
}

/** "Nội dung=task, 3=lead" → a mapping; throws a message naming the bad part. */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = { byLabel: new Map(), byNumber: new Map(), written: new Map() };
  for (const part of text.split(/,(?=[^,=]*=)/)) {
    const eq = part.lastIndexOf('=');
    const name = part.slice(0, eq).trim();
    const role = part.slice(eq + 1).trim().toLowerCase();
    if (eq < 0 || !name) throw new Error(`"${part.trim()}" is not "<header or column number>=<role>"`);
    if (!(USER_ROLES as readonly string[]).includes(role)) throw new Error(`"${role}" is not a column role (one of ${USER_ROLES.join(', ')})`);
    if (/^\d{1,2}$/.test(name)) mapping.byNumber.set(Number(name), role as UserRole);
    else {
      mapping.byLabel.set(foldLabel(name), role as UserRole);
      mapping.written.set(foldLabel(name), name);
    }
  }
  return mapping;
}

/** The mapping as the text `--columns` takes, for showing and remembering it. */
export function formatColumnMapping(mapping: ColumnMapping): string {
  return [...[...mapping.byNumber].map(([n, r]) => `${n}=${r}`), ...[...mapping.byLabel].map(([l, r]) => `${mapping.written.get(l) ?? l}=${r}`)].join(',');
}

function mappedRole(mapping: ColumnMapping | undefined, label: { parent: string; child: string }, index: number): UserRole | undefined {
  if (!mapping) return undefined;
  const byNumber = mapping.byNumber.get(index + 1);
  if (byNumber) return byNumber;
  for (const text of [label.child, label.parent, [label.parent, label.child].filter(Boolean).join(' ')]) {
    if (!text) continue;
    const role = mapping.byLabel.get(foldLabel(text));
    if (role) return role;
  }
  return undefined;
}

/** True when a user mapping names this header cell (so a row of unknown labels can still be the header). */
export function isMappedLabel(mapping: ColumnMapping | undefined, label: string): boolean {
  return Boolean(mapping && label.trim() && mapping.byLabel.has(foldLabel(label)));
}

const TITLE_LIKE = new Set<LabelMeaning | undefined>(['task', 'indicator', 'indicator-or-target']);

/**
 * Roles for a header given per column as (parent, child) labels. The child of a
 * two-row header decides; where it is empty the parent does.
 *
 * The title is the task column ("Nhiệm vụ", "Nội dung", "Công việc"...) when
 * there is one, unless an indicator column stands before it ("Chỉ số/nội
 * dung | Chỉ tiêu/kết quả | Nhiệm vụ/giải pháp": the plan is organised by
 * index, and the task column holds the actions for it). With no task column
 * the indicator or "Chỉ tiêu" column is the title. Unknown and duplicate
 * columns are kept as extra; a user mapping overrides any of this.
 */
export function assignRoles(labels: Array<{ parent: string; child: string }>, mapping?: ColumnMapping): Column[] {
  const meaningsOf = labels.map(({ parent, child }) => {
    const own = child && labelMeaning(child);
    // "Hoàn thành" under "Thời gian thực hiện" is the deadline; "Bắt đầu" the start.
    return own || labelMeaning(parent);
  });
  const mapped = labels.map((label, i) => mappedRole(mapping, label, i));
  const columns: Column[] = labels.map(({ parent, child }, index) => ({
    index,
    role: 'extra' as ColumnRole,
    label: [parent, child].filter((s, i, all) => s && all.indexOf(s) === i).join(' / ') || `column ${index + 1}`,
  }));
  const taken = new Set<ColumnRole>();
  const give = (i: number, role: ColumnRole, byUser = false) => {
    if (role === 'code' && taken.has('code') && !taken.has('subcode')) role = 'subcode';
    if (role !== 'extra' && taken.has(role)) return;
    columns[i]!.role = role;
    if (byUser) columns[i]!.mapped = true;
    if (role !== 'extra') taken.add(role);
  };
  // The user's word first.
  mapped.forEach((role, i) => {
    if (!role) return;
    give(i, role === 'task' ? 'title' : role === 'indicator' ? (mapped.includes('task') ? 'extra' : 'title') : role, true);
  });

  const open = (i: number) => mapped[i] === undefined;
  if (!taken.has('title')) {
    const task = meaningsOf.findIndex((m, i) => open(i) && m === 'task');
    const indicator = meaningsOf.findIndex((m, i) => open(i) && (m === 'indicator' || m === 'indicator-or-target'));
    const title = task >= 0 && (indicator < 0 || task < indicator) ? task : indicator;
    if (title >= 0) give(title, 'title');
  }
  meaningsOf.forEach((meaning, i) => {
    if (!open(i) || columns[i]!.role === 'title' || meaning === undefined) return;
    switch (meaning) {
      case 'task':
        give(i, taken.has('actions') ? 'extra' : 'actions');
        break;
      case 'indicator':
        break; // an index name beside the task column: kept as extra
      case 'indicator-or-target':
      case 'target':
        give(i, taken.has('target') ? 'extra' : 'target');
        break;
      case 'start':
        break;
      default:
        give(i, meaning);
    }
  });
  // "Đơn vị thực hiện | Đơn vị phối hợp": beside a coordinating column, the executing one leads.
  if (!taken.has('lead') && taken.has('coordinate')) {
    const execute = columns.find((c) => c.role === 'execute' && !c.mapped);
    if (execute) execute.role = 'lead';
  }
  return columns;
}

/** Meanings of the non-empty cells of a row. */
function knownCells(cells: string[], mapping?: ColumnMapping): { known: LabelMeaning[]; filled: number; mapped: number } {
  const known: LabelMeaning[] = [];
  let filled = 0;
  let mappedCount = 0;
  for (const c of cells) {
    const t = c.trim();
    if (!t) continue;
    filled++;
    if (isMappedLabel(mapping, t)) {
      mappedCount++;
      continue;
    }
    if (t.length > 90) continue;
    const m = labelMeaning(t);
    if (m) known.push(m);
  }
  return { known, filled, mapped: mappedCount };
}

/**
 * A header row: its first non-empty cell is STT/TT and at least two other cells
 * mean something; or, with no STT column, most of its cells are known labels,
 * one of them a task or indicator and one a deadline or a unit role; or the
 * user's mapping names at least two of its cells.
 */
export function isHeaderRow(cells: string[], mapping?: ColumnMapping, firstOfTable = false): boolean {
  const first = cells.findIndex((c) => c.trim() !== '');
  if (first < 0) return false;
  // Inside a table only a row opening with a label (STT, or "Nội dung" spanning it) is read label by label: the cheap test first.
  if (!firstOfTable && !mapping && !isCodeLabel(cells[first]!) && labelMeaning(cells[first]!.trim()) === undefined) return false;
  // Columns mapped by number: the first row of a table whose mapped cells are all short labels.
  if (firstOfTable && mapping && mapping.byNumber.size >= 2) {
    const labelled = [...mapping.byNumber.keys()].every((n) => {
      const c = (cells[n - 1] ?? '').trim();
      return c && c.length <= 60 && !/^\d/.test(c);
    });
    if (labelled) return true;
  }
  const { known, filled, mapped } = knownCells(cells, mapping);
  if (mapped >= 2 || (mapped >= 1 && mapped + known.length >= 3)) return true;
  if (isCodeLabel(cells[first]!)) return known.filter((m) => m !== 'code').length >= 2;
  // Without an STT column only a row of short labels, each starting with a capital, can be a header.
  const labelLike = cells.every((c) => !c.trim() || (c.trim().length <= 60 && /^[\p{Lu}(]/u.test(c.trim())));
  if (!labelLike) return false;
  const titled = known.some((m) => TITLE_LIKE.has(m));
  const placed = known.some((m) => m === 'deadline' || (RESPONSIBILITY_ROLES as readonly string[]).includes(m));
  return known.length >= 3 && titled && placed && known.length * 3 >= filled * 2;
}

/**
 * The second row of a two-row header: no code, only short known labels, each
 * under an empty cell of the first row or under a label that spans sub-columns
 * ("Trách nhiệm cụ thể", "Cơ quan thực hiện", "Thời gian thực hiện").
 */
export function isSubHeaderRow(cells: string[], header: string[]): boolean {
  const filled = cells.map((c, i) => [c.trim(), i] as const).filter(([c]) => c !== '');
  // The first cell is empty, unless "Stt" spans two numbering columns ("TT | Chi tiết").
  if (filled.length === 0 || ((cells[0] ?? '').trim() !== '' && !(isCodeLabel(header[0] ?? '') && isCodeLabel(cells[0]!)))) return false;
  return filled.every(([c, i]) => {
    const above = (header[i] ?? '').trim();
    if (isCodeLabel(above) && c.length <= 20 && /^\p{Lu}/u.test(c)) return true;
    const spanning = above === '' || isGroupLabel(above) || (labelMeaning(above) === 'deadline' && ['start', 'deadline'].includes(labelMeaning(c) ?? ''));
    return c.length <= 90 && !/[<>.;]$|[<>]/.test(c) && labelMeaning(c) !== undefined && spanning;
  });
}

/**
 * A numbered column-index row under a header: "(1) (2) (3)", "1 2 3 4 5",
 * "(4)=(2)-(3)". It names columns, not a task.
 */
export function isColumnIndexRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 3) return false;
  if (filled.every((c) => /^\(\s*[\dA-Za-z]{1,2}\s*\)(\s*[=x*+/-].{0,20})?$/.test(c))) return true;
  // "1 2 3 4 5", or "A B 1 2 3 4" (letters for the text columns, numbers for the rest).
  if (!filled.every((c) => /^(\d{1,2}|[A-Z])$/.test(c))) return false;
  const numbers = filled.filter((c) => /^\d/.test(c)).map(Number);
  return numbers.length >= 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/** A table is a task table when it says what to do, by when or by whom, not only scores. */
export function isTaskTable(columns: Column[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return roles.has('title') && ['actions', 'deadline', 'person', ...RESPONSIBILITY_ROLES].some((r) => roles.has(r as ColumnRole));
}
