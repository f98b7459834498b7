// Generated plans: random header synonyms, column orders, section styles,
// numbering that restarts or runs on, unnumbered "- ..." items with a deadline
// cell merged over them, in every layout a plan arrives in (tab-separated text,
// one cell a line, .docx, .xlsx, .pdf made here), import back to exactly the
// tasks generated.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { makePdf, type PdfMerge } from './make-pdf.ts';

type Role = 'code' | 'task' | 'lead' | 'coordinate' | 'deadline' | 'target' | 'notes' | 'budget';

const SYNONYMS: Record<Role, string[]> = {
  code: ['STT', 'TT', 'Số TT'],
  task: ['Nội dung nhiệm vụ', 'Nhiệm vụ', 'Tên nhiệm vụ', 'Công việc', 'Nội dung công việc', 'Nhiệm vụ, giải pháp', 'Nội dung'],
  lead: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Chủ trì', 'Cơ quan, đơn vị chủ trì'],
  coordinate: ['Cơ quan phối hợp', 'Đơn vị phối hợp', 'Phối hợp'],
  deadline: ['Thời gian hoàn thành', 'Thời hạn', 'Thời gian thực hiện', 'Tiến độ', 'Mốc thời gian', 'Thời hạn hoàn thành'],
  target: ['Sản phẩm', 'Kết quả dự kiến', 'Sản phẩm đầu ra'],
  notes: ['Ghi chú'],
  budget: ['Nguồn kinh phí', 'Kinh phí'],
};

const TASKS = [
  'Rà soát, công bố thủ tục hành chính thuộc thẩm quyền giải quyết',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức',
  'Kiểm tra công tác cải cách hành chính tại các cơ quan',
  'Triển khai dịch vụ công trực tuyến toàn trình',
  'Xây dựng kế hoạch tuyên truyền về chuyển đổi số',
  'Đánh giá mức độ hài lòng của người dân',
  'Cập nhật cơ sở dữ liệu cán bộ, công chức',
];
const LEADS = ['Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh', 'Sở Văn hóa, Thể thao và Du lịch', 'Công an tỉnh', 'Sở Khoa học và Công nghệ'];
const COORDINATES = ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố', 'Sở Tài chính', 'Sở Thông tin và Truyền thông'];
const DEADLINES = ['Quý II/2025', 'Trước ngày 30/11/2025', 'Thường xuyên', 'Tháng 6/2025', '31/12/2025', 'Hằng tháng, trước ngày 22', 'Quý IV/2025 - Quý II/2026'];
const PRODUCTS = ['Báo cáo kết quả', 'Kế hoạch được ban hành', 'Hệ thống vận hành'];
const SECTION_TITLES = ['CẢI CÁCH THỂ CHẾ', 'Cải cách thủ tục hành chính', 'XÂY DỰNG CHÍNH QUYỀN SỐ', 'Kinh tế số'];

interface Item {
  title: string;
  lead: string;
}
interface GenTask {
  title: string;
  lead: string;
  coordinate: string[];
  deadline: string;
  target: string;
  items: Item[];
}
interface GenSection {
  title: string;
  tasks: GenTask[];
}
interface GenPlan {
  columns: Array<{ role: Role; label: string }>;
  sectionStyle: 'roman' | 'letter' | 'heading' | 'none';
  restart: boolean;
  sections: GenSection[];
}

const taskArb = (withItems: boolean): fc.Arbitrary<GenTask> =>
  fc.record({
    title: fc.constantFrom(...TASKS),
    lead: fc.constantFrom(...LEADS),
    coordinate: fc.subarray(COORDINATES, { minLength: 0, maxLength: 2 }),
    deadline: fc.constantFrom(...DEADLINES),
    target: fc.constantFrom(...PRODUCTS),
    items: withItems
      ? fc.array(fc.record({ title: fc.constantFrom(...TASKS), lead: fc.constantFrom(...LEADS) }), { maxLength: 2 })
      : fc.constant([]),
  });

