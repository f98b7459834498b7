// Plans as the signed PDFs they are published in: made by makePdf from the
// sample plans (body, appendix tables with repeated and two-row headers,
// merged cells, rows broken across pages, page numbers, Vietnamese text) and
// imported to the same tasks as the text; scans, damaged files and limits
// refused with a clear message (exit code 2 through the CLI).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { PlanInputError } from '../../src/plans/input-errors.ts';
import { detectFormat } from '../../src/plans/read-plan-file.ts';
import { MAX_PDF_PAGES, readPdf } from '../../src/plans/readers/read-pdf.ts';
import type { RawRow } from '../../src/plans/table-model.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { makePdf, makeScannedPdf, textPlanToPdfDoc, type PdfDoc } from './make-pdf.ts';
import { SAMPLE_FILES, sampleBytes, sampleText, comparable } from './samples.ts';


const rowsOf = (blocks: Awaited<ReturnType<typeof readPdf>>['blocks']) => blocks.filter((b): b is RawRow => b.kind === 'row');

/** A plan with one table of `n` tasks, some long enough to wrap over many lines. */
function longPlan(n: number, options: Partial<PdfDoc> = {}): { doc: PdfDoc; titles: string[] } {
  const titles = Array.from({ length: n }, (_, i) =>
    i % 7 === 3
      ? `Nhiệm vụ ${i + 1}: rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã; công khai đầy đủ, kịp thời trên Cổng Dịch vụ công quốc gia và tại Bộ phận Một cửa; báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân huyện theo định kỳ hằng quý`
      : `Nhiệm vụ ${i + 1} về cải cách hành chính năm 2024`,
  );
  const units = ['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Địa chính - Xây dựng', 'Văn hóa - Thông tin'];
  const deadlines = ['31/12/2024', 'Quý IV năm 2024', 'Thường xuyên', 'Trước ngày 30/11/2024'];
  const rows = [
    ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
    ...titles.map((t, i) => [String(i + 1), t, units[i % units.length]!, deadlines[i % deadlines.length]!]),
  ];
  return {
    titles,
    doc: {
      before: ['ỦY BAN NHÂN DÂN XÃ TÂY XUÂN', 'Số: 12/KH-UBND', 'KẾ HOẠCH', 'Cải cách hành chính năm 2024'],
      tables: [{ rows, colWidths: [1, 6, 3, 3], before: ['PHỤ LỤC', 'DANH MỤC NHIỆM VỤ'] }],
      after: ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'CHỦ TỊCH'],
      pageNumbers: true,
      ...options,
    },
  };
}

