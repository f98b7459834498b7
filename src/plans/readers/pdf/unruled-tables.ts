// Tables with no drawn borders (the fallback when a page has no rules): the
// columns come from the header row's labels ("STT | Nội dung | ... "), each
// boundary put in the widest run of blank space between two labels over the
// whole table; a row starts where the first column has text (a code) or
// where the gap above a line is wider than between the lines of one cell. The
// table ends at a wide gap or at a line that runs across a column boundary.

import { isHeaderRow } from '../../header-recognition.ts';
import type { TextPiece } from './page-content.ts';
import type { GridRow } from './ruled-tables.ts';
import { cellParagraphs, groupLines, lineText, segments, type VisualLine } from './visual-lines.ts';

/** Pieces further apart than this many ems are in different columns. */
const COLUMN_GAP_EM = 1;
/** A gap above a line this many ems wider than the tightest gap between lines starts a new row. */
const ROW_GAP_EM = 0.35;
/** A gap of this many ems ends the table. */
const END_GAP_EM = 2;

export interface UnruledTable {
  top: number;
  bottom: number;
  rows: GridRow[];
  /** The visual lines the table took. */
  lines: Set<VisualLine>;
}

/** Column boundaries: between each two labels, the middle of the longest x range least covered by the table's text. */
function boundaries(labels: VisualLine[], lines: VisualLine[]): number[] {
  const spans = lines.flatMap((l) => segments(l, COLUMN_GAP_EM));
  const out: number[] = [];
  for (let i = 0; i + 1 < labels.length; i++) {
    const from = Math.ceil((labels[i]!.x0 + labels[i]!.x1) / 2);
    const to = Math.max(from, Math.floor((labels[i + 1]!.x0 + labels[i + 1]!.x1) / 2));
    const cover: number[] = [];
    for (let x = from; x <= to; x++) cover.push(spans.filter((s) => x >= s.x0 && x <= s.x1).length);
    const least = Math.min(...cover);
    let best = { start: 0, length: 0 };
    for (let k = 0; k < cover.length; ) {
      if (cover[k] !== least) {
        k++;
        continue;
      }
      let j = k;
      while (j < cover.length && cover[j] === least) j++;
      if (j - k > best.length) best = { start: k, length: j - k };
      k = j;
    }
    out.push(from + best.start + (best.length - 1) / 2);
  }
  return out;
}

/** The first unruled task table among a page's lines, if a header row is found. */
export function findUnruledTable(lines: readonly VisualLine[]): UnruledTable | undefined {
  const start = lines.findIndex((l) => {
    const segs = segments(l, COLUMN_GAP_EM);
    return segs.length >= 3 && isHeaderRow(segs.map((s) => lineText(s.pieces)));
  });
  if (start < 0) return undefined;
  const labels = segments(lines[start]!, COLUMN_GAP_EM);
  const centers = labels.map((s) => (s.x0 + s.x1) / 2);
  // The table runs until a line crosses two label centres in one piece (a paragraph) or a wide gap.
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const gap = line.top - lines[end - 1]!.bottom;
    if (gap > END_GAP_EM * line.size) break;
    const crossing = segments(line, COLUMN_GAP_EM).some((s) => centers.filter((c) => c > s.x0 && c < s.x1).length >= 2);
    if (crossing) break;
  }
  let region = lines.slice(start, end);
  let cuts = boundaries(labels, region);
  // Text in a table stays within its column: the first line running across a boundary ends the table.
  const across = region.findIndex((l) => segments(l, COLUMN_GAP_EM).some((s) => cuts.some((b) => s.x0 < b - 2 && s.x1 > b + 2)));
  if (across > 0) {
    region = region.slice(0, across);
    cuts = boundaries(labels, region);
  }
  const columnOf = (x: number) => cuts.filter((b) => x >= b).length;
  const gaps = region.slice(1).map((l, i) => l.top - region[i]!.bottom);
  const tightest = Math.max(0, Math.min(...gaps.filter((g) => g >= 0), Infinity));

  const rowsOfLines: VisualLine[][] = [];
  region.forEach((line, i) => {
    const code = segments(line, COLUMN_GAP_EM).some((s) => columnOf(s.x0) === 0);
    const gap = i > 0 ? line.top - region[i - 1]!.bottom : 0;
    if (i === 0 || code || gap > tightest + ROW_GAP_EM * line.size) rowsOfLines.push([line]);
    else rowsOfLines[rowsOfLines.length - 1]!.push(line);
  });
  // Pieces by row and column; a column's text width is that of its widest line (wrapped text fills it).
  const grid = rowsOfLines.map((rowLines) => {
    const byColumn: TextPiece[][] = labels.map(() => []);
    for (const line of rowLines) for (const s of segments(line, COLUMN_GAP_EM)) byColumn[columnOf(s.x0)]!.push(...s.pieces);
    return byColumn.map((pieces) => groupLines(pieces));
  });
  const widths = labels.map((_, c) => Math.max(0, ...grid.flatMap((row) => row[c]!.map((l) => l.x1 - l.x0))));
  const rows: GridRow[] = grid.map((row) => {
    const cells = row.map((lines, c) => (lines.length ? cellParagraphs(lines, widths[c]!).normalize('NFC') : ''));
    return { cells, merged: cells.map(() => undefined) };
  });
  return { top: region[0]!.top, bottom: region[region.length - 1]!.bottom, rows, lines: new Set(region) };
}