const planArb = (withItems: boolean): fc.Arbitrary<GenPlan> =>
  fc
    .record({
      extra: fc.subarray(['target', 'notes', 'budget'] as Role[]),
      order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
      labels: fc.record(Object.fromEntries(Object.entries(SYNONYMS).map(([role, list]) => [role, fc.constantFrom(...list)])) as Record<Role, fc.Arbitrary<string>>),
      codeFirst: fc.boolean(),
      sectionStyle: fc.constantFrom('roman', 'letter', 'heading', 'none') as fc.Arbitrary<GenPlan['sectionStyle']>,
      restart: fc.boolean(),
      sections: fc.array(fc.record({ title: fc.constantFrom(...SECTION_TITLES), tasks: fc.array(taskArb(withItems), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
    })
    .map(({ extra, order, labels, codeFirst, sectionStyle, restart, sections }) => {
      const roles: Role[] = ['task', 'lead', 'coordinate', 'deadline', ...extra];
      // Any order of the columns after STT (STT itself first, or anywhere when codeFirst is false).
      const shuffled = roles.map((r, i) => [r, order[i]!] as const).sort((a, b) => a[1] - b[1]).map(([r]) => r);
      const codeAt = codeFirst ? 0 : order[8]! % (shuffled.length + 1);
      shuffled.splice(codeAt, 0, 'code');
      const columns = shuffled.map((role) => ({ role, label: labels[role] }));
      return { columns, sectionStyle, restart, sections: sectionStyle === 'none' ? [{ title: '', tasks: sections.flatMap((s) => s.tasks) }] : sections };
    });

const ROMAN = ['I', 'II', 'III', 'IV'];
const LETTERS = ['A', 'B', 'C', 'D'];

interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** A position covered by a merged cell that starts above or to the left. */
  covered?: true;
}
const COVERED: GridCell = { text: '', covered: true };
/** The appendix as a grid of rows with merged cells, as a word processor holds it. */
function grid(plan: GenPlan): GridCell[][] {
  const width = plan.columns.length;
  const at = (role: Role) => plan.columns.findIndex((c) => c.role === role);
  const rows: GridCell[][] = [plan.columns.map((c) => ({ text: c.label }))];
  let n = 0;
  plan.sections.forEach((section, s) => {
    if (plan.sectionStyle === 'heading') rows.push([{ text: section.title, colSpan: width }, ...Array.from({ length: width - 1 }, () => COVERED)]);
    else if (plan.sectionStyle !== 'none') {
      const cells = plan.columns.map(() => ({ text: '' }) as GridCell);
      cells[at('code')] = { text: plan.sectionStyle === 'roman' ? ROMAN[s]! : LETTERS[s]! };
      cells[at('task')] = { text: section.title };
      rows.push(cells);
    }
    if (plan.restart) n = 0;
    for (const task of section.tasks) {
      const cells = plan.columns.map(() => ({ text: '' }) as GridCell);
      const values: Partial<Record<Role, string>> = {
        code: String(++n),
        task: task.title,
        lead: task.lead,
        coordinate: task.coordinate.join('; '),
        deadline: task.deadline,
        target: task.target,
        notes: 'Báo cáo kết quả về Sở Nội vụ',
        budget: 'Ngân sách tỉnh',
      };
      plan.columns.forEach((c, i) => (cells[i] = { text: values[c.role] ?? '' }));
      // The deadline cell merged over the task and its items.
      if (task.items.length) cells[at('deadline')]!.rowSpan = task.items.length + 1;
      rows.push(cells);
      for (const item of task.items) {
        const itemCells = plan.columns.map(() => ({ text: '' }) as GridCell);
        itemCells[at('deadline')] = COVERED;
        itemCells[at('task')] = { text: `- ${item.title}` };
        itemCells[at('lead')] = { text: item.lead };
        rows.push(itemCells);
      }
    }
  });
  return rows;
}

/** Cell texts by position: a merged cell's text only where the merge starts (as text layouts keep it). */
function flat(rows: GridCell[][]): string[][] {
  return rows.map((cells) => cells.map((c) => (c.covered ? '' : c.text)));
}

/** The cells a word processor writes: positions covered by a merge are not written again. */
function withoutCovered(rows: GridCell[][]): GridCell[][] {
  return rows.map((cells) => cells.filter((c) => !c.covered));
}

const BEFORE = ['ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM', 'Số: 45/KH-UBND', 'Quảng Nam, ngày 10 tháng 01 năm 2025', 'KẾ HOẠCH', 'Cải cách hành chính năm 2025', 'PHỤ LỤC', 'Danh mục nhiệm vụ'];
const AFTER = ['Nơi nhận:', '- Như trên;', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];

function asTabText(plan: GenPlan): Buffer {
  const rows = flat(grid(plan)).map((cells) => cells.join('\t'));
  return Buffer.from([...BEFORE, ...rows, ...AFTER].join('\n'));
}

function asLines(plan: GenPlan): Buffer {
  const rows = flat(grid(plan)).flatMap((cells) => cells.filter(Boolean));
  return Buffer.from([...BEFORE, ...rows, ...AFTER].join('\n'));
}

async function asDocx(plan: GenPlan): Promise<Buffer> {
  const rows = withoutCovered(grid(plan));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (c) =>
              new TableCell({
                children: [new Paragraph(c.text)],
                ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
                ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
              }),
          ),
        }),
    ),
  });
  const paragraphs = (lines: string[]) => lines.map((text) => new Paragraph({ text, alignment: AlignmentType.LEFT }));
  return Packer.toBuffer(new Document({ sections: [{ children: [...paragraphs(BEFORE), table, ...paragraphs(AFTER)] }] }));
}

