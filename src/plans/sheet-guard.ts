// A spreadsheet's size as its own XML declares it, checked before a library
// expands it: exceljs builds every cell of a merged range and every column up to
// the farthest cell, so a 1.6 KB file with one merge over A1:XFD1048576, or one
// cell at XFD1, takes minutes and gigabytes. Plans are a few dozen columns and a
// few thousand rows; these limits are far above that and far below harm.

import { checkZip, DEFAULT_ZIP_LIMITS, ZipRefused, type ZipLimits } from './zip-guard.ts';

export const SHEET_LIMITS = {
  /** Columns a sheet may reach (XFD is 16,384). */
  maxColumns: 256,
  /** Rows a sheet may reach. */
  maxRows: 100_000,
  /** Cells one merged range may cover. */
  maxMergedCells: 50_000,
};

/** "XFD1048576" → [16384, 1048576]; undefined for anything else. */
function cellAt(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col, Number(m[2])];
}

function refused(message: string, entry: string): never {
  throw new ZipRefused(message, entry);
}

/** Checks one worksheet's XML: its declared dimension, every merged range and the farthest cell. */
export function checkSheetXml(name: string, xml: string): void {
  const dimension = /<dimension\s+ref="([^"]+)"/.exec(xml)?.[1];
  if (dimension) {
    const end = cellAt(dimension.split(':').pop()!);
    if (end && (end[0] > SHEET_LIMITS.maxColumns || end[1] > SHEET_LIMITS.maxRows)) {
      refused(`the sheet declares ${dimension}: more than ${SHEET_LIMITS.maxColumns} columns or ${SHEET_LIMITS.maxRows.toLocaleString('en')} rows`, name);
    }
  }
  for (const m of xml.matchAll(/<mergeCell\s+ref="([^"]+)"/g)) {
    const [a, b] = m[1]!.split(':');
    const from = cellAt(a ?? '');
    const to = cellAt(b ?? a ?? '');
    if (!from || !to) continue;
    const cells = (Math.abs(to[0] - from[0]) + 1) * (Math.abs(to[1] - from[1]) + 1);
    if (cells > SHEET_LIMITS.maxMergedCells || Math.max(from[0], to[0]) > SHEET_LIMITS.maxColumns || Math.max(from[1], to[1]) > SHEET_LIMITS.maxRows) {
      refused(`a merged range ${m[1]} covers ${cells.toLocaleString('en')} cells (limit ${SHEET_LIMITS.maxMergedCells.toLocaleString('en')})`, name);
    }
  }
  for (const m of xml.matchAll(/<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3}\d{1,7})"/g)) {
    const at = cellAt(m[1]!);
    if (at && (at[0] > SHEET_LIMITS.maxColumns || at[1] > SHEET_LIMITS.maxRows)) refused(`a cell at ${m[1]} lies beyond ${SHEET_LIMITS.maxColumns} columns or ${SHEET_LIMITS.maxRows.toLocaleString('en')} rows`, name);
  }
}

/** The zip checks, then every worksheet's size. Throws ZipRefused naming the part. */
export function checkXlsx(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  checkZip(buf, limits, (name, data) => {
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) checkSheetXml(name, data.toString('utf8'));
  });
}