describe('a text-layer PDF imports to the same tasks as its text', () => {
  it('the Tây Xuân plan (body, appendix over many pages with the header repeated, page numbers): all 35 tasks and the plan', async () => {
    const text = await parsePlanFile(SAMPLE_FILES.tayXuan, sampleBytes('tayXuan'));
    const bytes = await makePdf(textPlanToPdfDoc(sampleText('tayXuan'), { pageNumbers: true }));
    const pdf = await parsePlanFile('tay-xuan.pdf', bytes);
    expect(pdf.format).toBe('pdf');
    expect(pdf.tasks).toHaveLength(35);
    expect(pdf.tasks.map(comparable)).toEqual(text.tasks.map(comparable));
    expect(pdf.groups.map(comparable)).toEqual(text.groups.map(comparable));
    expect(pdf.plan.issuer).toBe(text.plan.issuer);
  });

  it('Phụ lục 1 (two-row header with merged cells, sub-items): the same 17 tasks; merged header cells marked as read-html marks them', async () => {
    const text = await parsePlanFile(SAMPLE_FILES.phuLuc1, sampleBytes('phuLuc1'));
    const bytes = await makePdf(textPlanToPdfDoc(sampleText('phuLuc1')));
    const pdf = await parsePlanFile('phu-luc-1.pdf', bytes);
    expect(pdf.tasks).toHaveLength(17);
    expect(pdf.tasks.map(comparable)).toEqual(text.tasks.map(comparable));

    const [top, below] = rowsOf((await readPdf(bytes)).blocks);
    expect(top).toMatchObject({
      cells: ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2024', 'Trách nhiệm cụ thể', 'Trách nhiệm cụ thể'],
      merged: [undefined, undefined, undefined, undefined, 'left'],
    });
    expect(below).toMatchObject({
      cells: ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu năm 2024', 'Bộ phận theo dõi, hướng dẫn thực hiện', 'Thực hiện'],
      merged: ['above', 'above', 'above', undefined, undefined],
    });
  });

  it('borders drawn as thin filled rectangles (as some Word exports draw them) read the same', async () => {
    const text = await parsePlanFile(SAMPLE_FILES.phuLuc1, sampleBytes('phuLuc1'));
    const pdf = await parsePlanFile('phu-luc-1.pdf', await makePdf(textPlanToPdfDoc(sampleText('phuLuc1'), { rules: 'fill', landscape: true })));
    expect(pdf.tasks.map(comparable)).toEqual(text.tasks.map(comparable));
  });

  it('a table over several pages: one tableId, header repeated, page numbers between its parts dropped, rows broken by a page joined again', async () => {
    const { doc, titles } = longPlan(60);
    const bytes = await makePdf(doc);
    const read = await readPdf(bytes);
    expect(read.unit).toBe('line');
    const rows = rowsOf(read.blocks);
    const headers = rows.filter((r) => r.cells[0] === 'STT');
    expect(headers.length).toBeGreaterThanOrEqual(3); // the header on each page
    expect(new Set(rows.map((r) => r.tableId))).toEqual(new Set([1]));
    // Text between the first and the last row: none (no page numbers splitting the table).
    const first = read.blocks.indexOf(rows[0]!);
    const last = read.blocks.indexOf(rows[rows.length - 1]!);
    expect(read.blocks.slice(first, last + 1).filter((b) => b.kind === 'text')).toEqual([]);
    // Lines are numbered through the document in reading order.
    expect(read.blocks.map((b) => b.line)).toEqual(read.blocks.map((_, i) => i + 1));
    // At least one row was broken by a page: a continuation row with no code after a repeated header.
    expect(rows.some((r, i) => i > 0 && r.cells[0] === '' && rows[i - 1]!.cells[0] === 'STT')).toBe(true);

    const parsed = await parsePlanFile('long.pdf', bytes);
    expect(parsed.tasks.map((t) => t.code)).toEqual(titles.map((_, i) => String(i + 1)));
    expect(parsed.tasks.map((t) => t.title)).toEqual(titles);
    expect(parsed.tasks[0]!.units.lead).toEqual(['Văn phòng - Thống kê']);
    expect(parsed.tasks[2]!.units.lead).toEqual(['Địa chính - Xây dựng']);
    expect(parsed.tasks.slice(0, 4).map((t) => t.deadline.raw)).toEqual(['31/12/2024', 'Quý IV năm 2024', 'Thường xuyên', 'Trước ngày 30/11/2024']);
    expect(parsed.tasks[0]!.deadline).toMatchObject({ kind: 'once', due: '2024-12-31' });
    expect(parsed.plan.number).toBe('12/KH-UBND');
  });

  it('text outside tables: one block per visual line in reading order, Vietnamese in NFC even when the PDF holds decomposed letters', async () => {
    const decomposed = 'Thời gian hoàn thành: Trước ngày 30/11/2024'.normalize('NFD');
    const bytes = await makePdf({ before: ['ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI', decomposed, 'Nơi nhận:'], tables: [] });
    const texts = (await readPdf(bytes)).blocks.map((b) => (b.kind === 'text' ? b.text : ''));
    expect(texts).toEqual(['ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI', 'Thời gian hoàn thành: Trước ngày 30/11/2024', 'Nơi nhận:']);
    expect(texts[1]).toBe(texts[1]!.normalize('NFC'));
  });

  it('without borders (the fallback): columns from the header labels, rows from the codes', async () => {
    const { doc, titles } = longPlan(8, { borders: false, pageNumbers: false });
    const parsed = await parsePlanFile('unruled.pdf', await makePdf(doc));
    expect(parsed.tasks.map((t) => [t.code, t.title])).toEqual(titles.map((t, i) => [String(i + 1), t]));
    expect(parsed.tasks.map((t) => t.units.lead[0])).toEqual(['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Địa chính - Xây dựng', 'Văn hóa - Thông tin', 'Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Địa chính - Xây dựng', 'Văn hóa - Thông tin']);
    expect(parsed.tasks[1]!.deadline.raw).toBe('Quý IV năm 2024');
  });

  it('is recognised by its %PDF- header whatever the file is called', async () => {
    const bytes = await makePdf(longPlan(3).doc);
    expect(detectFormat('ke-hoach', bytes)).toBe('pdf');
    expect(detectFormat('ke-hoach.PDF', Buffer.from('x'))).toBe('pdf');
    expect((await parsePlanFile('ke-hoach', bytes)).tasks).toHaveLength(3);
  });
});