async function asXlsx(plan: GenPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục');
  let r = 0;
  for (const line of BEFORE) sheet.getCell(++r, 1).value = line;
  const rows = grid(plan);
  const start = r + 1;
  flat(rows).forEach((cells, dr) => cells.forEach((text, c) => text && (sheet.getCell(start + dr, c + 1).value = text)));
  for (const merge of merges(rows)) sheet.mergeCells(start + merge.row, merge.col + 1, start + merge.row + (merge.rowSpan ?? 1) - 1, merge.col + (merge.colSpan ?? 1));
  r = start + rows.length;
  for (const line of AFTER) sheet.getCell(++r, 1).value = line;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function merges(rows: GridCell[][]): PdfMerge[] {
  return rows.flatMap((cells, row) =>
    cells.flatMap((c, col) => ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1 ? [{ row, col, rowSpan: c.rowSpan ?? 1, colSpan: c.colSpan ?? 1 }] : [])),
  );
}

async function asPdf(plan: GenPlan): Promise<Buffer> {
  const rows = grid(plan);
  return makePdf({ before: BEFORE, tables: [{ rows: flat(rows), merges: merges(rows) }], after: AFTER, landscape: true });
}

/** What the importer must give back: every task and item in order, with units and the deadline as written. */
function expected(plan: GenPlan) {
  return plan.sections.flatMap((s) =>
    s.tasks.flatMap((t) => [
      { title: t.title, lead: [t.lead], coordinate: t.coordinate, deadline: t.deadline },
      ...t.items.map((i) => ({ title: i.title, lead: [i.lead], coordinate: t.coordinate, deadline: t.deadline })),
    ]),
  );
}

async function imported(file: string, bytes: Buffer) {
  const parsed = await parsePlanFile(file, bytes);
  return {
    tasks: parsed.tasks.map((t) => ({ title: t.title, lead: t.units.lead, coordinate: t.units.coordinate, deadline: t.deadline.raw })),
    groups: parsed.groups.length,
  };
}

const groupsOf = (plan: GenPlan) => (plan.sectionStyle === 'none' ? 0 : plan.sections.length);

describe('generated plans import back to the generated tasks', () => {
  const layouts: Array<[string, string, (p: GenPlan) => Buffer | Promise<Buffer>, boolean, number]> = [
    ['tab-separated text', 'plan.txt', asTabText, true, 40],
    ['.docx with merged cells', 'plan.docx', asDocx, true, 25],
    ['.xlsx with merged cells', 'plan.xlsx', asXlsx, true, 25],
    ['.pdf with ruled, merged cells', 'plan.pdf', asPdf, true, 8],
    // One cell a line has no row delimiter: unnumbered items cannot be told from the row above.
    ['one cell a line', 'plan.txt', asLines, false, 40],
  ];
  it.each(layouts)('%s', async (_name, file, render, withItems, numRuns) => {
    // One cell a line: rows are told apart by their STT line, so STT comes first and headings carry a code.
    const arb = withItems ? planArb(true) : planArb(false).filter((p) => p.sectionStyle !== 'heading' && p.columns[0]!.role === 'code');
    await fc.assert(
      fc.asyncProperty(arb, async (plan) => {
        const got = await imported(file, await render(plan));
        expect(got.tasks).toEqual(expected(plan));
        expect(got.groups).toBe(groupsOf(plan));
      }),
      { numRuns, seed: 20261202 },
    );
  }, 120_000);
});
