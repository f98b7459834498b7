// Tables drawn with cell borders, as Word draws them in the PDFs it exports:
// the ruling lines that cross each other make a grid; a border missing between
// two grid cells means one merged cell (colspan / rowspan); each text piece
// belongs to the cell that contains it.

import type { MergedFrom } from '../../table-model.ts';
import type { Rule, TextPiece } from './page-content.ts';
import { cellParagraphs, groupLines } from './visual-lines.ts';

/** Rules this close (points) are one line: double borders, a border drawn by both neighbouring cells. */
const SAME_LINE = 2;
/** Collinear pieces of one line with a gap this small are joined. */
const JOIN_GAP = 2;
/** How far a rule may stop short of the rule it meets. */
const TOUCH = 2.5;
/** Grid lines closer than this (points) are one: no cell is thinner. */
const MIN_CELL = 5;

/** A grid position: where the line is, and the span of rule positions it stands for. */
interface GridLine {
  at: number;
  lo: number;
  hi: number;
}

export interface RuledGrid {
  xs: GridLine[];
  ys: GridLine[];
  horizontals: Rule[];
  verticals: Rule[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface GridRow {
  cells: string[];
  merged: Array<MergedFrom | undefined>;
}

/** Collinear rules merged: one rule per line, gaps up to JOIN_GAP bridged. */
export function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const lines: Rule[][] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && r.at - last[0]!.at <= SAME_LINE) last.push(r);
    else lines.push([r]);
  }
  const out: Rule[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.from - b.from);
    // Each joined rule sits at the mean of its own pieces: two tables' borders a point apart stay apart.
    let run: Rule[] = [];
    let to = -Infinity;
    const flush = () => {
      if (run.length) out.push({ horizontal: run[0]!.horizontal, at: run.reduce((s, r) => s + r.at, 0) / run.length, from: run[0]!.from, to });
      run = [];
    };
    for (const r of line) {
      if (run.length && r.from > to + JOIN_GAP) flush();
      run.push(r);
      to = run.length === 1 ? r.to : Math.max(to, r.to);
    }
    flush();
  }
  return out;
}

function gridLines(positions: number[]): GridLine[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const out: GridLine[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p - last.hi < MIN_CELL) {
      last.hi = p;
      last.at = (last.lo + last.hi) / 2;
    } else out.push({ at: p, lo: p, hi: p });
  }
  return out;
}

/** Groups of rules that cross or meet one another and span at least a 2 × 2 grid of lines: the page's tables. */
export function findGrids(rules: readonly Rule[]): RuledGrid[] {
  const merged = mergeRules(rules.filter((r) => r.horizontal)).concat(mergeRules(rules.filter((r) => !r.horizontal)));
  const parent = merged.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hs = merged.map((r, i) => [r, i] as const).filter(([r]) => r.horizontal);
  const vs = merged.map((r, i) => [r, i] as const).filter(([r]) => !r.horizontal);
  for (const [h, hi] of hs) {
    for (const [v, vi] of vs) {
      if (v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH) parent[find(hi)] = find(vi);
    }
  }
  const groups = new Map<number, Rule[]>();
  merged.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  const grids: RuledGrid[] = [];
  for (const group of groups.values()) {
    const horizontals = group.filter((r) => r.horizontal);
    const verticals = group.filter((r) => !r.horizontal);
    if (!horizontals.length || !verticals.length) continue;
    const x0 = Math.min(...horizontals.map((h) => h.from), ...verticals.map((v) => v.at));
    const x1 = Math.max(...horizontals.map((h) => h.to), ...verticals.map((v) => v.at));
    const top = Math.min(...verticals.map((v) => v.from), ...horizontals.map((h) => h.at));
    const bottom = Math.max(...verticals.map((v) => v.to), ...horizontals.map((h) => h.at));
    // The table's outer edges count as grid lines even where a style leaves them undrawn.
    const xs = gridLines([...verticals.map((v) => v.at), x0, x1]);
    const ys = gridLines([...horizontals.map((h) => h.at), top, bottom]);
    if (xs.length < 2 || ys.length < 2) continue;
    grids.push({ xs, ys, horizontals, verticals, x0, x1, top, bottom });
  }
  return grids.sort((a, b) => a.top - b.top);
}

/** Whether a drawn rule separates grid cells at this line, around the point `mid` along it. */
function drawn(rules: readonly Rule[], line: GridLine, mid: number): boolean {
  return rules.some((r) => r.at >= line.lo - TOUCH && r.at <= line.hi + TOUCH && r.from <= mid && r.to >= mid);
}

