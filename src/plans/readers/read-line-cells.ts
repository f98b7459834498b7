// The one-cell-per-line layout (no tabs): a table is "STT" followed by one
// header label a line, then rows with no delimiter: a code line, a name line,
// one or more target lines, one or more action lines and a deadline line, some
// of them missing. Rows are rebuilt from what each line looks like.

import { parseRowCode, splitSectionHeading } from '../codes.ts';
import { isDeadlineLine } from '../deadline-cells.ts';
import { fold } from '../fold.ts';
import { assignRoles, isCodeLabel, isGroupLabel, isMappedLabel, isTaskTable, labelMeaning, type Column, type ColumnMapping } from '../header-recognition.ts';
import { splitTargetAndActions } from '../split-content.ts';
import type { RawBlock, RawDocument } from '../table-model.ts';
import { isBullet, squeeze } from '../text-cells.ts';
import { assignLinesToColumns } from './line-columns.ts';
import { splitLines } from './text-lines.ts';

const TABLE_END = /^(phu luc\b|noi nhan\b|nguon( tra cuu)?:|tm\. |kt\. |chu tich$)/;

interface PendingRow {
  line: number;
  code: string;
  title: string;
  content: string[];
  deadline: string;
  closed: boolean;
  roman: boolean;
}

/** Reads header labels after an "STT" line; returns the labels and the index after them. */
function readHeader(lines: string[], start: number, mapping?: ColumnMapping): { labels: string[]; next: number } {
  const labels: string[] = [squeeze(lines[start]!)];
  let i = start + 1;
  while (i < lines.length && labels.length < 14) {
    const t = squeeze(lines[i]!);
    if (!t) {
      i++;
      continue;
    }
    if (parseRowCode(t) || ((labelMeaning(t) === undefined || labelMeaning(t) === 'code') && !isMappedLabel(mapping, t))) break;
    labels.push(t);
    i++;
  }
  // "Cơ quan thực hiện" followed by "Chủ trì", "Phối hợp": the parent is not a column of its own
  // (but "Đơn vị thực hiện" followed by "Đơn vị phối hợp" is two columns).
  const kept = labels.filter((label, k) => {
    if (!isGroupLabel(label)) return true;
    const next = labels[k + 1];
    return !(next && ['lead', 'coordinate', 'monitor', 'execute'].includes(labelMeaning(next) ?? '') && !/^(co quan|don vi|bo phan)\b/.test(fold(next)));
  });
  return { labels: kept, next: i };
}

export function readLineCells(text: string, mapping?: ColumnMapping): RawDocument {
  const lines = splitLines(text);
  const blocks: RawBlock[] = [];
  let columns: Column[] | undefined;
  let pending: PendingRow | undefined;

  const indexOf = (role: string) => columns?.findIndex((c) => c.role === role) ?? -1;

  /**
   * Tables whose columns after the task are not only target, actions and a final deadline
   * (units, products, notes...): a row's lines are given to the columns in the header's order.
   */
  let positional = false;
  const flush = () => {
    if (!pending || !columns) return;
    const cells = columns.map(() => '');
    if (positional) {
      // Every line after the STT line, the task's own included, goes to a column in the header's order.
      const after = columns.filter((c) => c.role !== 'code');
      const lines = [pending.title, ...pending.content, pending.deadline].filter(Boolean);
      assignLinesToColumns(lines, after.map((c) => c.role)).forEach((got, k) => {
        cells[after[k]!.index] = got.join('\n');
      });
      if (indexOf('code') >= 0) cells[indexOf('code')] = pending.code;
      blocks.push({ kind: 'row', cells, line: pending.line });
      pending = undefined;
      return;
    }
    const put = (role: string, value: string) => {
      const i = indexOf(role);
      if (i >= 0) cells[i] = value;
    };
    const { target, actions } = splitTargetAndActions(pending.content, {
      target: indexOf('target') >= 0,
      actions: indexOf('actions') >= 0,
    });
    put('code', pending.code);
    put('title', pending.title);
    put('target', target.join('\n'));
    put('actions', actions.join('\n'));
    put('deadline', pending.deadline);
    if (indexOf('target') < 0 && indexOf('actions') < 0 && pending.content.length) {
      put('title', [pending.title, ...pending.content].filter(Boolean).join('\n'));
    }
    blocks.push({ kind: 'row', cells, line: pending.line });
    pending = undefined;
  };

  const startRow = (line: number, fields: Partial<PendingRow>) => {
    flush();
    pending = { line, code: '', title: '', content: [], deadline: '', closed: false, roman: false, ...fields };
  };

  let expectTitle = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = squeeze(raw);
    const lineNo = i + 1;
    if (!columns) {
      if (t.length < 20 && isCodeLabel(t)) {
        const { labels, next } = readHeader(lines, i, mapping);
        const cols = assignRoles(labels.map((child) => ({ parent: '', child })), mapping);
        if (isTaskTable(cols)) {
          columns = cols;
          // The samples' shape (STT, the task, then targets, actions and a last deadline) keeps its own reading.
          const roles = cols.filter((c) => c.role !== 'code').map((c) => c.role);
          const rest = roles.slice(1);
          positional =
            roles[0] !== 'title' || !rest.every((r) => r === 'target' || r === 'actions' || r === 'deadline') || (rest.includes('deadline') && rest[rest.length - 1] !== 'deadline');
          blocks.push({ kind: 'row', cells: labels, line: lineNo });
          i = next - 1;
          expectTitle = false;
          continue;
        }
      }
      blocks.push({ kind: 'text', text: raw, line: lineNo });
      continue;
    }
    if (!t) continue;
    const f = fold(t.slice(0, 40));
    if (TABLE_END.test(f) || (t.length < 20 && isCodeLabel(t))) {
      flush();
      columns = undefined;
      i--; // read this line again outside the table
      continue;
    }
    // "I. NÂNG CAO NHẬN THỨC" on one line: a section row, not the end of the table.
    const section = !parseRowCode(t) && t.length <= 200 ? splitSectionHeading(t) : undefined;
    if (section && (section.title === section.title.toLocaleUpperCase('vi') || section.code.kind === 'roman')) {
      startRow(lineNo, { code: section.code.code, title: section.title, roman: true, closed: true });
      expectTitle = false;
      continue;
    }
    const code = parseRowCode(t);
    if (code && code.kind !== 'bullet' && !(code.kind === 'letter' && !code.upper)) {
      startRow(lineNo, { code: t.replace(/\s+/g, ''), roman: code.kind === 'roman' });
      expectTitle = true;
      continue;
    }
    if (expectTitle && pending) {
      pending.title = t;
      expectTitle = false;
      continue;
    }
    // A row whose STT was lost keeps the leading space of its empty first cell.
    if (/^\s+\S/.test(raw) && !isBullet(t) && pending && (pending.content.length || pending.deadline)) {
      startRow(lineNo, { title: t });
      continue;
    }
    if (positional) {
      if (pending && !pending.closed) pending.content.push(t);
      else startRow(lineNo, { content: [t] });
      continue;
    }
    if (indexOf('deadline') >= 0 && isDeadlineLine(t) && pending && !pending.closed && !(pending.roman && !pending.content.length)) {
      pending.deadline = t;
      pending.closed = true;
      continue;
    }
    if (!pending || pending.closed || (pending.roman && pending.content.length === 0)) {
      // Content right under an index line (or after a finished row) with no STT: a row of its own.
      startRow(lineNo, { content: [t] });
      continue;
    }
    pending.content.push(t);
  }
  flush();
  return { unit: 'line', blocks };
}
