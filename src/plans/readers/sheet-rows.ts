// Rows of a sheet or CSV that hold one text in their first cell only (an
// appendix title, a note) are text, not table rows.

import { parseRowCode } from '../codes.ts';
import type { MergedFrom, RawBlock } from '../table-model.ts';

export function sheetBlock(cells: string[], line: number, tableId?: number, merged?: Array<MergedFrom | undefined>): RawBlock {
  const filled = cells.map((c, i) => [c.trim(), i] as const).filter(([c, i]) => c && merged?.[i] !== 'left');
  // (A heading merged across the table's width inside the table stays a row: the assembler decides.)
  const spanning = merged?.some((m) => m === 'left') ?? false;
  if (filled.length === 1 && filled[0]![1] === 0 && !parseRowCode(filled[0]![0]) && !spanning) {
    return { kind: 'text', text: filled[0]![0], line };
  }
  return { kind: 'row', cells, line, ...(merged ? { merged } : {}), ...(tableId !== undefined ? { tableId } : {}) };
}
