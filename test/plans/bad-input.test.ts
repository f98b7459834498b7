// Bad input: a clear message naming the file and where, exit code 2, nothing written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { textPlanToDocx } from './convert.ts';
import { sampleText } from './samples.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'plans-bad-'));

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function cli(args: string[]) {
  const { code, stdout: out, stderr: err } = await runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
  return { code, out, err };
}

function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A zip with one stored or deflated entry, sizes declared as given. */
function zipWith(name: string, data: Buffer, declared: number, method = 8): Buffer {
  const body = method === 8 ? deflateRawSync(data) : data;
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBuf.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, body, central, nameBuf, end]);
}

async function expectRefused(path: string, message: RegExp) {
  const { code, out, err } = await cli(['import', path]);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err).toMatch(message);
  expect(await db.prisma.plan.count()).toBe(0);
  expect(await db.prisma.task.count()).toBe(0);
  expect(await db.prisma.unit.count()).toBe(0);
}

describe('import refuses bad input with exit code 2 and writes nothing', () => {
  it('an empty file', async () => {
    await expectRefused(file('empty.txt', ''), /empty\.txt: empty file/);
    await expectRefused(file('blank.txt', '\n\n  \n'), /blank\.txt: empty file/);
  });

  it('a text with no task table (only a score table)', async () => {
    const text = 'KẾ HOẠCH\nTT\tLĩnh vực\tKết quả năm 2023\tChỉ tiêu năm 2024\n1\tCải cách thể chế\t6.5/7\t07/07\n';
    await expectRefused(file('scores.txt', text), /scores\.txt: line 2: no task table found/);
  });

  it('a 100,000-row plan: refused within seconds, exit 2, nothing written', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i + 1}\tNhiệm vụ số ${i + 1}\tVăn phòng - Thống kê\tQuý II/2025`);
    const path = file('huge.txt', ['KẾ HOẠCH', 'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành', ...rows].join('\n'));
    const before = await db.prisma.task.count();
    const { code, err } = await cli(['import', path]);
    expect(code).toBe(2);
    expect(err).toContain('huge.txt: more than 20,000 table rows');
    expect(await db.prisma.task.count()).toBe(before);
    expect(await db.prisma.plan.count()).toBe(0);
  });

  it('spreadsheets that would expand: a merged range over the whole sheet, a cell at column XFD, for plans and rosters', async () => {
    const sheet = (body: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;
    const xlsx = (xml: string) => zipWith('xl/worksheets/sheet1.xml', Buffer.from(xml), Buffer.byteLength(xml));
    const merged = file('merged.xlsx', xlsx(sheet('<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')));
    const far = file('far.xlsx', xlsx(sheet('<sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')));
    const started = Date.now();
    await expectRefused(merged, /merged\.xlsx: xl\/worksheets\/sheet1\.xml: not a readable \.xlsx: a merged range A1:XFD1048576 covers/);
    await expectRefused(far, /far\.xlsx: xl\/worksheets\/sheet1\.xml: not a readable \.xlsx: a cell at XFD1 lies beyond 256 columns/);
    const roster = await cli(['officer', 'import', merged]);
    expect(roster.code).toBe(2);
    expect(roster.err).toContain('merged.xlsx: not a readable .xlsx: a merged range A1:XFD1048576');
    // Refused from their own XML, not after exceljs built the cells.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a NUL in a text plan, naming the line; a formula saved without its value, naming the cell', async () => {
    await expectRefused(file('nul.txt', 'KẾ HOẠCH\nSTT\tNội dung\tThời hạn\n1\tViệc\u0000\tQuý II/2025\n'), /nul\.txt: line 3: control character U\+0000/);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phụ lục');
    sheet.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành']);
    sheet.addRow([1, 'Rà soát thủ tục', 'Sở Nội vụ', 'Quý II/2025']);
    sheet.getCell('D3').value = { formula: 'D2' } as ExcelJS.CellFormulaValue;
    const path = file('formula.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await expectRefused(path, /formula\.xlsx: not a readable \.xlsx: cell Phụ lục!D3 holds a formula with no saved value/);
  });

  it('invalid UTF-8, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from('STT\tNội dung\tThời hạn\n1\tViệc\t'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    await expectRefused(file('latin.txt', bytes), /latin\.txt: line 2: invalid UTF-8/);
  });

  it('a corrupt .docx and a corrupt .xlsx', async () => {
    const good = await textPlanToDocx(sampleText('phuLuc1'));
    await expectRefused(file('cut.docx', good.subarray(0, Math.floor(good.length / 2))), /cut\.docx: not a readable \.docx/);
    await expectRefused(file('junk.xlsx', Buffer.from('this is not a spreadsheet at all, just text')), /junk\.xlsx: not a readable \.xlsx/);
    await expectRefused(file('notdocx.docx', zipWith('hello.txt', Buffer.from('hello'), 5)), /notdocx\.docx: not a readable \.docx/);
  });

  it('a zip bomb: huge declared size, and a size that lies', async () => {
    const zeros = Buffer.alloc(50 * 1024 * 1024);
    await expectRefused(file('bomb.docx', zipWith('word/document.xml', zeros, zeros.length)), /bomb\.docx: word\/document\.xml: not a readable \.docx: entry expands/);
    await expectRefused(file('liar.docx', zipWith('word/document.xml', zeros, 1000)), /liar\.docx: word\/document\.xml: .*beyond its declared size/);
  });

  it('a file over 20 MB', async () => {
    await expectRefused(file('huge.txt', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61)), /huge\.txt: file is 20\.0 MB, over the 20 MB limit/);
  });

  it('a bad --issued date is a usage error', async () => {
    const { code, err } = await cli(['import', file('ok.txt', sampleText('phuLuc1')), '--issued', '2024-13-45']);
    expect(code).toBe(2);
    expect(err).toMatch(/--issued/);
  });
});
