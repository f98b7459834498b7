// Recognising a plan table's columns by what their headers mean, not by their
// position: "STT"/"TT", "Chỉ số/nội dung", "Chỉ tiêu/kết quả", "Nhiệm vụ/giải
// pháp", "Thời gian hoàn thành", "Cơ quan theo dõi", "chủ trì", "phối hợp"...

import { fold } from './fold.ts';

export type ResponsibilityRole = 'monitor' | 'lead' | 'coordinate' | 'execute';
export type ColumnRole = 'code' | 'title' | 'target' | 'actions' | 'deadline' | ResponsibilityRole | 'extra';

export const RESPONSIBILITY_ROLES: readonly ResponsibilityRole[] = ['monitor', 'lead', 'coordinate', 'execute'];

export interface Column {
  index: number;
  role: ColumnRole;
  /** The header as written, parent and child joined by " / " for two-row headers. */
  label: string;
}

const CODE = /^(stt|tt|so tt|s tt|thu tu|so thu tu)\.?$/;
const DEADLINE = /thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh/;
const MONITOR = /theo doi/;
const LEAD = /chu tri|tham muu/;
const COORDINATE = /phoi hop/;
const ACTIONS = /nhiem vu|giai phap|hoat dong|bien phap|cong viec cu the/;
const EXECUTE = /thuc hien|trach nhiem|co quan|don vi|bo phan|phan cong/;
const TITLE = /chi so|linh vuc|tieu chi|noi dung|chi tieu|^ten\b|danh muc|cong viec|de muc/;
const TARGET = /chi tieu|ket qua|muc tieu|dat duoc|san pham|phan dau/;

/** What one header label can mean; undefined for a label we do not know. */
export type LabelMeaning = 'code' | 'deadline' | ResponsibilityRole | 'actions' | 'title' | 'target' | 'title-or-target';

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

function readLabel(label: string): LabelMeaning | undefined {
  const f = fold(label).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!f || f.length > 90) return undefined;
  if (CODE.test(f)) return 'code';
  if (DEADLINE.test(f)) return 'deadline';
  if (MONITOR.test(f)) return 'monitor';
  if (LEAD.test(f) && !COORDINATE.test(f)) return 'lead';
  if (COORDINATE.test(f) && !LEAD.test(f)) return 'coordinate';
  if (ACTIONS.test(f)) return 'actions';
  if (EXECUTE.test(f)) return 'execute';
  const title = TITLE.test(f);
  const target = TARGET.test(f);
  if (title && target) return 'title-or-target';
  if (title) return 'title';
  if (target) return 'target';
  return undefined;
}

/** A label naming several roles at once ("Cơ quan thực hiện (chủ trì, phối hợp)") is only a parent of sub-columns. */
export function isGroupLabel(label: string): boolean {
  const f = fold(label);
  return (LEAD.test(f) && COORDINATE.test(f)) || /trach nhiem cu the|^co quan thuc hien$|^don vi thuc hien$/.test(f);
}

export function isCodeLabel(text: string): boolean {
  return text.length < 30 && CODE.test(fold(text));
}

/**
 * Roles for a header given per column as (parent, child) labels. The child of a
 * two-row header decides; where it is empty the parent does. The first
 * title-like column is the title, the next target-like one the target; the
 * rest, and anything unknown, is kept as extra.
 */
export function assignRoles(labels: Array<{ parent: string; child: string }>): Column[] {
  const columns: Column[] = [];
  let haveTitle = false;
  let haveTarget = false;
  const seen = new Set<ColumnRole>();
  labels.forEach(({ parent, child }, index) => {
    const label = [parent, child].filter((s, i, all) => s && all.indexOf(s) === i).join(' / ');
    const meaning = (child && labelMeaning(child)) || labelMeaning(parent);
    let role: ColumnRole = 'extra';
    switch (meaning) {
      case undefined:
        break;
      case 'title':
        if (!haveTitle) role = 'title';
        break;
      case 'target':
        if (!haveTarget && haveTitle) role = 'target';
        break;
      case 'title-or-target':
        if (!haveTitle) role = 'title';
        else if (!haveTarget) role = 'target';
        break;
      default:
        role = seen.has(meaning) && meaning !== 'code' ? 'extra' : meaning;
    }
    if (role === 'code' && seen.has('code')) role = 'extra';
    if (role === 'title') haveTitle = true;
    if (role === 'target') haveTarget = true;
    seen.add(role);
    columns.push({ index, role, label: label || `column ${index + 1}` });
  });
  return columns;
}

/** A header row: its first non-empty cell is STT/TT and at least two other cells mean something. */
export function isHeaderRow(cells: string[]): boolean {
  const first = cells.findIndex((c) => c.trim() !== '');
  if (first < 0 || !isCodeLabel(cells[first]!)) return false;
  return cells.filter((c, i) => i !== first && labelMeaning(c) !== undefined).length >= 2;
}

/**
 * The second row of a two-row header: no code, only short known labels, each
 * under an empty cell of the first row or under a label that spans sub-columns
 * ("Trách nhiệm cụ thể", "Cơ quan thực hiện").
 */
export function isSubHeaderRow(cells: string[], header: string[]): boolean {
  const filled = cells.map((c, i) => [c.trim(), i] as const).filter(([c]) => c !== '');
  if (filled.length === 0 || (cells[0] ?? '').trim() !== '') return false;
  return filled.every(([c, i]) => {
    const above = (header[i] ?? '').trim();
    return c.length <= 90 && !/[<>.;]$|[<>]/.test(c) && labelMeaning(c) !== undefined && (above === '' || isGroupLabel(above));
  });
}

/** A table is a task table when it says what to do, by when or by whom, not only scores. */
export function isTaskTable(columns: Column[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return roles.has('title') && ['actions', 'deadline', ...RESPONSIBILITY_ROLES].some((r) => roles.has(r as ColumnRole));
}
