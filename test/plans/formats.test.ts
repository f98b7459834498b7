// The sample plans converted by the test itself to .docx (merged header
// cells), .xlsx (merged cells) and .csv import to the same tasks as the text.
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { textPlanToCsv, textPlanToDocx, textPlanToXlsx } from './convert.ts';
import { SAMPLE_FILES, sampleBytes, sampleText, type SampleName, comparable } from './samples.ts';


describe.each(Object.keys(SAMPLE_FILES) as SampleName[])('%s in other formats', (name) => {
  it('imports from .docx to the same tasks and groups', async () => {
    const text = await parsePlanFile(SAMPLE_FILES[name], sampleBytes(name));
    const docx = await parsePlanFile(`${name}.docx`, await textPlanToDocx(sampleText(name)));
    expect(docx.format).toBe('docx');
    expect(docx.tasks.map(comparable)).toEqual(text.tasks.map(comparable));
    expect(docx.groups.map(comparable)).toEqual(text.groups.map(comparable));
    expect(docx.plan.number).toBe(text.plan.number);
    expect(docx.plan.issuer).toBe(text.plan.issuer);
  });

  it('imports from .xlsx to the same tasks', async () => {
    const text = await parsePlanFile(SAMPLE_FILES[name], sampleBytes(name));
    const xlsx = await parsePlanFile(`${name}.xlsx`, await textPlanToXlsx(sampleText(name)));
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.tasks.map(comparable)).toEqual(text.tasks.map(comparable));
  });

  it('imports from .csv to the same tasks', async () => {
    const text = await parsePlanFile(SAMPLE_FILES[name], sampleBytes(name));
    const csv = await parsePlanFile(`${name}.csv`, Buffer.from(textPlanToCsv(sampleText(name))));
    expect(csv.tasks.map(comparable)).toEqual(text.tasks.map(comparable));
  });
});
