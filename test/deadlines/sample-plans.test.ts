// Every deadline cell of the sample plans in ../shared/plans must be understood: nothing
// there may end up "not understood". Skipped where the sample directory is not present.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/deadlines/parse-deadline.ts';

const PLANS_DIR = fileURLToPath(new URL('../../../shared/plans/', import.meta.url));
const DEADLINE_CELL = /^(?:Thường xuyên|Trước ngày.*|\d{1,2}\/\d{1,2}\/\d{4}|Quý .*|Theo (?:quy định|Kế hoạch .*|thông báo .*|chế độ .*))$/;

function deadlineCells(): string[] {
  const cells = new Set<string>();
  for (const name of readdirSync(PLANS_DIR).filter((n) => n.endsWith('.txt'))) {
    for (const line of readFileSync(join(PLANS_DIR, name), 'utf8').split('\n')) {
      // Tab-separated tables: the deadline is the last cell; one-cell-per-line: the line itself.
      const cell = (line.includes('\t') ? line.split('\t').at(-1)! : line).trim();
      if (DEADLINE_CELL.test(cell)) cells.add(cell);
    }
  }
  return [...cells];
}

describe.skipIf(!existsSync(PLANS_DIR))('the deadline cells of the sample plans', () => {
  it('are all understood, none left "not understood"', () => {
    const cells = deadlineCells();
    expect(cells.length).toBeGreaterThanOrEqual(8);
    for (const cell of cells) {
      const s = parseDeadline(cell, { ref: '2024-10-15' });
      expect(s.kind === 'unscheduled' ? s.code : s.kind, cell).not.toBe('not-understood');
    }
  });
});
