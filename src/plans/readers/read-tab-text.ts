// Text with tab-separated tables (one row a line, the header repeated after
// every page break): each line with a tab is a row, every other line text.

import type { RawDocument } from '../table-model.ts';
import { splitLines } from './text-lines.ts';

export function readTabText(text: string): RawDocument {
  return {
    unit: 'line',
    blocks: splitLines(text).map((line, i) =>
      line.includes('\t') ? { kind: 'row', cells: line.split('\t'), line: i + 1 } : { kind: 'text', text: line, line: i + 1 },
    ),
  };
}
