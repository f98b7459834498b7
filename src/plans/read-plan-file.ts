// A plan file's bytes to the table model, refusing bad input with a message
// that names the file and the line or part: empty, too large, not UTF-8,
// corrupt or bomb-like .docx/.xlsx.

import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import { PlanInputError } from './input-errors.ts';
import { readCsv } from './readers/read-csv.ts';
import { readDocx } from './readers/read-docx.ts';
import { readHtml } from './readers/read-html.ts';
import { readPdf, ScannedPdfError } from './readers/read-pdf.ts';
import { readText } from './readers/read-text.ts';
import { readXlsx } from './readers/read-xlsx.ts';
import type { ColumnMapping } from './header-recognition.ts';
import type { RawDocument } from './table-model.ts';
import { decodeUtf16WithBom, firstInvalidUtf8, lineOfOffset } from './utf8.ts';
import { checkXlsx } from './sheet-guard.ts';
import { checkZip, DEFAULT_ZIP_LIMITS, ZipRefused, type ZipLimits } from './zip-guard.ts';

/** 20 MB, the Telegram bot download limit. */
export const MAX_PLAN_BYTES = 20 * 1024 * 1024;

export type PlanFormat = 'text' | 'html' | 'docx' | 'xlsx' | 'csv' | 'pdf';

export interface ReadPlanOptions {
  maxBytes?: number;
  /** The user's column mapping, for layouts where it decides where a header ends (one cell a line). */
  columns?: ColumnMapping;
  zipLimits?: ZipLimits;
}

export function detectFormat(fileName: string, bytes: Uint8Array): PlanFormat {
  const ext = extname(fileName).toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.docx' || ext === '.docm') return 'docx';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.pdf' || Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  if (zip) return 'docx';
  return 'text';
}

function decodeText(file: string, bytes: Uint8Array): string {
  // Notepad saves "Unicode" as UTF-16 with a byte order mark: read it as the clerk saved it.
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 !== undefined) return utf16;
  // The native check first; the byte-by-byte scan only to say where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0 && looksLikeBareUtf16(bytes)) throw new PlanInputError(file, BARE_UTF16, { line: 1 });
  if (bad >= 0) {
    throw new PlanInputError(file, `invalid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save the file as UTF-8`, {
      line: lineOfOffset(bytes, bad),
    });
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const BARE_UTF16 = 'the text is UTF-16 without a byte order mark: save it again as UTF-8 (or as "Unicode" in Notepad)';

/** Letters each followed (or preceded) by a zero byte, in the first 4 KB: UTF-16 saved without its byte order mark. */
function looksLikeBareUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) > n / 4 && Math.min(evenZeros, oddZeros) < n / 40;
}

export async function readPlanFile(file: string, bytes: Buffer, options: ReadPlanOptions = {}): Promise<{ format: PlanFormat; doc: RawDocument }> {
  const maxBytes = options.maxBytes ?? MAX_PLAN_BYTES;
  if (bytes.length > maxBytes) {
    throw new PlanInputError(file, `file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit`);
  }
  const format = detectFormat(file, bytes);
  if (format === 'pdf') {
    if (bytes.length === 0) throw new PlanInputError(file, 'empty file');
    try {
      return { format, doc: await readPdf(bytes) };
    } catch (err) {
      // A scan is not a broken file: its message says what to send instead, as it is.
      if (err instanceof ScannedPdfError) throw new PlanInputError(file, err.message);
      throw new PlanInputError(file, `not a readable .pdf: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (format === 'docx' || format === 'xlsx') {
    if (bytes.length === 0) throw new PlanInputError(file, 'empty file');
    try {
      // A spreadsheet's sheets are also checked for size before exceljs expands them.
      if (format === 'xlsx') checkXlsx(bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
      else checkZip(bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
    } catch (err) {
      if (err instanceof ZipRefused) throw new PlanInputError(file, `not a readable .${format}: ${err.message}`, err.entry ? { field: err.entry } : undefined);
      throw err;
    }
    try {
      return { format, doc: format === 'docx' ? await readDocx(bytes) : await readXlsx(bytes) };
    } catch (err) {
      throw new PlanInputError(file, `not a readable .${format}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const text = decodeText(file, bytes);
  // NUL and other control characters (tab, line breaks and the page break of PDF-to-text aside) mean a binary file, not a plan's text.
  const control = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    if (control[0] === '\u0000' && looksLikeBareUtf16(bytes)) {
      throw new PlanInputError(file, BARE_UTF16, { line });
    }
    throw new PlanInputError(file, `control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: not a text file (a .docx, .xlsx or .pdf needs its own extension)`, { line });
  }
  if (!text.replace(/^\uFEFF/, '').trim()) throw new PlanInputError(file, 'empty file');
  if (format === 'csv') {
    try {
      return { format, doc: readCsv(text) };
    } catch (err) {
      throw new PlanInputError(file, `not a readable .csv: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { format, doc: format === 'html' ? readHtml(text) : readText(text, options.columns) };
}
