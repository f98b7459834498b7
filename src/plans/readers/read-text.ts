// Plain-text plans: tab-separated tables or the one-cell-per-line layout.

import type { ColumnMapping } from '../header-recognition.ts';
import type { RawDocument } from '../table-model.ts';
import { readLineCells } from './read-line-cells.ts';
import { readTabText } from './read-tab-text.ts';

/** True when at least two of the first 5,000 lines hold a tab; stops at the second one found. */
function hasTabRows(text: string): boolean {
  let count = 0;
  let tab = text.indexOf('\t');
  let start = 0;
  for (let line = 0; line < 5000 && tab >= 0; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (tab < end) {
      if (++count >= 2) return true;
      tab = text.indexOf('\t', end);
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return false;
}

export function readText(text: string, columns?: ColumnMapping): RawDocument {
  return hasTabRows(text) ? readTabText(text) : readLineCells(text, columns);
}
