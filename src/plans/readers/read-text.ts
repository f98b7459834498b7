// Plain-text plans: tab-separated tables or the one-cell-per-line layout.

import type { RawDocument } from '../table-model.ts';
import { readLineCells } from './read-line-cells.ts';
import { readTabText } from './read-tab-text.ts';

export function readText(text: string): RawDocument {
  const tabLines = text.split('\n', 5000).filter((l) => l.includes('\t')).length;
  return tabLines >= 2 ? readTabText(text) : readLineCells(text);
}
