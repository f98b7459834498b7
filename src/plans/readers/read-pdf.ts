// Text-layer PDFs (the signed plans as published) to the table model.
//
// Library: pdfjs-dist (Mozilla's PDF.js), the legacy build for Node, pinned to
// 5.6.205, the newest release that supports Node 20: 5.7 and later declare
// Node >= 22.13 and 6.x calls Promise.withResolvers, which Node 20 lacks. It is
// the most widely used and best kept PDF parser for JavaScript, gives both the
// text with positions and the drawing operators (needed for cell borders), and
// maps embedded Vietnamese fonts through their ToUnicode tables. Run in this
// thread (no worker), with eval, font faces, system fonts and images off, and
// cMaps and standard fonts read from the package's own files: no network.
//
// What comes out, page by page in reading order (top to bottom, left to right):
// - tables drawn with borders become rows of their grid (see pdf/ruled-tables.ts);
//   a table that runs on at the top of the next page with the same columns keeps
//   its tableId, and a bare page number between its two parts is dropped (it
//   would end the table for the assembler);
// - on a page with no drawn rules, a table found from its header row's labels
//   (pdf/unruled-tables.ts);
// - every other visual line is a text block; a line with a wide gap (the
//   two-column heading "ỦY BAN NHÂN DÂN ... | CỘNG HÒA XÃ HỘI ...") gives one
//   block per side.
// `line` is a running number over the whole document: the Nth text line or table
// row in reading order (the PDF has no line numbers of its own), so unit 'line'.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { RawBlock, RawDocument } from '../table-model.ts';
import { readPageContent, type PageContent } from './pdf/page-content.ts';
import { findGrids, gridRows, onColumns, sameColumns, withinColumns, type GridRow, type RuledGrid } from './pdf/ruled-tables.ts';
import { findUnruledTable } from './pdf/unruled-tables.ts';
import { groupLines, lineText, segments } from './pdf/visual-lines.ts';

/** More pages than this is not a plan: refused before any page is read. */
export const MAX_PDF_PAGES = 300;
/** Reading one file stops with an error after this long. */
export const PDF_TIME_LIMIT_MS = 60_000;
/** Fewer characters of text than this per page on average: a scan with no text layer. */
export const MIN_TEXT_CHARS_PER_PAGE = 20;
/** Pieces of one visual line further apart than this many ems are separate text blocks. */
const TEXT_COLUMN_GAP_EM = 2.5;

/** A PDF made of page images: nothing to read without OCR. The message is for the user as it is. */
export class ScannedPdfError extends Error {
  override name = 'ScannedPdfError';
}

export interface ReadPdfOptions {
  maxPages?: number;
  timeLimitMs?: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** Loaded on the first PDF only: importing the importer does not load PDF.js. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A bare page number: "2", "- 2 -", "Trang 2", "2/15". */
const PAGE_NUMBER = /^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*\/\s*\d{1,4})?[-–—\s]*$/iu;

type PageItem =
  | { kind: 'text'; top: number; x0: number; text: string; pageNumber: boolean }
  | { kind: 'ruled'; top: number; x0: number; grid: RuledGrid; pieces: PageContent['pieces'] }
  | { kind: 'rows'; top: number; x0: number; rows: GridRow[] };

