// Property tests: where the page breaks fall, extra blank lines and spacing,
// and a row split across a page break do not change the tasks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/deadlines/parse-deadline.ts';
import { assembleTables } from '../../src/plans/assemble-tables.ts';
import { isSubHeaderRow } from '../../src/plans/header-recognition.ts';
import { parsePlan, type ImportedRow } from '../../src/plans/parse-plan.ts';
import { readText } from '../../src/plans/readers/read-text.ts';
import { readTabText } from '../../src/plans/readers/read-tab-text.ts';
import { sampleText, type SampleName } from './samples.ts';

const tasksOf = (text: string) => parsePlan(readText(text), { parseDeadline }).tasks.map(comparable);
const comparable = (t: ImportedRow) => ({ path: t.path, title: t.title, target: t.target, actions: t.actions, deadline: t.deadline.raw, units: t.units });

/** The sample's task table as: text before it, its header lines, and its rows with page-break pieces merged. */
function tableOf(name: SampleName) {
  const text = sampleText(name);
  const lines = text.split('\n');
  const table = assembleTables(readTabText(text)).tables.at(-1)!;
  const first = lines[table.headerLine - 1]!;
  const second = lines[table.headerLine];
  const header = second !== undefined && isSubHeaderRow(second.split('\t'), first.split('\t')) ? [first, second] : [first];
  return { preamble: lines.slice(0, table.headerLine - 1), header, rows: table.rows.map((r) => r.cells.map((c) => c.replace(/\n/g, ' '))) };
}

/** Word boundaries where a page break can cut a cell and the pieces join back to the same text. */
function cutPoints(cell: string): number[] {
  const points: number[] = [];
  for (let i = 1; i < cell.length - 1; i++) {
    if (cell[i] === ' ' && /[\p{L}\d,]/u.test(cell[i - 1]!) && /[\p{L}\d(]/u.test(cell[i + 1]!)) points.push(i);
  }
  return points;
}

const TAB_SAMPLES: SampleName[] = ['tayXuan', 'tamQuanBac', 'phuLuc1'];

describe.each(TAB_SAMPLES)('%s: page breaks, spacing and split rows', (name) => {
  const { preamble, header, rows } = tableOf(name);
  const expected = tasksOf(sampleText(name));

  it('the rebuilt table without page breaks reads as the sample', () => {
    expect(tasksOf([...preamble, ...header, ...rows.map((r) => r.join('\t'))].join('\n'))).toEqual(expected);
  });

  it('any page breaks, any row split across one, any extra blank lines and spaces: same tasks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }),
        fc.array(fc.tuple(fc.nat(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 })), { maxLength: 4 }),
        fc.array(fc.nat({ max: 3 }), { minLength: rows.length, maxLength: rows.length }),
        fc.boolean(),
        (breaks, splits, blanks, spaces) => {
          const splitAt = new Map(splits.map(([row, where]) => [row % rows.length, where]));
          const out = [...preamble, ...header];
          const pad = (c: string) => (spaces && c ? `  ${c.replace(/ /g, '  ')} ` : c);
          rows.forEach((cells, i) => {
            if (breaks[i] && i > 0) out.push('', ...header);
            const where = splitAt.get(i);
            if (where && i > 0) {
              // A page break inside this row: each cell cut at one of its word boundaries.
              const head = cells.map((c, k) => {
                const points = cutPoints(c);
                return k === 0 || !points.length ? c : c.slice(0, points[Math.floor(where[k % 8]! * points.length)]);
              });
              const tail = cells.map((c, k) => (k === 0 ? '' : c.slice(head[k]!.length).trimStart()));
              out.push(head.map(pad).join('\t'), '', ...header, tail.map(pad).join('\t'));
            } else out.push(cells.map(pad).join('\t'));
            for (let b = 0; b < blanks[i]!; b++) out.push('');
          });
          expect(tasksOf(out.join('\n'))).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('dong-nai (one cell a line): blank lines and spacing', () => {
  const text = sampleText('dongNai');
  const lines = text.split('\n');
  const expected = tasksOf(text);

  it('extra blank lines and runs of spaces inside lines give the same tasks', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 }), { minLength: lines.length, maxLength: lines.length }), fc.boolean(), (blanks, spaces) => {
        const out: string[] = [];
        lines.forEach((line, i) => {
          out.push(spaces ? line.replace(/(\S) (\S)/g, '$1   $2') : line);
          for (let b = 0; b < blanks[i]!; b++) out.push('');
        });
        expect(tasksOf(out.join('\n'))).toEqual(expected);
      }),
      { numRuns: 8 },
    );
  });
});
