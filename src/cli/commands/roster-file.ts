// Reading a roster (.csv or .xlsx: name, unit[, role] by header, Vietnamese or English)
// into rows for addOfficers, with the same size and zip guards as a plan's spreadsheet.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { TranslateFn } from '../../messages/i18n.ts';
import type { NewOfficer } from '../../tasks/officers.ts';
import { MAX_PLAN_BYTES } from '../../plans/read-plan-file.ts';
import { checkXlsx } from '../../plans/sheet-guard.ts';
import { decodeUtf16WithBom } from '../../plans/utf8.ts';
import { ZipRefused } from '../../plans/zip-guard.ts';
import { InputError } from '../command.ts';

/** Largest roster read at once. */
export const MAX_ROSTER_ROWS = 5_000;

const HEADER_ALIASES: Record<string, keyof NewOfficer> = {
  name: 'name', 'họ tên': 'name', 'ho ten': 'name', 'họ và tên': 'name', 'ho va ten': 'name',
  unit: 'unit', 'đơn vị': 'unit', 'don vi': 'unit',
  role: 'role', 'vai trò': 'role', 'vai tro': 'role',
};

function mapHeader(cells: string[]): Array<keyof NewOfficer | undefined> {
  return cells.map((c) => HEADER_ALIASES[c.trim().toLowerCase()]);
}

export type RosterRow = NewOfficer & { line: number };

function rowsFromTable(table: Array<{ line: number; cells: string[] }>, t: TranslateFn): RosterRow[] {
  const [header, ...rest] = table;
  if (!header) throw new InputError('the roster is empty');
  const columns = mapHeader(header.cells);
  if (!columns.includes('name') || !columns.includes('unit')) throw new InputError(t('cli-roster-header', { line: header.line }));
  if (rest.length > MAX_ROSTER_ROWS) throw new InputError(`the roster has ${rest.length} rows; at most ${MAX_ROSTER_ROWS} at once`);
  return rest
    .filter((r) => r.cells.some((c) => c.trim()))
    .map((r) => {
      const get = (key: keyof NewOfficer) => {
        const i = columns.indexOf(key);
        return i >= 0 ? (r.cells[i] ?? '').trim() : '';
      };
      // An empty role keeps a known officer's role (officer for someone new).
      return { line: r.line, name: get('name'), unit: get('unit'), ...(get('role') ? { role: get('role') } : {}) };
    });
}

export async function readRoster(file: string, t: TranslateFn): Promise<RosterRow[]> {
  const ext = extname(file).toLowerCase();
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (ext === '.csv') {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      // A roster saved from Excel or Notepad as "Unicode" is UTF-16 with a byte order mark.
      records = parseCsv(decodeUtf16WithBom(data) ?? data, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
    } catch (err) {
      throw new InputError(`${file}: ${(err as Error).message}`);
    }
    return rowsFromTable(records.map((r) => ({ line: r.info.lines, cells: r.record })), t);
  }
  if (ext === '.xlsx') {
    // The same guards as a plan's: size, zip bombs, sheet dimensions and merged ranges, before exceljs expands it.
    if (data.length > MAX_PLAN_BYTES) throw new InputError(`${file}: file is ${(data.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PLAN_BYTES / 1024 / 1024} MB limit`);
    try {
      checkXlsx(data);
    } catch (err) {
      if (err instanceof ZipRefused) throw new InputError(`${file}: not a readable .xlsx: ${err.message}${err.entry ? ` (${err.entry})` : ''}`);
      throw err;
    }
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch (err) {
      throw new InputError(`${file}: not a readable .xlsx file (${(err as Error).message})`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new InputError(`${file}: the workbook has no sheet`);
    const table: Array<{ line: number; cells: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table.push({ line: rowNumber, cells: values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v))) });
    });
    return rowsFromTable(table, t);
  }
  throw new InputError(`${file}: expected a .csv or .xlsx file`);
}