/** A page's tables and text lines in reading order. */
function pageItems(page: PageContent): PageItem[] {
  const items: PageItem[] = [];
  // A grid of one cell is a box drawn around text (a frame, a stamp), not a table.
  const grids = findGrids(page.rules).filter((g) => g.xs.length > 2 || g.ys.length > 2);
  let rest = page.pieces;
  for (const grid of grids) {
    const inside = rest.filter((p) => {
      const x = p.x0 + Math.min(3, (p.x1 - p.x0) / 2);
      const y = (p.top + p.bottom) / 2;
      return x >= grid.x0 && x < grid.x1 && y >= grid.top && y < grid.bottom;
    });
    if (!inside.length) continue;
    const taken = new Set(inside);
    rest = rest.filter((p) => !taken.has(p));
    items.push({ kind: 'ruled', top: grid.top, x0: grid.x0, grid, pieces: inside });
  }
  let lines = groupLines(rest);
  if (!grids.length) {
    const table = findUnruledTable(lines);
    if (table) {
      items.push({ kind: 'rows', top: table.top, x0: 0, rows: table.rows });
      lines = lines.filter((l) => !table.lines.has(l));
    }
  }
  for (const line of lines) {
    for (const seg of segments(line, TEXT_COLUMN_GAP_EM)) {
      const text = lineText(seg.pieces).normalize('NFC');
      if (text) items.push({ kind: 'text', top: seg.top, x0: seg.x0, text, pageNumber: PAGE_NUMBER.test(text) });
    }
  }
  return items.sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

function pdfError(err: unknown): Error {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new Error('the PDF is protected by a password; send it without the password, or the .docx');
  if (name === 'InvalidPDFException') return new Error(`not a PDF or a damaged one (${message})`);
  return err instanceof Error ? err : new Error(message);
}

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<RawDocument> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const timeLimit = options.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // A copy: PDF.js may take over the buffer it is given, and the caller still hashes these bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    // Images are never decoded: every image is "too large" to be read.
    maxImageSize: 0,
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    wasmUrl: `${PDFJS_DIR}/wasm/`,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const limit = timeLimit < 1000 ? `${timeLimit} ms` : `${timeLimit / 1000} s`;
    timer = setTimeout(() => reject(new Error(`reading the PDF took longer than ${limit}`)), timeLimit);
  });
  try {
    return await Promise.race([readDocument(task, lib, maxPages), timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

async function readDocument(task: ReturnType<PdfJs['getDocument']>, lib: PdfJs, maxPages: number): Promise<RawDocument> {
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    throw pdfError(err);
  }
  if (doc.numPages > maxPages) throw new Error(`the PDF has ${doc.numPages} pages, over the limit of ${maxPages}`);

  const pages: PageContent[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    try {
      const content = await readPageContent(page, lib.OPS, lib.AnnotationMode.DISABLE);
      for (const p of content.pieces) chars += p.text.replace(/\s+/g, '').length;
      pages.push(content);
    } finally {
      page.cleanup();
    }
  }
  if (chars / doc.numPages < MIN_TEXT_CHARS_PER_PAGE) {
    throw new ScannedPdfError(
      `a scanned PDF with no text layer (${chars} characters of text on ${doc.numPages} page${doc.numPages === 1 ? '' : 's'}): ` +
        'its pages are images that the importer cannot read; send the plan as .docx, or as a PDF saved from Word (with its text)',
    );
  }
  return assemble(pages.map(pageItems));
}

/** Pages' items to blocks: tables continued across page breaks, page numbers between their parts dropped. */
function assemble(pages: PageItem[][]): RawDocument {
  const parts = pages.map((items) => {
    const isContent = (i: PageItem) => !(i.kind === 'text' && i.pageNumber);
    const from = items.findIndex(isContent);
    const to = items.length - 1 - [...items].reverse().findIndex(isContent);
    return from < 0 ? { leading: items, content: [] as PageItem[], trailing: [] as PageItem[] } : { leading: items.slice(0, from), content: items.slice(from, to + 1), trailing: items.slice(to + 1) };
  });
  // A page break inside a table: the page ends with a table and the next one starts with one.
  const breaksTable = parts.map((part, p) => {
    const next = parts[p + 1];
    return !!next && part.content.length > 0 && part.content[part.content.length - 1]!.kind !== 'text' && next.content.length > 0 && next.content[0]!.kind !== 'text';
  });
  const blocks: RawBlock[] = [];
  let line = 0;
  let tableId = 0;
  /** The columns of the table the previous page ended with. */
  let open: { grid: RuledGrid; id: number } | undefined;
  const text = (item: PageItem) => {
    if (item.kind === 'text') blocks.push({ kind: 'text', text: item.text, line: ++line });
  };
  parts.forEach((part, p) => {
    if (!(p > 0 && breaksTable[p - 1])) part.leading.forEach(text);
    part.content.forEach((item, k) => {
      if (item.kind === 'text') return text(item);
      let id: number;
      let rows: GridRow[];
      let columns: RuledGrid | undefined;
      if (item.kind === 'ruled') {
        const prior = k === 0 && p > 0 && breaksTable[p - 1] ? open : undefined;
        const same = prior !== undefined && sameColumns(prior.grid, item.grid);
        const within = prior !== undefined && !same && withinColumns(prior.grid, item.grid);
        id = prior && (same || within) ? prior.id : ++tableId;
        columns = prior && (same || within) ? prior.grid : item.grid;
        rows = gridRows(prior && within ? onColumns(item.grid, prior.grid) : item.grid, item.pieces);
      } else {
        id = ++tableId;
        rows = item.rows;
      }
      open = columns && k === part.content.length - 1 ? { grid: columns, id } : undefined;
      for (const row of rows) blocks.push({ kind: 'row', cells: row.cells, merged: row.merged, line: ++line, tableId: id });
    });
    if (!breaksTable[p]) part.trailing.forEach(text);
  });
  return { unit: 'line', blocks };
}
