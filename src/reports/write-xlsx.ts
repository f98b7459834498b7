// The report model as an .xlsx workbook: the task table and the summary, each on its own
// sheet with its heading, a frozen header row, column widths and an A4 landscape print
// layout that repeats the header row on every page.
import ExcelJS from 'exceljs';
import type { CellValue, ReportModel, ReportTable } from './export-model.ts';
import { xmlText } from './xml-text.ts';

/** Excel's most characters in a cell. */
export const XLSX_CELL_MAX = 32_767;
/** exceljs's PaperSize.A4 (a const enum, which erasable TypeScript cannot import). */
const PAPER_A4 = 9;
/** Points a wrapped heading line takes at 11 pt. */
const HEADING_LINE_HEIGHT = 15;

/** Text as a cell can hold it: XML-safe and within Excel's length. */
export function cellText(text: string): string {
  const clean = xmlText(text);
  return clean.length > XLSX_CELL_MAX ? `${clean.slice(0, XLSX_CELL_MAX - 1)}…` : clean;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function setCell(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null) return;
  if (typeof value === 'number') {
    cell.value = value;
    cell.numFmt = '0';
    return;
  }
  if (typeof value === 'object') {
    // A real date (sortable), shown dd/mm/yyyy; UTC midnight is the civil day in Excel's serial.
    cell.value = new Date(`${value.date}T00:00:00.000Z`);
    cell.numFmt = 'dd/mm/yyyy';
    return;
  }
  // User and plan text is always written as a shared string, never as { formula }: a title
  // or report reading "=HYPERLINK(...)" stays text in Excel (exceljs makes a formula only
  // of an object with a formula field, and the test reads the cell type back).
  cell.value = cellText(value);
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const width = table.columns.length;
  const headerRow = table.heading.length + 2;
  const sheet = workbook.addWorksheet(cellText(table.sheetName).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: PAPER_A4 as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width }));

  // Excel does not grow a merged row to its wrapped text: a plan title of 300 characters
  // gets the lines it needs across the table's width (≈ one character a width unit).
  const tableWidth = table.columns.reduce((n, c) => n + c.width, 0);
  table.heading.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    const lines = Math.ceil((line.length * 1.1) / Math.max(tableWidth, 1));
    if (lines > 1) row.height = lines * HEADING_LINE_HEIGHT;
    setCell(row.getCell(1), line);
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (width > 1) sheet.mergeCells(i + 1, 1, i + 1, width);
  });

  const header = sheet.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    setCell(cell, c.header);
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });

  table.rows.forEach((r, i) => {
    const row = sheet.getRow(headerRow + 1 + i);
    r.cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      setCell(cell, value);
      cell.alignment = { vertical: 'top', wrapText: true, ...(typeof value === 'number' || (value && typeof value === 'object') ? { horizontal: 'center' as const } : {}) };
      cell.border = BORDER;
      if (r.kind !== 'task') cell.font = { bold: true };
    });
  });
}

/** The workbook's bytes. `createdAt` comes from the caller's clock. */
export async function writeReportXlsx(model: ReportModel, options: { createdAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nhắc Việc';
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  addTableSheet(workbook, model.tasks);
  addTableSheet(workbook, model.summary);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
