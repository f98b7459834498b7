// The report model and its .xlsx and .docx files, without a database: layout, Vietnamese
// headings, dates, and user text that looks like a formula staying text.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n, translator } from '../../src/messages/i18n.ts';
import { buildReportModel, type ExportInput, type ExportTask } from '../../src/reports/export-model.ts';
import { parsePeriod } from '../../src/reports/periods.ts';
import type { TaskStateAt } from '../../src/reports/status-at.ts';
import { writeReportDocx } from '../../src/reports/write-docx.ts';
import { writeReportXlsx } from '../../src/reports/write-xlsx.ts';
import { checkZip } from '../../src/plans/zip-guard.ts';

const t = translator(createI18n(), 'vi');
const FORMULA = '=HYPERLINK("http://evil.example/x","bấm vào")';
const state = (s: Partial<TaskStateAt>): TaskStateAt => ({ status: 'open-in-time', progress: 0, extensions: [], evidence: [], ...s });
const lead = (name: string) => ({ name, role: 'LEAD' as const });

const tasks: ExportTask[] = [
  { id: 1, parentId: null, isGroup: true, code: 'I', title: 'CẢI CÁCH THỂ CHẾ', target: null, actions: null, deadlineRaw: null, units: [] },
  {
    id: 2, parentId: 1, isGroup: false, code: '1', title: FORMULA, target: '100% văn bản', actions: null, deadlineRaw: 'Trước ngày 15/3/2025',
    units: [lead('Văn phòng - Thống kê'), { name: 'Tư pháp - Hộ tịch', role: 'COORDINATE' }],
    state: state({ status: 'done-late', due: '2025-03-15', completedOn: '2025-03-20', answeredBy: 'Nguyễn Văn A', progress: 100, latestReport: { on: '2025-03-20', officerName: 'Nguyễn Văn A', note: '+SUM(1,2)\u0007 xong' }, evidence: [{ kind: 'LINK', reference: 'https://vanban.gov.vn/1', fileName: null }, { kind: 'DOCUMENT', reference: 'BQACAgU', fileName: 'bao-cao.pdf' }, { kind: 'PHOTO', reference: 'AgACAgUAAxkBAAI', fileName: null }] }),
  },
  {
    id: 3, parentId: 1, isGroup: false, code: '2', title: 'Rà soát thủ tục hành chính', target: null, actions: null, deadlineRaw: 'Quý I/2025',
    units: [lead('Tư pháp - Hộ tịch')],
    state: state({ status: 'blocked', due: '2025-06-30', progress: 40, extensions: [{ due: '2025-06-30', grantedOn: '2025-03-25' }] }),
  },
  { id: 4, parentId: null, isGroup: true, code: 'II', title: 'Nhóm không còn nhiệm vụ', target: null, actions: null, deadlineRaw: null, units: [] },
];
const input: ExportInput = {
  plan: { number: '45/KH-UBND', title: 'Kế hoạch cải cách hành chính năm 2025' },
  period: parsePeriod('Q1', { year: 2025, today: '2025-08-01' }),
  statusDate: '2025-03-31',
  tasks,
};

describe('the report model', () => {
  const model = buildReportModel(t, input);

  it('keeps the plan\'s columns that its tasks fill, then the state columns, with Vietnamese headings', () => {
    expect(model.tasks.columns.map((c) => c.header)).toEqual([
      'STT', 'Nội dung nhiệm vụ', 'Chỉ tiêu, kết quả, sản phẩm', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành',
      'Tình trạng thực hiện', 'Ngày hoàn thành', 'Tiến độ (%)', 'Báo cáo gần nhất', 'Gia hạn', 'Minh chứng',
    ]);
    expect(model.tasks.heading).toEqual([
      'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      '45/KH-UBND — Kế hoạch cải cách hành chính năm 2025',
      'Kỳ báo cáo: Quý I năm 2025 (từ ngày 01/01/2025 đến ngày 31/03/2025)',
      'Tình trạng thực hiện tính đến ngày 31/03/2025',
    ]);
  });

  it('drops a group left without tasks and writes each state in the government\'s terms', () => {
    expect(model.tasks.rows.map((r) => [r.kind, r.cells[0]])).toEqual([['group', 'I'], ['task', '1'], ['task', '2']]);
    expect(model.tasks.rows[1]!.cells.slice(6)).toEqual([
      'Hoàn thành quá hạn', { date: '2025-03-20' }, 100, '20/03/2025, Nguyễn Văn A: +SUM(1,2)\u0007 xong', null, 'https://vanban.gov.vn/1\nTệp: bao-cao.pdf\nẢnh đính kèm báo cáo',
    ]);
    expect(model.tasks.rows[2]!.cells.slice(6)).toEqual(['Vướng mắc', null, 40, null, 'Đến ngày 30/06/2025 (đồng ý ngày 25/03/2025)', null]);
  });

  it('sums by the responsible unit and status, then in the official buckets with calendar days overdue, ongoing tasks and waiting ones apart', () => {
    expect(model.summary.columns.map((c) => c.header).slice(0, 3)).toEqual(['Đơn vị chịu trách nhiệm', 'Tổng số nhiệm vụ', 'Hoàn thành đúng hạn']);
    expect(model.summary.columns.map((c) => c.header).slice(8)).toEqual([
      'Có thời hạn: hoàn thành đúng hạn', 'Có thời hạn: hoàn thành quá hạn', 'Có thời hạn: chưa hoàn thành trong hạn', 'Có thời hạn: chưa hoàn thành quá hạn',
      'Số ngày quá hạn (ngày lịch)', 'Nhiệm vụ thường xuyên', 'Chờ xác nhận',
    ]);
    // Blocked in time is "chưa hoàn thành trong hạn"; done 20/03 for 15/03 is 5 calendar days late.
    expect(model.summary.rows.map((r) => r.cells)).toEqual([
      ['Tư pháp - Hộ tịch', 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0],
      ['Văn phòng - Thống kê', 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 5, 0, 0],
      ['Tổng cộng', 2, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 5, 0, 0],
      // By officer: who answered last; the blocked task has no answer recorded, so no officer.
      ['Theo cán bộ (người báo cáo gần nhất)', ...Array(14).fill(null)],
      ['Nguyễn Văn A', 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 5, 0, 0],
    ]);
    expect(model.summary.rows.map((r) => r.kind)).toEqual(['task', 'task', 'total', 'group', 'task']);
  });
});

