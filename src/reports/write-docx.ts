// The report model as a .docx: the same task table and summary, for pasting into the
// written report. A4 landscape, Times New Roman as official documents use, the header row
// repeated on every page. Text goes into runs, which Word never evaluates.
import {
  AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { formatDmy } from '../status/tracking-status.ts';
import type { CellValue, ReportModel, ReportTable } from './export-model.ts';
import { xmlText } from './xml-text.ts';

/** A4 in twips (portrait; docx swaps them for landscape), and the printable width left by 1.5 cm margins. */
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = 850;
const TABLE_WIDTH = A4_HEIGHT - 2 * MARGIN;
const FONT = 'Times New Roman';
/** Half-points: 10 pt in tables, 13 pt headings. */
const TABLE_SIZE = 20;
const HEADING_SIZE = 26;

function text(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return formatDmy(value.date);
  return xmlText(value);
}

/** One paragraph a cell, lines joined by breaks: a 10,000-row table is built from far fewer objects. */
function paragraph(value: CellValue, options: { bold?: boolean; center?: boolean }): Paragraph {
  const lines = text(value).split('\n');
  return new Paragraph({
    ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
    children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...(options.bold ? { bold: true } : {}) })),
  });
}

function tableOf(table: ReportTable): Table {
  const total = table.columns.reduce((n, c) => n + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * TABLE_WIDTH));
  // Cells take their width from the table's grid (columnWidths), so none is set per cell.
  const cell = (value: CellValue, options: { bold?: boolean; center?: boolean }) => new TableCell({ children: [paragraph(value, options)] });
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.header, { bold: true, center: true })) }),
      ...table.rows.map((r) => new TableRow({
        children: r.cells.map((v) => cell(v, { bold: r.kind !== 'task', center: typeof v === 'number' || (v !== null && typeof v === 'object') })),
      })),
    ],
  });
}

function headingOf(table: ReportTable): Paragraph[] {
  return table.heading.map((line, i) => new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: xmlText(line), bold: i === 0, size: HEADING_SIZE })],
  }));
}

/** The document's bytes. */
export async function writeReportDocx(model: ReportModel): Promise<Buffer> {
  const page = { size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } };
  const doc = new Document({
    creator: 'Nhắc Việc',
    title: xmlText(model.tasks.heading[1] ?? model.tasks.heading[0] ?? ''),
    // The font and table size once for the whole document rather than on every run.
    styles: { default: { document: { run: { font: FONT, size: TABLE_SIZE } } } },
    sections: [
      { properties: { page }, children: [...headingOf(model.tasks), new Paragraph({ text: '' }), tableOf(model.tasks)] },
      { properties: { page }, children: [...headingOf(model.summary), new Paragraph({ text: '' }), tableOf(model.summary)] },
    ],
  });
  return Packer.toBuffer(doc);
}
