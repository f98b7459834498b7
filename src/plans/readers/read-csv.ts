// .csv exported from a spreadsheet: ",", ";" or tab separated, any row length.

import { parse } from 'csv-parse/sync';
import type { RawDocument } from '../table-model.ts';
import { sheetBlock } from './sheet-rows.ts';

function guessDelimiter(text: string): string {
  const sample = text.split('\n', 20).join('\n');
  const counts = [',', ';', '\t'].map((d) => [d, sample.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function readCsv(text: string): RawDocument {
  const records = parse(text, {
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  return {
    unit: 'line',
    blocks: records.map(({ record, info }) => sheetBlock(record, info.lines)),
  };
}
