// Rows of a task table into a tree, by the numbering styles plans use: Roman
// numerals, capital letters and uncoded headings open sections; "1.2.3" hangs
// under "1.2"; "a)", "-" and "+" rows are items of the row above; rows with
// no code hang where plans put them (content right under an index line under
// that index, a row whose STT was lost beside the row above). Styles nest in
// the order a table first uses them, so "A > I > 1 > a" and "I > A > 1" both
// read. A row's identity is its path ("II/1.2", "B/3/a"), unique even where
// numbering restarts in each section.

import type { DataRow, TaskTable } from './assemble-tables.ts';
import { codeStyle, parseRowCode, splitSectionHeading, type CodeStyle, type RowCode } from './codes.ts';
import { RESPONSIBILITY_ROLES, type ColumnRole } from './header-recognition.ts';
import { cellText, isBullet } from './text-cells.ts';

/** What a warning is about, so that a preview can say it in the reader's language (locales/<lang>/plan-warnings.ftl). */
export const WARNING_CODES = [
  'blank-number',
  'blank-issue-date',
  'deadline-unread',
  'deadline-after-group',
  'continued-row',
  'text-under-table',
  'stt-not-code',
  'missing-parent',
  'uncoded-row',
  'duplicate-code',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  line: number;
  code: WarningCode;
  /** The pieces the message is made of, as text. */
  params: Record<string, string>;
  /** In English: the JSON output's and the logs' wording. */
  message: string;
}

export interface TreeNode {
  /** As written without the trailing dot; "" for a row with no code. */
  code: string;
  path: string;
  line: number;
  continuedOn: number[];
  /** A section row: Roman numeral, capital letter or an uncoded heading. */
  section: boolean;
  title: string;
  titleMissing: boolean;
  /** Clean text by role; absent roles are "". */
  text: Partial<Record<ColumnRole, string>>;
  /** Roles whose cell was copied down from the row above by a vertical merge. */
  mergedAbove: Set<ColumnRole>;
  extra: Record<string, string>;
  parent: TreeNode | undefined;
  children: TreeNode[];
  /** A row with items below it that is still a task: it has its own text and units. */
  keepsTask: boolean;
  /** An item of the row above: unnumbered, a "-"/"+" row or lettered (a, b). */
  item: boolean;
  table: TaskTable;
}

type Style = CodeStyle | 'heading';

/** Clean cell text; cells repeat down a table (units, deadlines), each distinct one is cleaned once. */
type CellCleaner = (raw: string) => string;

function cellCleaner(): CellCleaner {
  const cache = new Map<string, string>();
  return (raw) => {
    let clean = cache.get(raw);
    if (clean === undefined) cache.set(raw, (clean = cellText(raw)));
    return clean;
  };
}

interface RowText {
  text: Partial<Record<ColumnRole, string>>;
  extra: Record<string, string>;
  rawCode: string;
  /** The second numbering column's cell ("a)" beside a running number). */
  rawSubcode: string;
  mergedAbove: Set<ColumnRole>;
  /** Non-empty cells of the row's own (not copied down). */
  filled: Array<{ role: ColumnRole; value: string }>;
}

function textByRole(table: TaskTable, row: DataRow, clean: CellCleaner): RowText {
  const text: Partial<Record<ColumnRole, string>> = {};
  const extra: Record<string, string> = {};
  const mergedAbove = new Set<ColumnRole>();
  const filled: RowText['filled'] = [];
  let rawCode = '';
  let rawSubcode = '';
  table.columns.forEach((column, i) => {
    if (column.role === 'subcode') {
      rawSubcode = row.mergedAbove?.[i] ? '' : (row.cells[i] ?? '').trim();
      return;
    }
    const above = row.mergedAbove?.[i] === true;
    if (above) mergedAbove.add(column.role);
    if (column.role === 'code') {
      // A code cell merged down over sub-rows is the code of the row above, not this row's.
      rawCode = above ? '' : (row.cells[i] ?? '').trim();
      if (rawCode) filled.push({ role: 'code', value: rawCode });
      return;
    }
    const value = clean(row.cells[i] ?? '');
    if (value && !above) filled.push({ role: column.role, value });
    if (column.role === 'extra') {
      if (value) extra[column.label] = value;
    } else {
      text[column.role] = value;
    }
  });
  // Cells beyond the header's width are kept too.
  for (let i = table.columns.length; i < row.cells.length; i++) {
    const value = clean(row.cells[i] ?? '');
    if (value) {
      extra[`column ${i + 1}`] = value;
      filled.push({ role: 'extra', value });
    }
  }
  // With two numbering columns, a row numbered only in the second ("1" for a group) takes that number.
  if (!rawCode && rawSubcode && parseRowCode(rawSubcode)) {
    rawCode = rawSubcode;
    rawSubcode = '';
    filled.push({ role: 'code', value: rawCode });
  } else if (rawSubcode && !parseRowCode(rawSubcode)) {
    // A task identifier ("KH20_TT_N01.1") rather than an outline number: kept as a detail.
    extra[table.columns.find((c) => c.role === 'subcode')!.label] = rawSubcode;
    rawSubcode = '';
  }
  return { text, extra, rawCode, rawSubcode, mergedAbove, filled };
}

