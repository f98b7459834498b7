// From a document's rows and text to its task tables: headers recognised (one
// or two rows), repeated headers after page breaks dropped, page-break
// continuation rows merged cell by cell into the row above, score tables and
// other tables without tasks set aside.

import { fold } from './fold.ts';
import { assignRoles, isColumnIndexRow, isHeaderRow, isSubHeaderRow, isTaskTable, type Column, type ColumnMapping } from './header-recognition.ts';
import type { RawDocument, RawRow, RawText } from './table-model.ts';
import { splitSectionHeading } from './codes.ts';
import { isBullet } from './text-cells.ts';

export interface DataRow {
  /** Raw cell text by column index (HTML fragments not yet cleaned). */
  cells: string[];
  line: number;
  /** Lines of page-break continuation rows merged into this one. */
  continuedOn: number[];
  /** Per column: true where the cell's text was copied down from the row above by a vertical merge. */
  mergedAbove?: boolean[];
}

export interface TaskTable {
  columns: Column[];
  headerLine: number;
  rows: DataRow[];
  /** Text lines between the previous table and this one (appendix number and title). */
  heading: RawText[];
}

/** A header-like row that did not make a task table: shown to the user when no table is found. */
export interface RejectedHeader {
  line: number;
  cells: string[];
  columns: Column[];
}

export interface AssembledDocument {
  unit: 'line' | 'row';
  tables: TaskTable[];
  /** Every text line of the document, for plan metadata. */
  texts: RawText[];
  /** Headers seen that were not task tables (score tables, unknown columns). */
  rejected: RejectedHeader[];
}

export interface AssembleOptions {
  /** The user's column mapping (`--columns`). */
  columns?: ColumnMapping;
}

function headerKey(cells: string[]): string {
  return cells.map((c) => fold(c).replace(/[^a-z0-9]/g, '')).join('|').replace(/\|+$/, '');
}

function headerLabels(first: string[], second: string[] | undefined): Array<{ parent: string; child: string }> {
  const width = Math.max(first.length, second?.length ?? 0);
  const out: Array<{ parent: string; child: string }> = [];
  let spanning = '';
  for (let i = 0; i < width; i++) {
    const top = (first[i] ?? '').trim();
    const below = (second?.[i] ?? '').trim();
    if (top) spanning = top;
    // An empty top cell over a sub-label belongs to the label spanning from the left.
    const parent = top || (below ? spanning : '');
    out.push(second ? { parent, child: below } : { parent: '', child: top });
  }
  return out;
}

function joinPieces(above: string, below: string): string {
  if (!above.trim()) return below;
  if (!below.trim()) return above;
  let top = above;
  let next = below;
  // A paragraph cut by the page break (no full stop before it) goes on as the same paragraph,
  // even where the conversion closed it with </p> and opened the rest with <p>.
  const open = top.replace(/(\s*<\/(p|li)>\s*)+$/i, '');
  if (/[.!?:]\s*$/.test(open)) return `${top.replace(/\s+$/, '')}\n${next.replace(/^\s+/, '')}`;
  top = open;
  next = next.replace(/^\s*<(p|li)>/i, '');
  return `${top.replace(/\s+$/, '')} ${next.replace(/^\s+/, '')}`;
}

/** Body cells: a cell merged from the left is part of the cell before it, not a value of its own. */
function bodyCells(row: RawRow): string[] {
  return row.cells.map((c, i) => (row.merged?.[i] === 'left' ? '' : c));
}

/** A section heading written as a line: "I. KINH TẾ SỐ", "B. Nhiệm vụ cụ thể". */
function isSectionLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 200 && splitSectionHeading(t) !== undefined;
}

/** Whether the next non-blank block after b is a table row. */
function nextRow(blocks: RawDocument['blocks'], b: number): boolean {
  for (let k = b + 1; k < blocks.length; k++) {
    const next = blocks[k]!;
    if (next.kind === 'row') return next.cells.some((c) => c.trim());
    if (next.text.trim()) return false;
  }
  return false;
}

