// Test helpers that turn a sample text plan into the formats plans really come
// in: a .docx (tables with merged header cells, one paragraph a line in cells)
// and an .xlsx (one row a row, merged header cells).
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { isSubHeaderRow } from '../../src/plans/header-recognition.ts';
import { readText } from '../../src/plans/readers/read-text.ts';
import type { RawBlock, RawRow } from '../../src/plans/table-model.ts';
import { cellLines } from '../../src/plans/text-cells.ts';

type Piece = { kind: 'text'; text: string } | { kind: 'table'; rows: RawRow[] };

/** Text lines and runs of table rows, in order; blank lines dropped. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const block of readText(text).blocks as RawBlock[]) {
    if (block.kind === 'text') {
      if (block.text.trim()) out.push({ kind: 'text', text: block.text.trim() });
      continue;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'table') last.rows.push(block);
    else out.push({ kind: 'table', rows: [block] });
  }
  return out;
}

interface LaidCell {
  lines: string[];
  colSpan: number;
  rowSpan: number;
}

/** Rows laid out with spans: a two-row header becomes merged cells, as in the signed document. */
function layRows(rows: RawRow[]): LaidCell[][] {
  const width = Math.max(...rows.map((r) => r.cells.length));
  const out: LaidCell[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = Array.from({ length: width }, (_, i) => rows[r]!.cells[i] ?? '');
    const next = rows[r + 1];
    if (next && isSubHeaderRow(next.cells, cells)) {
      const sub = Array.from({ length: width }, (_, i) => next.cells[i] ?? '');
      const top: LaidCell[] = [];
      const below: LaidCell[] = [];
      for (let i = 0; i < width; i++) {
        if (!sub[i]!.trim()) {
          top.push({ lines: cellLines(cells[i]!), colSpan: 1, rowSpan: 2 });
          continue;
        }
        let span = 1;
        while (i + span < width && !cells[i + span]!.trim() && sub[i + span]!.trim()) span++;
        top.push({ lines: cellLines(cells[i]!), colSpan: span, rowSpan: 1 });
        for (let k = 0; k < span; k++) below.push({ lines: cellLines(sub[i + k]!), colSpan: 1, rowSpan: 1 });
        i += span - 1;
      }
      out.push(top, below);
      r++;
      continue;
    }
    out.push(cells.map((c) => ({ lines: cellLines(c), colSpan: 1, rowSpan: 1 })));
  }
  return out;
}

export async function textPlanToDocx(text: string): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const piece of pieces(text)) {
    if (piece.kind === 'text') {
      children.push(new Paragraph({ text: piece.text, alignment: AlignmentType.LEFT }));
      continue;
    }
    const laid = layRows(piece.rows);
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: laid.map(
          (cells) =>
            new TableRow({
              children: cells.map(
                (c) =>
                  new TableCell({
                    children: c.lines.length ? c.lines.map((l) => new Paragraph(l)) : [new Paragraph('')],
                    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
                    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
                  }),
              ),
            }),
        ),
      }),
    );
    children.push(new Paragraph(''));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function textPlanToXlsx(text: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kế hoạch');
  let r = 0;
  for (const piece of pieces(text)) {
    if (piece.kind === 'text') {
      sheet.getCell(++r, 1).value = piece.text;
      continue;
    }
    const laid = layRows(piece.rows);
    const start = r + 1;
    const taken = new Set<string>();
    laid.forEach((cells, dr) => {
      let c = 1;
      for (const cell of cells) {
        while (taken.has(`${start + dr}:${c}`)) c++;
        sheet.getCell(start + dr, c).value = cell.lines.join('\n');
        if (cell.colSpan > 1 || cell.rowSpan > 1) {
          sheet.mergeCells(start + dr, c, start + dr + cell.rowSpan - 1, c + cell.colSpan - 1);
          for (let y = 0; y < cell.rowSpan; y++) for (let x = 0; x < cell.colSpan; x++) taken.add(`${start + dr + y}:${c + x}`);
        }
        c += cell.colSpan;
      }
    });
    r = start + laid.length - 1;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function textPlanToCsv(text: string): string {
  const quote = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return pieces(text)
    .flatMap((p) => (p.kind === 'text' ? [quote(p.text)] : p.rows.map((row) => row.cells.map((c) => quote(cellLines(c).join('\n'))).join(','))))
    .join('\n');
}