describe('the .xlsx', () => {
  let workbook: ExcelJS.Workbook;
  const xml = new Map<string, string>();
  beforeAll(async () => {
    const bytes = await writeReportXlsx(buildReportModel(t, input), { createdAt: new Date('2025-08-01T02:00:00Z') });
    checkZip(bytes, undefined, (name, data) => xml.set(name, data.toString('utf8')));
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  it('has the task sheet and the summary sheet, a frozen header, widths and an A4 landscape print layout', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Tổng hợp']);
    const sheet = workbook.getWorksheet('Nhiệm vụ')!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    expect(sheet.getRow(6).getCell(1).value).toBe('STT');
    expect(sheet.getRow(6).getCell(7).value).toBe('Tình trạng thực hiện');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '6:6' });
    expect(sheet.getColumn(2).width).toBe(48);
    expect(sheet.getRow(8).getCell(7).value).toBe('Hoàn thành quá hạn');
    const completed = sheet.getRow(8).getCell(8);
    expect(completed.value).toEqual(new Date('2025-03-20T00:00:00Z'));
    expect(completed.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(8).getCell(9).value).toBe(100);
    expect(workbook.getWorksheet('Tổng hợp')!.getRow(8).getCell(1).value).toBe('Văn phòng - Thống kê');
  });

  it('writes a title like =HYPERLINK(...) as a string, never a formula, and drops characters XML cannot hold', () => {
    const sheet = workbook.getWorksheet('Nhiệm vụ')!;
    const title = sheet.getRow(8).getCell(2);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe(FORMULA);
    expect(title.formula).toBeUndefined();
    expect(sheet.getRow(8).getCell(10).value).toBe('20/03/2025, Nguyễn Văn A: +SUM(1,2) xong');
    const sheetXml = xml.get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(xml.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example/x&quot;');
  });

  it('gives a long plan title in the merged heading the lines it needs', async () => {
    const long = { ...input, plan: { number: '45/KH-UBND', title: 'Kế hoạch nâng cao chỉ số cải cách hành chính '.repeat(20) } };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeReportXlsx(buildReportModel(t, long), { createdAt: new Date(0) })) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Nhiệm vụ')!;
    expect(sheet.getRow(2).height).toBeGreaterThanOrEqual(45);
    expect(sheet.getRow(3).height ?? 15).toBeLessThanOrEqual(15);
  });
});

describe('the .docx', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await writeReportDocx(buildReportModel(t, input));
  });

  it('holds the same table as text, in A4 landscape with the header row repeated', async () => {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    expect(value).toContain('Tình trạng thực hiện');
    expect(value).toContain(FORMULA);
    expect(value).toContain('Hoàn thành quá hạn');
    expect(value).toContain('20/03/2025');
    expect(value).toContain('Đến ngày 30/06/2025 (đồng ý ngày 25/03/2025)');
    expect(value).toContain('TỔNG HỢP THEO ĐƠN VỊ VÀ TÌNH TRẠNG');
    const files = new Map<string, string>();
    checkZip(bytes, undefined, (name, data) => files.set(name, data.toString('utf8')));
    const doc = files.get('word/document.xml')!;
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).not.toContain('\u0007');
  });
});
