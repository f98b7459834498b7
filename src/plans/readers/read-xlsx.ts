// .xlsx, where clerks keep plans: every row of every sheet, merged cells
// copied into the positions they cover and marked merged.

import ExcelJS from 'exceljs';
import type { MergedFrom, RawBlock, RawDocument } from '../table-model.ts';
import { sheetBlock } from './sheet-rows.ts';

function cellString(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: unknown }).result;
    // A formula saved without its value (written by a program, never opened in a spreadsheet): its text is unknown.
    if (result === undefined) throw new Error(`cell ${cell.worksheet.name}!${cell.address} holds a formula with no saved value; open the file in Excel or LibreOffice and save it again`);
    return result === null ? '' : typeof result === 'object' && result && 'error' in result ? '' : String(result);
  }
  if (typeof v === 'object' && 'result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return cell.text ?? String(v);
}

export async function readXlsx(buffer: Buffer): Promise<RawDocument> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const blocks: RawBlock[] = [];
  let tableId = 0;
  for (const sheet of workbook.worksheets) {
    tableId++;
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const merged: Array<MergedFrom | undefined> = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        cells.push(cellString(master).replace(/\r\n?/g, '\n'));
        merged.push(master === cell || master.address === cell.address ? undefined : master.col !== cell.col ? 'left' : 'above');
      }
      while (cells.length && !cells[cells.length - 1]!.trim()) {
        cells.pop();
        merged.pop();
      }
      blocks.push(sheetBlock(cells, rowNumber, tableId, merged));
    });
  }
  return { unit: 'row', blocks };
}