/** The grid cell holding a piece: its first characters, halfway up. */
export function cellOf(grid: RuledGrid, p: TextPiece): { r: number; c: number } | undefined {
  const x = p.x0 + Math.min(3, (p.x1 - p.x0) / 2);
  const y = (p.top + p.bottom) / 2;
  const c = grid.xs.findIndex((l, i) => i + 1 < grid.xs.length && x >= l.at && x < grid.xs[i + 1]!.at);
  const r = grid.ys.findIndex((l, i) => i + 1 < grid.ys.length && y >= l.at && y < grid.ys[i + 1]!.at);
  return c < 0 || r < 0 ? undefined : { r, c };
}

/**
 * The grid's rows with the text of each cell. A merged cell's text is copied
 * into every position it covers, marked 'left' where it spans from the left
 * and 'above' where it spans from above, as read-html.ts does for colspan and
 * rowspan. Rows with no text anywhere are left out.
 */
export function gridRows(grid: RuledGrid, pieces: readonly TextPiece[]): GridRow[] {
  const nr = grid.ys.length - 1;
  const nc = grid.xs.length - 1;
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++) {
    const ym = (grid.ys[r]!.at + grid.ys[r + 1]!.at) / 2;
    for (let c = 0; c + 1 < nc; c++) if (!drawn(grid.verticals, grid.xs[c + 1]!, ym)) parent[find(id(r, c + 1))] = find(id(r, c));
  }
  for (let c = 0; c < nc; c++) {
    const xm = (grid.xs[c]!.at + grid.xs[c + 1]!.at) / 2;
    for (let r = 0; r + 1 < nr; r++) if (!drawn(grid.horizontals, grid.ys[r + 1]!, xm)) parent[find(id(r + 1, c))] = find(id(r, c));
  }
  // Each merged cell: its top-left grid position and its extent.
  const box = new Map<number, { r0: number; c0: number; r1: number; c1: number; pieces: TextPiece[] }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const b = box.get(root);
      if (!b) box.set(root, { r0: r, c0: c, r1: r, c1: c, pieces: [] });
      else {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  for (const p of pieces) {
    const at = cellOf(grid, p);
    if (at) box.get(find(id(at.r, at.c)))!.pieces.push(p);
  }
  // Cell padding: how far the text nearest its cell's left border stands from it.
  let pad = Infinity;
  for (const b of box.values()) for (const p of b.pieces) pad = Math.min(pad, p.x0 - grid.xs[b.c0]!.at);
  pad = Number.isFinite(pad) ? Math.max(1, Math.min(pad, 12)) : 5;
  const texts = new Map<number, string>();
  for (const [root, b] of box) {
    const width = grid.xs[b.c1 + 1]!.at - grid.xs[b.c0]!.at - 2 * pad;
    texts.set(root, b.pieces.length ? cellParagraphs(groupLines(b.pieces), width).normalize('NFC') : '');
  }
  const rows: GridRow[] = [];
  for (let r = 0; r < nr; r++) {
    const cells: string[] = [];
    const merged: Array<MergedFrom | undefined> = [];
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const b = box.get(root)!;
      cells.push(texts.get(root)!);
      merged.push(c > b.c0 ? 'left' : r > b.r0 ? 'above' : undefined);
    }
    if (cells.some((t, c) => t && merged[c] === undefined)) rows.push({ cells, merged });
  }
  return rows;
}

/** Whether two parts of a table (one per page) have the same columns. */
export function sameColumns(a: RuledGrid, b: RuledGrid): boolean {
  return a.xs.length === b.xs.length && a.xs.every((l, i) => Math.abs(l.at - b.xs[i]!.at) <= TOUCH + (l.hi - l.lo) / 2 + (b.xs[i]!.hi - b.xs[i]!.lo) / 2);
}

/** Whether a grid is within another's columns (some borders not drawn on this page): it can be read on the other's columns. */
export function withinColumns(outer: RuledGrid, inner: RuledGrid): boolean {
  const first = outer.xs[0]!;
  const last = outer.xs[outer.xs.length - 1]!;
  const near = (a: GridLine, b: GridLine) => Math.abs(a.at - b.at) <= 2 * TOUCH;
  return near(inner.xs[0]!, first) && near(inner.xs[inner.xs.length - 1]!, last) && inner.xs.every((l) => outer.xs.some((o) => near(o, l)));
}

/** The grid read on another grid's column lines: a column line with no rule drawn here makes merged cells. */
export function onColumns(grid: RuledGrid, columns: RuledGrid): RuledGrid {
  return { ...grid, xs: columns.xs.map((l) => ({ ...l })) };
}
