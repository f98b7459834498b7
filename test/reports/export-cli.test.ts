// `export` against a real PostgreSQL database: the Đồng Nai plan imported, answers recorded
// at fixed dates through the conversation core, reports exported for Q3 and the whole of
// 2024, and the files opened to check each task's status as of the period's end.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { decideExtension, recordAnswer, requestExtension } from '../../src/tasks/answers.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { SAMPLE_FILES, SAMPLES_DIR } from '../plans/samples.ts';

const FORMULA_NOTE = '=HYPERLINK("http://evil.example/x","Bấm vào đây")';
// Today, for the CLI: the reports are about 2024, long past.
const clock = fixedClock('2025-02-10T03:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'export-'));
let db: TestDatabase;
let env: Record<string, string>;
/** Each task's actions text ("Giải pháp, hoạt động"), unique in the plan where titles are not. */
const keys: Record<string, string> = {};

async function taskAt(path: string) {
  const plan = await db.prisma.plan.findFirstOrThrow({ where: { number: '336/KH-UBND' } });
  return db.prisma.task.findUniqueOrThrow({ where: { planId_path: { planId: plan.id, path } } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  env = { DATABASE_URL: db.url, LOG_LEVEL: 'silent' };
  const imported = await runCliCapture(['import', new URL(SAMPLE_FILES.dongNai, SAMPLES_DIR).pathname, '--json'], { env });
  expect(imported.code).toBe(0);

  const p = db.prisma;
  const home = await p.unit.findFirstOrThrow({ where: { name: 'Sở Nội vụ' } });
  const officer = await p.officer.create({ data: { name: 'Trần Thị Bình', unitId: home.id } });
  const admin = await p.officer.create({ data: { name: 'Lê Quản Trị', unitId: home.id, role: 'ADMIN' } });
  const [inspection, yearly, innovation, structure] = await Promise.all(['PL1/III/3', 'PL1/III/1', 'PL1/III/5', 'PL1/III/6'].map(taskAt));
  Object.assign(keys, { inspection: inspection!.actions, yearly: yearly!.actions, innovation: innovation!.actions, structure: structure!.actions });
  for (const actions of Object.values(keys)) expect(await p.task.count({ where: { planId: inspection!.planId, actions } })).toBe(1);
  expect(inspection!.due?.toISOString().slice(0, 10)).toBe('2024-09-30');
  expect(yearly!.due?.toISOString().slice(0, 10)).toBe('2024-12-31');

  const answer = (taskId: number, kind: 'DONE' | 'IN_PROGRESS' | 'BLOCKED', at: string, extra: { progress?: number; note?: string } = {}) =>
    recordAnswer(p, { officerId: officer.id, taskId, kind, now: new Date(at), ...extra });
  // Kiểm tra CCHC (due 30/09/2024): half done in August, finished on 5 October, late.
  await answer(inspection!.id, 'IN_PROGRESS', '2024-08-01T03:00:00Z', { progress: 50, note: 'Đã kiểm tra 5/10 đơn vị' });
  await answer(inspection!.id, 'DONE', '2024-10-05T03:00:00Z', { note: FORMULA_NOTE });
  // Thực hiện kế hoạch CCHC (due 31/12/2024): blocked in September, extended in December to 31/03/2025.
  const blocked = await answer(yearly!.id, 'BLOCKED', '2024-09-15T03:00:00Z', { note: 'Chờ kinh phí' });
  if (blocked.outcome !== 'recorded') throw new Error('not recorded');
  await p.evidence.create({ data: { reportId: blocked.report.id, kind: 'LINK', reference: 'https://vanban.dongnai.gov.vn/cv-123', createdAt: new Date('2024-09-15T03:05:00Z') } });
  const asked = await requestExtension(p, { officerId: officer.id, taskId: yearly!.id, proposedDue: '2025-03-31', reason: 'Chưa có kinh phí', now: new Date('2024-12-18T03:00:00Z') });
  if (asked.outcome !== 'requested') throw new Error('not requested');
  await decideExtension(p, { officerId: admin.id, requestId: asked.requestId, approve: true, now: new Date('2024-12-20T03:00:00Z') });
  // Đổi mới, sáng tạo (due 31/12/2024): done on 20 September, on time.
  await answer(innovation!.id, 'DONE', '2024-09-20T03:00:00Z');
  // Sắp xếp tổ chức bộ máy (due 31/12/2024): never answered.
}, 60_000);

afterAll(async () => {
  await db.drop();
});

async function runExport(...args: string[]) {
  const result = await runCliCapture(['export', ...args], { env, clock });
  return result;
}

async function openXlsx(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The row of a sheet's header (the last frozen row). */
const headerRowOf = (sheet: ExcelJS.Worksheet) => (sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;

/** The values of the task sheet's row whose actions are `actions`, keyed by header. */
function rowOf(sheet: ExcelJS.Worksheet, actions: string): Record<string, ExcelJS.CellValue> {
  const headerRow = headerRowOf(sheet);
  const headers = (sheet.getRow(headerRow).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const keyColumn = headers.indexOf('Giải pháp, hoạt động');
  const found: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow || row.getCell(keyColumn).value !== actions) return;
    found.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i).value] as const).filter(([h]) => h)));
  });
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('export of a plan', () => {
  it('Q3 2024: statuses as of 30/09/2024, not as of today', async () => {
    const out = join(dir, 'q3.xlsx');
    const { code, stdout, stderr } = await runExport('336', '--period', 'Q3', '--year', '2024', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}\n`);
    const sheet = (await openXlsx(out)).getWorksheet('Nhiệm vụ')!;
    expect(sheet.getCell('A3').value).toBe('Kỳ báo cáo: Quý III năm 2024 (từ ngày 01/07/2024 đến ngày 30/09/2024)');
    expect(sheet.getCell('A4').value).toBe('Tình trạng thực hiện tính đến ngày 30/09/2024');

    expect(rowOf(sheet, keys.inspection!)).toMatchObject({
      'Tình trạng thực hiện': 'Đang thực hiện trong hạn', 'Tiến độ (%)': 50, 'Báo cáo gần nhất': '01/08/2024, Trần Thị Bình: Đã kiểm tra 5/10 đơn vị', 'Thời gian hoàn thành': '30/9/2024',
    });
    expect(rowOf(sheet, keys.inspection!)['Ngày hoàn thành']).toBeNull();
    expect(rowOf(sheet, keys.yearly!)).toMatchObject({ 'Tình trạng thực hiện': 'Vướng mắc', 'Minh chứng': 'https://vanban.dongnai.gov.vn/cv-123', 'Gia hạn': null });
    expect(rowOf(sheet, keys.innovation!)).toMatchObject({ 'Tình trạng thực hiện': 'Hoàn thành đúng hạn', 'Ngày hoàn thành': new Date('2024-09-20T00:00:00Z'), 'Tiến độ (%)': 100 });
    expect(rowOf(sheet, keys.structure!)).toMatchObject({ 'Tình trạng thực hiện': 'Chưa thực hiện, còn trong hạn', 'Tiến độ (%)': 0 });
  });

  it('the year 2024: late completion, the granted extension, a task due on the last day still in time; a note like =HYPERLINK(...) stays text', async () => {
    const out = join(dir, 'nam-2024.xlsx');
    const { code } = await runExport('336/KH-UBND', '--period', 'year', '--year', '2024', '--out', out);
    expect(code).toBe(0);
    const workbook = await openXlsx(out);
    const sheet = workbook.getWorksheet('Nhiệm vụ')!;
    const inspection = rowOf(sheet, keys.inspection!);
    expect(inspection).toMatchObject({ 'Tình trạng thực hiện': 'Hoàn thành quá hạn', 'Ngày hoàn thành': new Date('2024-10-05T00:00:00Z'), 'Tiến độ (%)': 100 });
    expect(inspection['Báo cáo gần nhất']).toBe(`05/10/2024, Trần Thị Bình: ${FORMULA_NOTE}`);
    expect(rowOf(sheet, keys.yearly!)).toMatchObject({ 'Tình trạng thực hiện': 'Vướng mắc', 'Gia hạn': 'Đến ngày 31/03/2025 (đồng ý ngày 20/12/2024)' });
    // Due 31/12/2024 and unanswered: overdue today (10/02/2025), but not yet at the period's end.
    expect(rowOf(sheet, keys.structure!)).toMatchObject({ 'Tình trạng thực hiện': 'Chưa thực hiện, còn trong hạn' });

    // No cell of the file is a formula.
    for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    // The summary counts every task of the plan once, under its responsible unit.
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const headerRow = headerRowOf(summary);
    const header = summary.getRow(headerRow).values as ExcelJS.CellValue[];
    const rows = new Map<string, ExcelJS.CellValue[]>();
    summary.eachRow((row, n) => {
      if (n > headerRow) rows.set(String(row.getCell(1).value), row.values as ExcelJS.CellValue[]);
    });
    const home = rows.get('Sở Nội vụ')!;
    const at = (name: string) => header.indexOf(name);
    expect(home[at('Hoàn thành quá hạn')]).toBe(1);
    expect(home[at('Hoàn thành đúng hạn')]).toBe(1);
    expect(home[at('Vướng mắc')]).toBe(1);
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { number: '336/KH-UBND' } });
    const counted = await db.prisma.task.count({ where: { planId: plan.id, isGroup: false, status: { not: 'CANCELLED' } } });
    expect(rows.get('Tổng cộng')![at('Tổng số nhiệm vụ')]).toBe(counted);
  });

  it('a range ending after a deadline: the unanswered task is overdue, the extended one is not', async () => {
    const out = join(dir, 'den-31-01.xlsx');
    expect((await runExport('336', '--period', '2024-01-01..2025-01-31', '--out', out)).code).toBe(0);
    const sheet = (await openXlsx(out)).getWorksheet('Nhiệm vụ')!;
    expect(rowOf(sheet, keys.structure!)).toMatchObject({ 'Tình trạng thực hiện': 'Quá hạn chưa hoàn thành' });
    expect(rowOf(sheet, keys.yearly!)).toMatchObject({ 'Tình trạng thực hiện': 'Vướng mắc' });
  });

  it('--format docx: the same table, statuses as of the period end, the note as text', async () => {
    const out = join(dir, 'q3.docx');
    const { code, stdout } = await runExport('336', '--period', '2024-07-01..2024-09-30', '--format', 'docx', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}\n`);
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(out) });
    const docxRow = (actions: string) => {
      // A cell is one paragraph, its lines joined by <br />.
      const first = actions.split('\n')[0]!;
      const rows = html.split('<tr>').filter((r) => r.includes(`<p>${first}</p>`) || r.includes(`<p>${first}<br />`));
      expect(rows).toHaveLength(1);
      return rows[0]!;
    };
    expect(html).toContain('Kỳ báo cáo: Từ ngày 01/07/2024 đến ngày 30/09/2024');
    expect(docxRow(keys.inspection!)).toContain('<p>Đang thực hiện trong hạn</p>');
    expect(docxRow(keys.innovation!)).toContain('<p>Hoàn thành đúng hạn</p>');
    expect(docxRow(keys.innovation!)).toContain('<p>20/09/2024</p>');

    const year = join(dir, 'nam-2024.docx');
    expect((await runExport('336', '--year', '2024', '--out', year)).code).toBe(0);
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(year) });
    expect(text).toContain(FORMULA_NOTE);
    expect(text).toContain('Hoàn thành quá hạn');
  });

  it('--unit narrows the table to the tasks of that unit; --json says what was written', async () => {
    const out = join(dir, 'tu-phap.xlsx');
    const { code, stdout } = await runExport('336', '--year', '2024', '--unit', 'Sở Tư pháp', '--out', out, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { path: string; tasks: number; statusDate: string; unit: string };
    const justice = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tư pháp' } });
    const expected = await db.prisma.task.count({ where: { isGroup: false, units: { some: { unitId: justice.id } } } });
    expect(expected).toBeGreaterThan(0);
    expect(result).toMatchObject({ path: out, tasks: expected, statusDate: '2024-12-31', unit: 'Sở Tư pháp' });
    const sheet = (await openXlsx(out)).getWorksheet('Nhiệm vụ')!;
    expect(sheet.getCell('A5').value).toBe('Đơn vị: Sở Tư pháp');
    let taskRows = 0;
    sheet.eachRow((row, n) => {
      if (n > headerRowOf(sheet) && row.getCell(7).value) taskRows++;
    });
    expect(taskRows).toBe(expected);
  });

  it('without --out, writes bao-cao-<number>-<period> in the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, stdout } = await runExport('336', '--period', 'Q1', '--year', '2024');
      expect(code).toBe(0);
      expect(stdout).toBe(`${join(dir, 'bao-cao-336-KH-UBND-Q1-2024.xlsx')}\n`);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a plan whose period has ended: Q4 means its last year, and a plan without a number is exported by id', async () => {
    const imported = await runCliCapture(['import', new URL(SAMPLE_FILES.phuLuc1, SAMPLES_DIR).pathname, '--json'], { env });
    expect(imported.code).toBe(0);
    const { planId } = JSON.parse(imported.stdout) as { planId: number };
    const { code, stdout } = await runExport(String(planId), '--period', 'Q4', '--json', '--out', join(dir, 'phu-luc-1.xlsx'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ plan: { id: planId, number: null }, period: { kind: 'Q4', from: '2024-10-01', to: '2024-12-31' }, statusDate: '2024-12-31' });
  });

  it('a number two plans share (numbers restart each year) is refused with their ids; the id picks one', async () => {
    const next = await db.prisma.plan.create({
      data: { kind: 'KE_HOACH', number: '336/KH-UBND', issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai', issuedOn: new Date('2025-10-01'), title: 'Kế hoạch năm 2025', sourceFileName: 'x', sourceHash: 'x' },
    });
    try {
      const refused = await runExport('336', '--year', '2024');
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(new RegExp(`"336" names 2 plans; give the id of one:\\n  #${next.id} 336/KH-UBND, issued 2025-10-01: Kế hoạch năm 2025\\n  #\\d+ 336/KH-UBND, issued 2024-10-15`));
      const picked = await runExport(String(next.id), '--year', '2025', '--out', join(dir, 'next.xlsx'), '--json');
      expect(picked.code).toBe(0);
      expect(JSON.parse(picked.stdout)).toMatchObject({ plan: { id: next.id }, tasks: 0 });
    } finally {
      await db.prisma.plan.delete({ where: { id: next.id } });
    }
  });

  it.each([
    [['9999/KH-UBND'], /no plan "9999\/KH-UBND"/],
    [['336', '--period', 'Q5'], /--period: period "Q5" is not Q1/],
    [['336', '--format', 'pdf'], /--format must be xlsx or docx/],
    [['336', '--year', '24'], /--year must be a year/],
    [['336', '--unit', 'Phòng Không Có'], /no unit named "Phòng Không Có"/],
    [[], /missing <plan id or number>/],
  ])('bad input %j exits 2 and writes nothing', async (args, message) => {
    const { code, stdout, stderr } = await runExport(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