async function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ userPassword: 'mat-khau', ownerPassword: 'chu-so-huu' });
  const chunks: Buffer[] = [];
  doc.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.text('STT Nội dung Thời gian hoàn thành');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function pdfOfPages(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (let i = 1; i <= pages; i++) doc.addPage().text(`Trang ${i}: văn bản có lớp chữ, không phải bản quét.`);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('PDFs that cannot be read are refused with a clear message', () => {
  it('a scan (pages that are images or drawings only) says so and asks for a .docx, as it is', async () => {
    for (const bytes of [await makeScannedPdf(), await makeScannedPdf({ pages: 1, text: 'CamScanner' })]) {
      const err = await parsePlanFile('scan.pdf', bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlanInputError);
      expect((err as Error).message).toMatch(/^scan\.pdf: a scanned PDF with no text layer \(\d+ characters of text on \d pages?\): .*\.docx/);
      expect((err as Error).message).not.toMatch(/not a readable/);
    }
  });

  it('a damaged PDF, a file that only looks like one, a password-protected one', async () => {
    const good = await makePdf(longPlan(3).doc);
    await expect(parsePlanFile('cut.pdf', good.subarray(0, Math.floor(good.length / 2)))).rejects.toThrow(/^cut\.pdf: not a readable \.pdf: not a PDF or a damaged one/);
    await expect(parsePlanFile('junk.pdf', Buffer.from('%PDF-1.7\nnothing else'))).rejects.toThrow(/^junk\.pdf: not a readable \.pdf/);
    await expect(parsePlanFile('empty.pdf', Buffer.alloc(0))).rejects.toThrow(/^empty\.pdf: empty file/);
    await expect(parsePlanFile('locked.pdf', await encryptedPdf())).rejects.toThrow(/^locked\.pdf: not a readable \.pdf: the PDF is protected by a password/);
  });

  it(`more than ${MAX_PDF_PAGES} pages is refused before the pages are read`, async () => {
    const bytes = await pdfOfPages(MAX_PDF_PAGES + 1);
    await expect(parsePlanFile('many.pdf', bytes)).rejects.toThrow(`many.pdf: not a readable .pdf: the PDF has ${MAX_PDF_PAGES + 1} pages, over the limit of ${MAX_PDF_PAGES}`);
    await expect(readPdf(await pdfOfPages(3), { maxPages: 2 })).rejects.toThrow('the PDF has 3 pages, over the limit of 2');
  });

  it('reading stops at the time limit', async () => {
    const bytes = await makePdf(longPlan(40).doc);
    await expect(readPdf(bytes, { timeLimitMs: 1 })).rejects.toThrow(/reading the PDF took longer than 1 ms/);
  });
});

describe('import of PDFs through the CLI', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plans-pdf-'));
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });
  const cli = (args: string[]) => runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('a scanned PDF: exit code 2, the message on stderr, nothing written', async () => {
    const path = file('ke-hoach-scan.pdf', await makeScannedPdf());
    for (const args of [['import', path, '--dry-run'], ['import', path]]) {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/ke-hoach-scan\.pdf: a scanned PDF with no text layer .* send the plan as \.docx/);
    }
    expect(await db.prisma.plan.count()).toBe(0);
    expect(await db.prisma.task.count()).toBe(0);
  });

  it('a damaged PDF: exit code 2', async () => {
    const { code, stderr } = await cli(['import', file('hong.pdf', Buffer.from('%PDF-1.4\n%%EOF')), '--dry-run']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/hong\.pdf: not a readable \.pdf/);
  });

  it('a good PDF: --dry-run --json prints only the JSON (nothing from PDF.js on stdout); a real import writes the tasks', async () => {
    const path = file('ke-hoach.pdf', await makePdf(longPlan(5).doc));
    const dry = await cli(['import', path, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const out = JSON.parse(dry.stdout) as { plan: { format: string }; tasks: unknown[] };
    expect(out.plan.format).toBe('pdf');
    expect(out.tasks).toHaveLength(5);
    const real = await cli(['import', path]);
    expect(real.code).toBe(0);
    expect(await db.prisma.task.count()).toBe(5);
  });
});
