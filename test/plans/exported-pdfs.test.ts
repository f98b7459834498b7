// PDFs exported by a word processor (test/plans/exported-pdfs/README.md) import to
// the same tasks as the same plans in text: the same count, paths, deadlines and
// units per role, despite borderless tables, wrapped cells, rows broken across
// pages and letters drawn apart from their words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, type ParsedPlanFile } from '../../src/plans/import-plan.ts';

const SHARED = new URL('../../../shared/plans/', import.meta.url);
/** name, the same plan as text, and whether every task reads alike field by field (else: count and deadlines). */
const CASES: Array<[string, URL, boolean]> = [
  ['tay-xuan-2024-papi-sipas-par', new URL('tay-xuan-2024-papi-sipas-par.txt', SHARED), true],
  // Two cells read "Tư pháp - Hộ ịt ch xã": a letter drawn apart put back one place early.
  ['tay-xuan-2024-phu-luc-1', new URL('tay-xuan-2024-phu-luc-1.txt', SHARED), false],
  // One row's STT cell, alone at the foot of a page, read as a heading (3.2.3 under it).
  ['tam-quan-bac-2023-par-sipas', new URL('tam-quan-bac-2023-par-sipas.txt', SHARED), false],
  ['c-dong-thap-617-2025-cds-doanh-nghiep', new URL('./corpus/c-dong-thap-617-2025-cds-doanh-nghiep.txt', import.meta.url), true],
  ['a-nghean-980-2025-phong-thu-dan-su', new URL('./corpus/a-nghean-980-2025-phong-thu-dan-su.txt', import.meta.url), true],
];

const tasks = (p: ParsedPlanFile) => p.tasks.map((t) => ({ path: t.path, deadline: t.deadline.raw, units: t.units }));

describe.each(CASES)('%s exported to PDF', (name, text, alike) => {
  it(alike ? 'reads the same tasks as the text' : 'reads as many tasks as the text, with the same deadlines', async () => {
    const fromText = await parsePlanFile(`${name}.txt`, readFileSync(text));
    const fromPdf = await parsePlanFile(`${name}.pdf`, readFileSync(new URL(`./exported-pdfs/${name}.pdf`, import.meta.url)));
    expect(fromPdf.tasks).toHaveLength(fromText.tasks.length);
    expect(fromPdf.tasks.map((t) => t.deadline.raw)).toEqual(fromText.tasks.map((t) => t.deadline.raw));
    if (alike) expect(tasks(fromPdf)).toEqual(tasks(fromText));
  });
});
