// Test helper: plans as the signed PDFs they are published in. Paragraphs and
// bordered tables laid out like Word exports them (cell text wrapped over
// several lines, rows broken across pages, header rows repeated on the next
// page, a bare page number at the top of pages 2+), in DejaVu Sans so that
// every Vietnamese letter has its glyph; and "scanned" PDFs with no text layer.
// Deterministic: the same document gives the same bytes.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { isSubHeaderRow } from '../../src/plans/header-recognition.ts';
import { readText } from '../../src/plans/readers/read-text.ts';
import type { RawBlock } from '../../src/plans/table-model.ts';
import { cellLines } from '../../src/plans/text-cells.ts';

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export interface PdfMerge {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

export interface PdfTable {
  /** Cell texts; "\n" separates paragraphs of a cell. Positions covered by a merge are ignored. */
  rows: string[][];
  /** Relative column widths (any unit): scaled to the text width. Default: from the longest text of each column. */
  colWidths?: number[];
  merges?: PdfMerge[];
  /** Rows repeated at the top of each page the table runs onto. Default: the rows a merge from row 0 spans, at least 1. */
  headerRows?: number;
  /** Paragraphs just before this table (an appendix number and title). */
  before?: string[];
}

export interface PdfDoc {
  before?: string[];
  tables: PdfTable[];
  after?: string[];
  /** Draw the cell borders (default true); without them the reader has only text positions. */
  borders?: boolean;
  /** Borders as stroked lines (default) or as thin filled rectangles, as some Word exports draw them. */
  rules?: 'stroke' | 'fill';
  /** A bare page number at the top centre of every page after the first, as Vietnamese plans have. */
  pageNumbers?: boolean;
  /** A row taller than what is left of the page breaks across it (default true), as Word allows. */
  splitRows?: boolean;
  landscape?: boolean;
  /** Table text size in points (default 10); paragraphs are 2 points larger. */
  fontSize?: number;
}

const MARGIN = 56;
const PAD_X = 5;
const PAD_Y = 3;
const LEADING = 1.25;

interface Slot {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

function slotsOf(table: PdfTable, width: number): Slot[][] {
  const covered = new Set<string>();
  const spans = new Map<string, PdfMerge>();
  for (const m of table.merges ?? []) {
    spans.set(`${m.row}:${m.col}`, m);
    for (let r = 0; r < (m.rowSpan ?? 1); r++) for (let c = 0; c < (m.colSpan ?? 1); c++) if (r || c) covered.add(`${m.row + r}:${m.col + c}`);
  }
  return table.rows.map((cells, r) => {
    const out: Slot[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const m = spans.get(`${r}:${c}`);
      out.push({ row: r, col: c, rowSpan: Math.min(m?.rowSpan ?? 1, table.rows.length - r), colSpan: Math.min(m?.colSpan ?? 1, width - c), text: cells[c] ?? '' });
    }
    return out;
  });
}

class Writer {
  readonly pdf: PDFKit.PDFDocument;
  readonly chunks: Buffer[] = [];
  y = MARGIN;
  page = 0;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly textSize: number;
  readonly paraSize: number;

  constructor(readonly doc: PdfDoc) {
    this.pdf = new PDFDocument({
      size: 'A4',
      layout: doc.landscape ? 'landscape' : 'portrait',
      margin: 0,
      autoFirstPage: false,
      info: { Producer: 'make-pdf', Creator: 'make-pdf', CreationDate: new Date(Date.UTC(2024, 0, 1)) },
    });
    this.pdf.on('data', (d: Buffer) => this.chunks.push(d));
    this.pdf.registerFont('body', FONT);
    this.pageWidth = doc.landscape ? 841.89 : 595.28;
    this.pageHeight = doc.landscape ? 595.28 : 841.89;
    this.textSize = doc.fontSize ?? 10;
    this.paraSize = this.textSize + 2;
    this.newPage();
  }

  get bottom(): number {
    return this.pageHeight - MARGIN;
  }

  newPage(): void {
    this.pdf.addPage();
    this.page++;
    this.y = MARGIN;
    if (this.doc.pageNumbers && this.page > 1) {
      const label = String(this.page);
      this.pdf.font('body').fontSize(this.textSize);
      this.pdf.text(label, (this.pageWidth - this.pdf.widthOfString(label)) / 2, 24, { lineBreak: false });
    }
  }

  /** Greedy line breaking of one paragraph at spaces (a word wider than the line is cut). */
  wrap(paragraph: string, width: number, size: number): string[] {
    this.pdf.font('body').fontSize(size);
    const words = paragraph.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (let word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.pdf.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      while (this.pdf.widthOfString(word) > width && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && this.pdf.widthOfString(word.slice(0, cut)) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    if (line) lines.push(line);
    return lines;
  }

  cellLinesOf(text: string, width: number): string[] {
    return text.split('\n').flatMap((p) => this.wrap(p, width, this.textSize));
  }

  paragraphs(texts: string[] | undefined): void {
    const width = this.pageWidth - 2 * MARGIN;
    const lh = this.paraSize * LEADING;
    for (const text of texts ?? []) {
      for (const line of this.wrap(text, width, this.paraSize)) {
        if (this.y + lh > this.bottom) this.newPage();
        this.pdf.font('body').fontSize(this.paraSize).text(line, MARGIN, this.y, { lineBreak: false });
        this.y += lh;
      }
      this.y += this.paraSize * 0.3;
    }
  }

  rule(x1: number, y1: number, x2: number, y2: number): void {
    if (this.doc.borders === false) return;
    if (this.doc.rules === 'fill') {
      const t = 0.5;
      if (y1 === y2) this.pdf.rect(x1 - t / 2, y1 - t / 2, x2 - x1 + t, t).fill('black');
      else this.pdf.rect(x1 - t / 2, y1 - t / 2, t, y2 - y1 + t).fill('black');
      return;
    }
    this.pdf.moveTo(x1, y1).lineTo(x2, y2).lineWidth(0.5).stroke('black');
  }

  /**
   * Given widths scaled to the text width; by default each column as wide as its
   * longest word at least, the rest shared by the average length of its cells.
   */
  columnWidths(table: PdfTable, width: number, tableWidth: number): number[] {
    if (table.colWidths) {
      const total = table.colWidths.reduce((a, b) => a + b, 0);
      return Array.from({ length: width }, (_, c) => (tableWidth * (table.colWidths![c] ?? 0)) / total);
    }
    this.pdf.font('body').fontSize(this.textSize);
    const cells = (c: number) => table.rows.map((r) => r[c] ?? '').filter((t) => t.trim());
    const least = Array.from({ length: width }, (_, c) => Math.max(0, ...cells(c).flatMap((t) => t.split(/\s+/)).map((w) => this.pdf.widthOfString(w))) + 2 * PAD_X + 1);
    const weights = Array.from({ length: width }, (_, c) => {
      const texts = cells(c);
      return Math.max(3, Math.min(80, texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length)));
    });
    const spare = Math.max(0, tableWidth - least.reduce((a, b) => a + b, 0));
    const total = weights.reduce((a, b) => a + b, 0);
    return least.map((w, c) => w + (spare * weights[c]!) / total);
  }

  table(table: PdfTable): void {
    const width = Math.max(...table.rows.map((r) => r.length));
    const tableWidth = this.pageWidth - 2 * MARGIN;
    const xs = [MARGIN];
    for (const w of this.columnWidths(table, width, tableWidth)) xs.push(xs[xs.length - 1]! + w);
    const slots = slotsOf(table, width);
    const lh = this.textSize * LEADING;
    const lines = new Map<Slot, string[]>();
    for (const slot of slots.flat()) lines.set(slot, this.cellLinesOf(slot.text, xs[slot.col + slot.colSpan]! - xs[slot.col]! - 2 * PAD_X));
    // Row heights: single-row cells first, then rows grown so that spanning cells fit.
    const heights = table.rows.map((_, r) => Math.max(1, ...slots[r]!.filter((s) => s.rowSpan === 1).map((s) => lines.get(s)!.length)) * lh + 2 * PAD_Y);
    for (const slot of slots.flat().filter((s) => s.rowSpan > 1)) {
      const need = lines.get(slot)!.length * lh + 2 * PAD_Y;
      const have = heights.slice(slot.row, slot.row + slot.rowSpan).reduce((a, b) => a + b, 0);
      if (need > have) heights[slot.row + slot.rowSpan - 1]! += need - have;
    }
    // Bands: runs of rows tied together by row spans, laid out whole.
    const bandEnd: number[] = table.rows.map((_, r) => r);
    for (const slot of slots.flat()) for (let r = slot.row; r < slot.row + slot.rowSpan; r++) bandEnd[r] = Math.max(bandEnd[r]!, slot.row + slot.rowSpan - 1);
    for (let r = table.rows.length - 2; r >= 0; r--) if (bandEnd[r]! >= r + 1) bandEnd[r] = Math.max(bandEnd[r]!, bandEnd[r + 1]!);
    const headerRows = Math.min(table.rows.length, table.headerRows ?? Math.max(1, bandEnd[0]! + 1));
    const headerHeight = heights.slice(0, headerRows).reduce((a, b) => a + b, 0);

    const drawBand = (from: number, to: number, part?: { first: number; count: number }) => {
      const top = this.y;
      const rowTop: number[] = [];
      let y = top;
      for (let r = from; r <= to; r++) {
        rowTop[r] = y;
        y += part ? part.count * lh + 2 * PAD_Y : heights[r]!;
      }
      const bandBottom = y;
      for (let r = from; r <= to; r++) {
        for (const slot of slots[r]!) {
          const x0 = xs[slot.col]!;
          const x1 = xs[slot.col + slot.colSpan]!;
          const y0 = rowTop[r]!;
          const y1 = slot.row + slot.rowSpan - 1 >= to ? bandBottom : rowTop[slot.row + slot.rowSpan]!;
          const all = lines.get(slot)!;
          const shown = part ? all.slice(part.first, part.first + part.count) : all;
          this.pdf.font('body').fontSize(this.textSize);
          shown.forEach((line, i) => {
            const w = this.pdf.widthOfString(line);
            const x = r < headerRows ? x0 + (x1 - x0 - w) / 2 : x0 + PAD_X;
            this.pdf.text(line, x, y0 + PAD_Y + i * lh, { lineBreak: false });
          });
          this.rule(x0, y0, x1, y0);
          this.rule(x0, y1, x1, y1);
          this.rule(x0, y0, x0, y1);
          this.rule(x1, y0, x1, y1);
        }
      }
      this.y = bandBottom;
    };
    const header = () => {
      if (headerRows > 0) drawBand(0, headerRows - 1);
    };

    if (this.y + headerHeight + lh + 2 * PAD_Y > this.bottom) this.newPage();
    header();
    for (let r = headerRows; r < table.rows.length; ) {
      const end = bandEnd[r]!;
      const bandHeight = heights.slice(r, end + 1).reduce((a, b) => a + b, 0);
      if (this.y + bandHeight <= this.bottom) {
        drawBand(r, end);
        r = end + 1;
        continue;
      }
      const tallest = Math.max(...slots[r]!.map((s) => lines.get(s)!.length));
      const fits = Math.floor((this.bottom - this.y - 2 * PAD_Y) / lh);
      if (end === r && this.doc.splitRows !== false && fits >= 2 && tallest - fits >= 2) {
        // Word breaks the row (keeping two lines at least on each side, its widow and orphan control):
        // the first lines of every cell here, the rest under the repeated header.
        let first = 0;
        let room = fits;
        while (first < tallest) {
          const count = Math.min(room, tallest - first);
          drawBand(r, r, { first, count });
          first += count;
          if (first < tallest) {
            this.newPage();
            header();
            room = Math.max(1, Math.floor((this.bottom - this.y - 2 * PAD_Y) / lh));
          }
        }
        r++;
        continue;
      }
      this.newPage();
      header();
      drawBand(r, end);
      r = end + 1;
    }
    this.y += this.paraSize;
  }

  async finish(): Promise<Buffer> {
    const done = new Promise<void>((resolve, reject) => {
      this.pdf.on('end', resolve);
      this.pdf.on('error', reject);
    });
    this.pdf.end();
    await done;
    return Buffer.concat(this.chunks);
  }
}

/** A text-layer PDF of the document: paragraphs, then each table (with the paragraphs before it), then the closing paragraphs. */
export async function makePdf(doc: PdfDoc): Promise<Buffer> {
  const w = new Writer(doc);
  w.paragraphs(doc.before);
  for (const table of doc.tables) {
    w.paragraphs(table.before);
    if (table.rows.length) w.table(table);
  }
  w.paragraphs(doc.after);
  return w.finish();
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A grey PNG with dark stripes, standing in for a scanned page. */
function stripedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = y % 12 < 2 && x % 40 < 30 ? 40 : 235;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PDF with no text layer, as a scanner makes: the first page an image, the
 * next ones only drawn strokes (a table's rules, "handwriting"). `text` puts a
 * few characters on the first page (a scanner's stamp), still far too few to read.
 */
export async function makeScannedPdf(options: { pages?: number; text?: string } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.registerFont('body', FONT);
  const png = stripedPng(200, 280);
  for (let p = 0; p < (options.pages ?? 2); p++) {
    pdf.addPage();
    if (p === 0) {
      pdf.image(png, 40, 40, { width: 515, height: 760 });
      if (options.text) pdf.font('body').fontSize(8).text(options.text, 40, 810, { lineBreak: false });
      continue;
    }
    for (let y = 100; y <= 700; y += 40) pdf.moveTo(60, y).lineTo(535, y).lineWidth(0.5).stroke();
    for (const x of [60, 120, 400, 535]) pdf.moveTo(x, 100).lineTo(x, 700).stroke();
    pdf.moveTo(100, 760).bezierCurveTo(150, 720, 200, 800, 260, 750).lineWidth(1.5).stroke();
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A sample text plan as a PdfDoc: its text lines as paragraphs and each run of
 * table rows as one table, a two-row header laid out with merged cells (the top
 * label spanning its sub-labels, the others spanning both rows), as in the
 * signed document. Rows stay as the text has them (repeated headers and
 * page-break pieces included), as textPlanToDocx in convert.ts does.
 */
export function textPlanToPdfDoc(text: string, options: Omit<PdfDoc, 'tables' | 'before' | 'after'> = {}): PdfDoc {
  const tables: PdfTable[] = [];
  let pending: string[] = [];
  let current: PdfTable | undefined;
  for (const block of readText(text).blocks as RawBlock[]) {
    if (block.kind === 'text') {
      if (block.text.trim()) {
        pending.push(block.text.trim());
        current = undefined;
      }
      continue;
    }
    if (!current) {
      current = { rows: [], merges: [], before: pending };
      pending = [];
      tables.push(current);
    }
    current.rows.push(block.cells.map((c) => cellLines(c).join('\n')));
  }
  for (const table of tables) {
    const width = Math.max(...table.rows.map((r) => r.length));
    table.rows = table.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    for (let r = 0; r + 1 < table.rows.length; r++) {
      const top = table.rows[r]!;
      const sub = table.rows[r + 1]!;
      if (!isSubHeaderRow(sub, top)) continue;
      for (let c = 0; c < width; c++) {
        if (!sub[c]!.trim()) {
          table.merges!.push({ row: r, col: c, rowSpan: 2 });
          continue;
        }
        let span = 1;
        while (c + span < width && !top[c + span]!.trim() && sub[c + span]!.trim()) span++;
        if (span > 1) table.merges!.push({ row: r, col: c, colSpan: span });
        c += span - 1;
      }
      r++;
    }
  }
  return { ...options, before: [], tables, after: pending };
}
