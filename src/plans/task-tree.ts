// Rows of a task table into a tree. Roman numerals open an index group and
// restart the arabic numbering; "1.2.3" hangs under "1.2"; rows with no code
// hang where plans put them (sub-indicators "- ..." under the row above,
// content right under an index line under that index, a row whose STT was lost
// beside the row above). A row's identity is its path ("II/1.2").

import type { DataRow, TaskTable } from './assemble-tables.ts';
import { parseRowCode } from './codes.ts';
import type { ColumnRole } from './header-recognition.ts';
import { cellText, isBullet } from './text-cells.ts';

export interface Warning {
  line: number;
  message: string;
}

export interface TreeNode {
  /** As written without the trailing dot; "" for a row with no code. */
  code: string;
  path: string;
  line: number;
  continuedOn: number[];
  roman: boolean;
  title: string;
  titleMissing: boolean;
  /** Clean text by role; absent roles are "". */
  text: Partial<Record<ColumnRole, string>>;
  extra: Record<string, string>;
  parent: TreeNode | undefined;
  children: TreeNode[];
  table: TaskTable;
}

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

function textByRole(
  table: TaskTable,
  row: DataRow,
  clean: CellCleaner,
): { text: Partial<Record<ColumnRole, string>>; extra: Record<string, string>; rawCode: string } {
  const text: Partial<Record<ColumnRole, string>> = {};
  const extra: Record<string, string> = {};
  let rawCode = '';
  table.columns.forEach((column, i) => {
    if (column.role === 'code') {
      rawCode = (row.cells[i] ?? '').trim();
      return;
    }
    const value = clean(row.cells[i] ?? '');
    if (column.role === 'extra') {
      if (value) extra[column.label] = value;
    } else {
      text[column.role] = value;
    }
  });
  // Cells beyond the header's width are kept too.
  for (let i = table.columns.length; i < row.cells.length; i++) {
    const value = clean(row.cells[i] ?? '');
    if (value) extra[`column ${i + 1}`] = value;
  }
  return { text, extra, rawCode };
}

function hasContent(node: TreeNode): boolean {
  return Boolean(node.text.target || node.text.actions || node.text.deadline);
}

export function buildTree(table: TaskTable, prefix: string, warnings: Warning[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  const paths = new Set<string>();
  let roman: TreeNode | undefined;
  let scope = new Map<string, TreeNode>();
  let lastNumbered: TreeNode | undefined;
  let last: TreeNode | undefined;
  const unnumberedCount = new Map<TreeNode | undefined, number>();

  const join = (...parts: Array<string | undefined>) => parts.filter(Boolean).join('/');

  const clean = cellCleaner();
  for (const row of table.rows) {
    const { text, extra, rawCode } = textByRole(table, row, clean);
    const code = parseRowCode(rawCode);
    const titleLines = (text.title ?? '').split('\n');
    let title = titleLines.join(' ').trim();
    const titleMissing = !title;
    if (!title) title = (text.target || text.actions || '').split('\n')[0] ?? '';
    if (!title && !hasContent({ text } as TreeNode)) continue;

    const node: TreeNode = {
      code: code ? code.code : '',
      path: '',
      line: row.line,
      continuedOn: row.continuedOn,
      roman: code?.kind === 'roman',
      title,
      titleMissing,
      text,
      extra,
      parent: undefined,
      children: [],
      table,
    };
    if (rawCode && !code) {
      warnings.push({ line: row.line, message: `STT "${rawCode}" is not a code; row kept without one` });
      node.extra['STT'] = rawCode;
    }

    if (code?.kind === 'roman') {
      roman = node;
      scope = new Map();
      node.path = join(prefix, code.code);
    } else if (code?.kind === 'arabic') {
      let parent: TreeNode | undefined;
      for (let n = code.parts.length - 1; n > 0 && !parent; n--) parent = scope.get(code.parts.slice(0, n).join('.'));
      if (!parent && code.parts.length > 1) {
        warnings.push({ line: row.line, message: `no row ${code.parts.slice(0, -1).join('.')} above ${code.code}; placed under ${roman?.code ?? 'the table'}` });
      }
      node.parent = parent ?? roman;
      scope.set(code.code, node);
      node.path = join(prefix, roman?.code, code.code);
    } else {
      // No code: a sub-item of the row above, content of an index, or a row that lost its STT.
      let parent: TreeNode | undefined;
      if (isBullet(title) && !titleMissing) {
        parent = last && !last.code && isBullet(last.title) && last.parent ? last.parent : lastNumbered;
      } else if (titleMissing) {
        parent = lastNumbered && (lastNumbered.roman || !hasContent(lastNumbered)) ? lastNumbered : lastNumbered?.parent;
      } else {
        parent = lastNumbered ? lastNumbered.parent : roman;
      }
      node.parent = parent;
      const n = (unnumberedCount.get(parent) ?? 0) + 1;
      unnumberedCount.set(parent, n);
      node.path = join(parent ? parent.path : prefix, `#${n}`);
      if (!isBullet(title) || titleMissing) warnings.push({ line: row.line, message: `row with no code: "${title.slice(0, 60)}" taken as task ${node.path}` });
    }
    if (paths.has(node.path)) {
      let k = 2;
      while (paths.has(`${node.path}~${k}`)) k++;
      warnings.push({ line: row.line, message: `code ${node.code} appears twice under ${node.parent?.path ?? 'the table'}; the second is ${node.path}~${k}` });
      node.path = `${node.path}~${k}`;
    }
    paths.add(node.path);
    if (!node.code && isBullet(node.title)) node.title = node.title.replace(/^[-+•]\s*/, '');
    node.parent?.children.push(node);
    nodes.push(node);
    if (node.code) lastNumbered = node;
    last = node;
  }
  return nodes;
}