function hasContent(node: TreeNode): boolean {
  return Boolean(node.text.target || node.text.actions || node.text.deadline);
}

const UPPER_TEXT = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');

/**
 * A row that is only a heading: one cell of text (often spanning the table),
 * no code of a task, no units or deadline. In an uncoded table it is a
 * section when rows follow it; under numbered rows only when it stands out
 * (written in capitals, spanning the row, or followed by a numbered row).
 */
function headingOf(row: RowText, dataRow: DataRow, next: RowText | undefined, previousTitle: string | undefined): string | undefined {
  if (row.filled.length !== 1) return undefined;
  const only = row.filled[0]!;
  const value = only.value.replace(/\n/g, ' ');
  if (only.role === 'code' && parseRowCode(value)) return undefined;
  // A heading starts with a capital or a number; a lone lower-case text is the rest of the row above.
  if (isBullet(value) || value.length > 200 || !/^[\p{Lu}\d"“(]/u.test(value)) return undefined;
  if (only.role !== 'title' && only.role !== 'code') return dataRow.cells.length > 1 ? value : undefined;
  const spanning = dataRow.cells.filter((c) => c.trim()).length === 1 && only.role === 'code';
  // Followed by a numbered row, or by a row with units or a deadline of its own: the heading of what follows.
  const nextCoded = next ? Boolean(parseRowCode(next.rawCode)) || next.filled.some((f) => f.role === 'deadline' || (RESPONSIBILITY_ROLES as readonly string[]).includes(f.role)) : false;
  // The row above stopped mid-list, or mid-sentence before a number ("... Thông tư số" / "85/2020/TT-BTC ...").
  const continues = previousTitle !== undefined && (/[;,]$/.test(previousTitle) || (/^\d/.test(value) && !/[.:;!?]$/.test(previousTitle)));
  return spanning || only.role === 'code' || UPPER_TEXT(value) || (nextCoded && !continues) ? value : undefined;
}

/** A numbered heading written as a paragraph above a table ("1. Các nhiệm vụ đã quá hạn"): the table is that section. */
export interface TableSection {
  code: string;
  title: string;
  line: number;
}

/** The section a table's heading lines name, if their last line is a numbered heading. */
export function tableSection(heading: Array<{ text: string; line: number }>): TableSection | undefined {
  const last = [...heading].reverse().find((t) => t.text.trim());
  if (!last) return undefined;
  const m = /^\s*\**\s*(\d{1,2}|[IVX]{1,4}|[A-Z])\s*[.)]\s+(\S.{2,200})$/su.exec(last.text.replace(/\*+/g, ''));
  if (!m || /^phụ lục\b/iu.test(m[2]!)) return undefined;
  return { code: m[1]!, title: m[2]!.trim(), line: last.line };
}

export function buildTree(table: TaskTable, prefix: string, warnings: Warning[], section?: TableSection): TreeNode[] {
  const nodes: TreeNode[] = [];
  const paths = new Set<string>();
  const stack: Array<{ style: Style; node: TreeNode }> = [];
  if (section) {
    const root: TreeNode = {
      code: section.code,
      path: [prefix, section.code].filter(Boolean).join('/'),
      line: section.line,
      continuedOn: [],
      section: true,
      title: section.title,
      titleMissing: false,
      text: {},
      mergedAbove: new Set(),
      extra: {},
      parent: undefined,
      children: [],
      keepsTask: false,
      item: false,
      table,
    };
    nodes.push(root);
    paths.add(root.path);
    stack.push({ style: 'heading', node: root });
  }
  /** Arabic codes seen under each section, for "1.2" under "1"; numbering may restart per section. */
  const scopes = new Map<TreeNode | undefined, Map<string, TreeNode>>();
  const unnumberedCount = new Map<TreeNode | undefined, number>();
  const join = (...parts: Array<string | undefined>) => parts.filter(Boolean).join('/');
  const scopeOf = (section: TreeNode | undefined) => {
    let scope = scopes.get(section);
    if (!scope) scopes.set(section, (scope = new Map()));
    return scope;
  };
  const top = () => stack[stack.length - 1]?.node;
  /** Places a styled row: a style already open closes back to it (siblings); a new one nests under the top. */
  const open = (style: Style, node: TreeNode): TreeNode | undefined => {
    const k = stack.findIndex((l) => l.style === style);
    if (k >= 0) stack.length = k;
    const parent = top();
    stack.push({ style, node });
    return parent;
  };
  const unnumberedPath = (parent: TreeNode | undefined) => {
    const n = (unnumberedCount.get(parent) ?? 0) + 1;
    unnumberedCount.set(parent, n);
    return join(parent ? parent.path : prefix, `#${n}`);
  };

  const clean = cellCleaner();
  const rows = table.rows.map((row) => textByRole(table, row, clean));
  /** The row whose merged STT cell a row shares. */
  const numberOwner = new Map<TreeNode, TreeNode>();
  /** The latest row with a number of its own (not a section), for rows sharing its merged STT cell. */
  let lastNumbered: TreeNode | undefined;
  let last: TreeNode | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const dataRow = table.rows[r]!;
    const { text, extra, mergedAbove } = row;
    let rawCode = row.rawCode;
    let title = (text.title ?? '').split('\n').join(' ').trim();
    let code: RowCode | undefined = rawCode ? parseRowCode(rawCode) : undefined;
    let headingText: string | undefined;

    if (!code) {
      const heading = headingOf(row, dataRow, rows[r + 1], last?.title);
      const sectioned = heading ? splitSectionHeading(heading) : rawCode && !title ? splitSectionHeading(rawCode) : undefined;
      if (sectioned) {
        code = sectioned.code;
        title = sectioned.title;
        rawCode = '';
      } else if (heading) {
        headingText = heading;
        title = heading;
        rawCode = '';
        // A heading spanning the row from another column ("deadline" first) is not that column's value.
        for (const f of row.filled) if (f.role !== 'title' && f.role !== 'code' && f.role !== 'extra') text[f.role] = '';
      } else if (!rawCode && title && !mergedAbove.has('title')) {
        // "I. Kinh tế số" written in the content cell with the STT left empty.
        const inTitle = splitSectionHeading(title);
        if (inTitle && row.filled.length === 1) {
          code = inTitle.code;
          title = inTitle.title;
        }
      }
    }

    // A row broken by a page break with no header repeated (a word processor's PDF): no code, and only text that
    // goes on (every cell starting in lower case, or content with no task text of its own) under a task with content.
    const lowerOnly = row.filled.length > 0 && row.filled.every((f) => f.role !== 'code') && (title ? /^\p{Ll}/u.test(title) : row.filled.every((f) => /^\p{Ll}/u.test(f.value)));
    if (!code && !headingText && last && !last.section && hasContent(last) && !mergedAbove.has('code') && (lowerOnly || (!title && !isBullet(text.target ?? '') && row.filled.every((f) => f.role === 'target' || f.role === 'actions')))) {
      for (const { role, value } of row.filled) {
        if (role === 'extra' || role === 'code') continue;
        const before = role === 'title' ? last.title : (last.text[role] ?? '');
        const joined = !before ? value : /[.;:!?]$/.test(before) ? `${before}\n${value}` : `${before} ${value}`;
        if (role === 'title') last.title = joined;
        else last.text[role] = joined;
      }
      last.continuedOn.push(dataRow.line);
      warnings.push({ line: dataRow.line, code: 'continued-row', params: { path: last.path }, message: `row with no code continues ${last.path} (a row broken across pages)` });
      continue;
    }
    // "KIỆN TOÀN ... PHÒNG THỦ" then "DÂN SỰ": a section heading wrapped onto a row of its own.
    if (headingText && last?.section && !last.children.length && last === nodes[nodes.length - 1] && UPPER_TEXT(headingText) && UPPER_TEXT(last.title) && !/[.:;]$/.test(last.title)) {
      last.title = `${last.title} ${headingText}`;
      last.continuedOn.push(dataRow.line);
      continue;
    }
    // Only text, going on from a task whose text ended mid-list (";", ","): the rest of that task's text.
    if (!code && !headingText && last && !last.section && row.filled.length === 1 && row.filled[0]!.role === 'title' && (/[;,]$/.test(last.title) || /^\p{Ll}/u.test(title) || (/^\d/.test(title) && !/[.:;!?]$/.test(last.title)))) {
      last.title = `${last.title} ${title}`;
      last.continuedOn.push(dataRow.line);
      continue;
    }
    // "A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" with the heading spanning the row from a unit column (the lead column comes first);
    // "5.1 | | Thương mại": a numbered group row whose label landed in another column.
    if (code && code.kind !== 'bullet' && !title) {
      const others = row.filled.filter((f) => f.role !== 'code');
      if (others.length === 1) {
        title = others[0]!.value.replace(/\n/g, ' ');
        if (others[0]!.role !== 'extra') text[others[0]!.role] = '';
      }
    }
    // A row whose task cell is merged with the row above is more of that task (another unit, another date).
    if (!code && !headingText && mergedAbove.has('title') && last) {
      for (const { role, value } of row.filled) {
        if (role === 'title' || role === 'code') continue;
        if (role === 'extra') continue;
        last.text[role] = last.text[role] ? `${last.text[role]}\n${value}` : value;
      }
      last.continuedOn.push(dataRow.line);
      continue;
    }

    // A lone line of text after the last row ("Đề xuất kiến nghị: ...", "Ghi chú: ...") is a note under the table.
    if (!code && !headingText && r === rows.length - 1 && row.filled.length === 1 && row.filled[0]!.role === 'title' && nodes.some((n) => n.code)) {
      warnings.push({ line: dataRow.line, code: 'text-under-table', params: { text: title.slice(0, 60) }, message: `text under the table, not a task: "${title.slice(0, 60)}"` });
      continue;
    }
    const titleMissing = !title;
    if (!title) title = (text.target || text.actions || '').split('\n')[0] ?? '';
    if (!title && !hasContent({ text } as TreeNode)) continue;

    const node: TreeNode = {
      code: code && code.kind !== 'bullet' ? code.code : '',
      path: '',
      line: dataRow.line,
      continuedOn: dataRow.continuedOn,
      section: Boolean(headingText) || code?.kind === 'roman' || (code?.kind === 'letter' && code.upper),
      title,
      titleMissing,
      text,
      mergedAbove,
      extra,
      parent: undefined,
      children: [],
      keepsTask: false,
      item: false,
      table,
    };
    if (rawCode && !code) {
      warnings.push({ line: dataRow.line, code: 'stt-not-code', params: { stt: rawCode }, message: `STT "${rawCode}" is not a code; row kept without one` });
      node.extra['STT'] = rawCode;
    }

    // Rows under an STT cell merged down over them, each with its own task text: tasks sharing that number.
    const sharesNumber = !code && !headingText && mergedAbove.has('code') && !mergedAbove.has('title') && !titleMissing;
    const previous = sharesNumber ? lastNumbered : undefined;
    const numbered = previous && (numberOwner.get(previous) ?? previous);
    if (numbered) {
      numberOwner.set(node, numbered);
      node.code = numbered.code;
      node.parent = numbered.parent;
      let k = 2;
      while (paths.has(`${numbered.path}~${k}`)) k++;
      node.path = `${numbered.path}~${k}`;
      paths.add(node.path);
      node.parent?.children.push(node);
      nodes.push(node);
      last = node;
      lastNumbered = node;
      continue;
    }
    const bulletMarker = code?.kind === 'bullet' ? code.marker : !code && !titleMissing && isBullet(title) ? (title.trimStart()[0] === '+' ? '+' : '-') : undefined;
    // Two numbering columns: the second gives the row's place ("a)" under group "1"), the first its number.
    const outline = row.rawSubcode ? parseRowCode(row.rawSubcode) : undefined;
    if (code && code.kind !== 'bullet' && outline && outline.kind !== 'bullet') {
      node.parent = open(codeStyle(outline), node);
      node.path = join(node.parent ? node.parent.path : prefix, code.code);
    } else if (code && code.kind !== 'bullet') {
      const style = codeStyle(code);
      let parent = open(style, node);
      if (code.kind === 'arabic') {
        const base = parent;
        const scope = scopeOf(base);
        if (code.parts.length > 1) {
          let found: TreeNode | undefined;
          for (let n = code.parts.length - 1; n > 0 && !found; n--) {
            const prefix = code.parts.slice(0, n).join('.');
            // "III.1" under the Roman row "III" itself.
            found = scope.get(prefix) ?? (base?.code === prefix ? base : undefined);
          }
          if (found) parent = found;
          else warnings.push({ line: dataRow.line, code: 'missing-parent', params: { parent: code.parts.slice(0, -1).join('.'), code: code.code, under: base?.path ?? '' }, message: `no row ${code.parts.slice(0, -1).join('.')} above ${code.code}; placed under ${base?.path ?? 'the table'}` });
        }
        scope.set(code.code, node);
        node.path = join(base ? base.path : prefix, code.code);
      } else {
        node.path = join(parent ? parent.path : prefix, code.code);
      }
      node.parent = parent;
    } else if (bulletMarker) {
      // "- ..." and "+ ..." items: under the row above, a "+" under a "-".
      node.parent = open(bulletMarker === '+' ? 'bullet+' : 'bullet-', node);
      node.path = unnumberedPath(node.parent);
    } else if (headingText) {
      // An uncoded heading closes the numbered rows above it: it sits beside them, under the section.
      const k = stack.findIndex((l) => l.style !== 'roman' && l.style !== 'letter-upper' && l.style !== 'roman-dotted');
      if (k >= 0) stack.length = k;
      node.parent = open('heading', node);
      node.path = unnumberedPath(node.parent);
    } else {
      // No code: content of an index line, or a row that lost its STT (beside the row above).
      const above = top();
      const underAbove = above && (above.section || (titleMissing && !hasContent(above)) || mergedAbove.has('code'));
      node.parent = underAbove ? above : above?.parent;
      node.path = unnumberedPath(node.parent);
      warnings.push({ line: dataRow.line, code: 'uncoded-row', params: { text: title.slice(0, 60), path: node.path }, message: `row with no code: "${title.slice(0, 60)}" taken as task ${node.path}` });
    }
    node.item = !node.code || Boolean(bulletMarker) || (outline ?? code)?.kind === 'letter' && !((outline ?? code) as { upper?: boolean }).upper;
    if (paths.has(node.path)) {
      let k = 2;
      while (paths.has(`${node.path}~${k}`)) k++;
      warnings.push({ line: dataRow.line, code: 'duplicate-code', params: { code: node.code, under: node.parent?.path ?? '', path: `${node.path}~${k}` }, message: `code ${node.code} appears twice under ${node.parent?.path ?? 'the table'}; the second is ${node.path}~${k}` });
      node.path = `${node.path}~${k}`;
    }
    paths.add(node.path);
    // "- Hoàn thiện ..." as a task's text: the dash is layout, not part of the title.
    if (isBullet(node.title)) node.title = node.title.replace(/^\s*[-+•]\s*/, '');
    node.parent?.children.push(node);
    nodes.push(node);
    last = node;
    if (node.code && !node.section) lastNumbered = node;
  }
  for (const node of nodes) node.keepsTask = keepsTask(node);
  return nodes;
}

/**
 * A numbered row followed by unnumbered items stays a task itself when it has
 * its own text and its own units, not shared with its items (a unit cell
 * merged down over the items, or left empty on them, makes it their group).
 */
function keepsTask(node: TreeNode): boolean {
  if (!node.children.length || node.section || node.titleMissing || !node.code) return false;
  // Items are unnumbered or lettered (a, b) rows; numbered children (1.1 under 1) make a group.
  if (node.children.some((c) => !c.item)) return false;
  return [...RESPONSIBILITY_ROLES, 'deadline' as const].some((role) => node.text[role] && node.children.every((c) => c.text[role] && !c.mergedAbove.has(role)));
}
