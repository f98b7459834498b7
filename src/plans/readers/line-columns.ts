// In the one-cell-per-line layout a row's cells follow each other with no
// delimiter: "Sở Tài chính", "Sở, ban, ngành có liên quan", "2026" after the
// task text are the lead, coordinating and deadline cells, in the header's
// order, some of them missing. Each line is given to a column so that the
// columns keep the header's order and each line fits its column best (units
// in unit columns, dates in the deadline column, sentences in text columns):
// a small dynamic programme over lines x columns.

import type { ColumnRole } from '../header-recognition.ts';
import { isDeadlineLine } from '../deadline-cells.ts';
import { isUnitLine, startsWithUnitHead } from '../unit-names.ts';

type LineKind = 'unit' | 'deadline' | 'text';

function kindOf(line: string): LineKind {
  const t = line.trim();
  if (isDeadlineLine(t) || /^(năm\s+)?\d{4}(\s*[-–]\s*\d{4})?\.?$/iu.test(t) || (t.length <= 40 && /\b(19|20)\d{2}\b/.test(t) && !startsWithUnitHead(t))) return 'deadline';
  if (isUnitLine(t)) return 'unit';
  return 'text';
}

const UNIT_ROLES = new Set<ColumnRole>(['monitor', 'lead', 'coordinate', 'execute']);

function fit(kind: LineKind, role: ColumnRole, length: number): number {
  const long = length > 60;
  // The task's text is the long sentence of the row; notes, budgets and products are short.
  if (role === 'title') return kind === 'text' ? 1.5 + Math.min(length, 100) / 100 : kind === 'unit' ? -2 : -3;
  // A lone unit line is the lead rather than a coordinating unit.
  if (UNIT_ROLES.has(role)) return kind === 'unit' ? (role === 'lead' ? 2.5 : 2) : kind === 'deadline' ? -3 : -2;
  // A deadline cell can be words ("Theo kế hoạch của Sở"), never a list of units.
  if (role === 'deadline') return kind === 'deadline' ? 3 : kind === 'unit' ? -3 : -1.5;
  if (role === 'person') return kind === 'text' ? 0.5 : kind === 'unit' ? 0 : -2;
  if (role === 'target' || role === 'actions') return kind === 'text' ? 0.5 : kind === 'unit' ? 0 : -1; // a product can be named like a body ("Bộ Từ điển dữ liệu")
  return kind === 'text' ? (long ? 0 : 0.5) : kind === 'unit' ? 0 : -1;
}

/** Cost of a further line in the same cell: one cell is one line here, except text cells written as "- ..." lines. */
function again(role: ColumnRole): number {
  if (role === 'lead') return -4; // a lead cell names one unit, or several on one line
  if (role === 'title') return -1.5; // a task's text is one line here; the next text line is its product or note
  return UNIT_ROLES.has(role) || role === 'deadline' ? -2.5 : 0;
}

/** Lines of one row (after its code and title) given to the columns in `roles`, in order. */
export function assignLinesToColumns(lines: string[], roles: ColumnRole[]): string[][] {
  const n = lines.length;
  const m = roles.length;
  const cells: string[][] = roles.map(() => []);
  if (n === 0 || m === 0) return cells;
  const kinds = lines.map(kindOf);
  const lengths = lines.map((l) => l.trim().length);
  // best[i][j]: best score with line i in column j; from[i][j]: the column of line i-1.
  const best: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-Infinity));
  const from: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-1));
  for (let j = 0; j < m; j++) best[0]![j] = fit(kinds[0]!, roles[j]!, lengths[0]!) - j * 0.01;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const here = fit(kinds[i]!, roles[j]!, lengths[i]!);
      for (let k = 0; k <= j; k++) {
        const score = best[i - 1]![k]! + here + (k === j ? again(roles[j]!) : 0) - (j - k) * 0.01;
        if (score > best[i]![j]!) {
          best[i]![j] = score;
          from[i]![j] = k;
        }
      }
    }
  }
  let j = best[n - 1]!.indexOf(Math.max(...best[n - 1]!));
  for (let i = n - 1; i >= 0; i--) {
    cells[j]!.unshift(lines[i]!);
    j = from[i]![j]!;
  }
  return cells;
}