export function assembleTables(doc: RawDocument, options: AssembleOptions = {}): AssembledDocument {
  const tables: TaskTable[] = [];
  const rejected: RejectedHeader[] = [];
  const texts: RawText[] = [];
  let heading: RawText[] = [];
  let current: { table: TaskTable | undefined; key: string; subKey: string | undefined; tableId: number | undefined } | undefined;
  let afterHeader = false;
  let skipSubHeader = false;

  const blocks = doc.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === 'text') {
      // "I. NÂNG CAO NHẬN THỨC" on a line of its own between rows (a one-cell row that lost its tabs): a section row.
      if (current?.table && isSectionLine(block.text) && nextRow(blocks, b)) {
        current.table.rows.push({ cells: [block.text.trim(), ...current.table.columns.slice(1).map(() => '')], line: block.line, continuedOn: [] });
        afterHeader = false;
        continue;
      }
      texts.push(block);
      if (block.text.trim()) {
        current = undefined;
        heading.push(block);
      }
      continue;
    }
    const cells = block.cells;
    if (cells.every((c) => !c.trim())) continue;
    // A row whose first cells are merged down from the row above (a header's second row) is not a header of its own.
    const ownCells = cells.map((c, i) => (block.merged?.[i] === 'above' ? '' : c));
    if (isHeaderRow(ownCells, options.columns, !current?.table)) {
      const key = headerKey(cells);
      // A header repeated inside the same source table (after each section, or reshaped: "Nội dung" spanning STT) is that table's.
      const sameSourceTable = current?.table && current.tableId !== undefined && block.tableId === current.tableId;
      if (current && (current.key === key || sameSourceTable)) {
        afterHeader = true;
        skipSubHeader = current.subKey !== undefined;
        continue;
      }
      const next = blocks[b + 1];
      // Cells merged down from the first header row are not labels of the second.
      const nextCells = next?.kind === 'row' ? next.cells.map((c, i) => (next.merged?.[i] === 'above' ? '' : c)) : undefined;
      const sub = nextCells && isSubHeaderRow(nextCells, cells) ? nextCells : undefined;
      if (sub) b++;
      // "Thời gian hoàn" over "thành": header labels wrapped onto a row of their own (a PDF without borders).
      const wrapped = !sub && nextCells?.some((c) => c.trim()) && nextCells.every((c) => !c.trim() || (c.trim().length <= 25 && /^\p{Ll}/u.test(c.trim())));
      if (wrapped) b++;
      const columns = assignRoles(headerLabels(cells, sub), options.columns);
      const table = isTaskTable(columns) ? { columns, headerLine: block.line, rows: [], heading } : undefined;
      if (table) tables.push(table);
      else if (rejected.length < 20) rejected.push({ line: block.line, cells: cells.map((c) => c.trim()), columns });
      heading = [];
      current = { table, key, subKey: sub ? headerKey(sub) : undefined, tableId: block.tableId };
      afterHeader = false;
      skipSubHeader = false;
      continue;
    }
    // Another table of the document ends this one (a signature block, "Nơi nhận" laid out as a table),
    // unless it is as wide: the same appendix cut into several tables without repeating the header.
    if (current && current.tableId !== undefined && block.tableId !== undefined && block.tableId !== current.tableId) {
      if (current.table && block.cells.length === current.table.columns.length) current.tableId = block.tableId;
      else current = undefined;
    }
    if (!current) {
      // The first row of a table that no header was recognised in: what the user may want to map.
      const previous = blocks[b - 1];
      const startsTable = !previous || previous.kind === 'text' || previous.tableId !== block.tableId;
      if (startsTable && rejected.length < 20 && cells.filter((c) => c.trim()).length >= 2) {
        rejected.push({ line: block.line, cells: cells.map((c) => c.trim()), columns: assignRoles(headerLabels(cells, undefined), options.columns) });
      }
      // A layout table (the heading block "ỦY BAN NHÂN DÂN ... | CỘNG HÒA ...", a signature) is text, one line a line.
      for (const cell of cells) {
        for (const line of cell.split('\n')) {
          if (!line.trim()) continue;
          const text: RawText = { kind: 'text', text: line.trim(), line: block.line };
          texts.push(text);
          heading.push(text);
        }
      }
      continue;
    }
    if (skipSubHeader) {
      skipSubHeader = false;
      if (current.subKey === headerKey(ownCells)) continue;
    }
    const table = current.table;
    if (!table) continue;
    if (isColumnIndexRow(ownCells)) continue;
    const width = table.columns.length;
    const row = bodyCells(block).slice(0, Math.max(width, block.cells.length));
    while (row.length < width) row.push('');
    const codeIndex = table.columns.findIndex((c) => c.role === 'code');
    const titleIndex = table.columns.findIndex((c) => c.role === 'title');
    const previous = table.rows[table.rows.length - 1];
    const noCode = codeIndex < 0 || !(row[codeIndex] ?? '').trim();
    const title = titleIndex >= 0 ? (row[titleIndex] ?? '').trim() : '';
    const prevTitle = previous && titleIndex >= 0 ? (previous.cells[titleIndex] ?? '').trim() : '';
    // Sub-items ("- Tỷ lệ ...") after a page break are rows of their own, not continuations: after a
    // row that introduces them ("...trực tuyến:") or after another sub-item.
    const prevIsItem = isBullet(prevTitle) && !!previous && !(previous.cells[codeIndex] ?? '').trim();
    const siblingItem = isBullet(title) && (prevIsItem || /:\s*$/.test(prevTitle));
    if (afterHeader && noCode && previous && !siblingItem) {
      previous.cells = previous.cells.map((c, i) => joinPieces(c, row[i] ?? ''));
      for (let i = previous.cells.length; i < row.length; i++) previous.cells.push(row[i] ?? '');
      previous.continuedOn.push(block.line);
    } else {
      const mergedAbove = block.merged?.some((m) => m === 'above') ? row.map((_, i) => block.merged?.[i] === 'above') : undefined;
      table.rows.push({ cells: row, line: block.line, continuedOn: [], ...(mergedAbove ? { mergedAbove } : {}) });
    }
    afterHeader = false;
  }
  return { unit: doc.unit, tables, texts, rejected };
}
