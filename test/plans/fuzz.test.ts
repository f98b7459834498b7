// The importer under arbitrary input: random bytes under every extension, and
// random tables, never crash (the only failure is a PlanInputError naming the
// file) and never run long.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { PlanInputError } from '../../src/plans/input-errors.ts';

const EXTENSIONS = ['txt', 'csv', 'html', 'docx', 'xlsx', 'pdf'];

async function outcome(file: string, bytes: Uint8Array): Promise<'parsed' | 'refused'> {
  try {
    await parsePlanFile(file, Buffer.from(bytes));
    return 'parsed';
  } catch (err) {
    if (err instanceof PlanInputError) {
      expect(err.message.startsWith(file)).toBe(true);
      return 'refused';
    }
    throw err;
  }
}

describe('importer fuzz', () => {
  it.each(EXTENSIONS)('random bytes as .%s: parsed or refused with the file named, each within seconds', async (ext) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 500 }).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        const started = performance.now();
        await outcome(`fuzz.${ext}`, bytes);
        expect(performance.now() - started).toBeLessThan(5_000);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 120_000);

  it('random tables under a real header: parsed or refused, never thrown', async () => {
    const cell = fc.oneof(fc.constantFrom('', '1', '1.1', 'I', 'a)', '-', 'Sở Nội vụ', 'Quý II/2025', 'Thường xuyên', 'x', '(1)', 'STT'), fc.string({ maxLength: 30 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 40 }), async (rows) => {
        const text = ['KẾ HOẠCH', 'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành', ...rows.map((r) => r.join('\t'))].join('\n');
        await outcome('fuzz.txt', new TextEncoder().encode(text));
      }),
      { numRuns: 200, seed: 20261202 },
    );
  }, 120_000);
});
