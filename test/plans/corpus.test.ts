// Real plans of other offices, in layouts the four samples lack (test/plans/corpus/,
// sources in its README): each imports to the task and group counts counted by
// hand, with the sample tasks' titles, units per role and deadlines as written.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, type ParsedPlanFile } from '../../src/plans/import-plan.ts';
import type { ImportedRow } from '../../src/plans/parse-plan.ts';
import { splitUnitList, unitKey } from '../../src/plans/unit-names.ts';
import { squeeze } from '../../src/plans/text-cells.ts';

const DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

interface GoldTask {
  code: string;
  section?: string;
  title: string;
  lead?: string[];
  coordinate?: string[];
  monitor?: string[];
  execute?: string[];
  /** People named in a person column (Người thực hiện, Lãnh đạo phụ trách): details, never units. */
  person?: string[];
  deadline?: string;
}

interface Gold {
  source: { document: string; where: string };
  plan?: { number?: string | null; issuedOn?: string | null; issuer?: string | null };
  tasks: number;
  groups?: number;
  sampleTasks: GoldTask[];
}

export const CORPUS = readdirSync(DIR)
  .filter((n) => n.endsWith('.gold.json'))
  .sort()
  .map((gold) => {
    const base = gold.replace(/\.gold\.json$/, '');
    const file = readdirSync(DIR).find((n) => n.startsWith(`${base}.`) && !n.endsWith('.gold.json'))!;
    return { name: base, file, gold: JSON.parse(readFileSync(`${DIR}${gold}`, 'utf8')) as Gold };
  });

const norm = (s: string) => squeeze(s.normalize('NFC').replace(/[“”"]/g, '"')).toLowerCase();
const keys = (units: string[]) => units.map(unitKey).sort();

/** The imported task a gold sample names: same code (and section), title starting the same way. */
function findTask(parsed: ParsedPlanFile, sample: GoldTask): ImportedRow | undefined {
  const title = norm(sample.title).slice(0, 40);
  const candidates = [...parsed.tasks].filter((t) => norm(t.title).startsWith(title) || norm(`${t.title} ${t.actions ?? ''}`).includes(title));
  const byCode = candidates.filter((t) => t.code === sample.code);
  const bySection = sample.section ? byCode.filter((t) => t.path.split('/').includes(sample.section!)) : byCode;
  return bySection[0] ?? byCode[0] ?? (sample.code === '' ? candidates[0] : undefined);
}

describe.each(CORPUS)('$name', ({ file, gold }) => {
  let parsed: ParsedPlanFile;
  const load = async () => (parsed ??= await parsePlanFile(file, readFileSync(`${DIR}${file}`)));

  it(`imports ${gold.tasks} tasks${gold.groups !== undefined ? ` in ${gold.groups} groups` : ''}`, async () => {
    await load();
    expect(parsed.tasks.length).toBe(gold.tasks);
    if (gold.groups !== undefined) expect(parsed.groups.length).toBe(gold.groups);
  });

  it('reads the sample tasks: title, units per role, deadline as written', async () => {
    await load();
    for (const sample of gold.sampleTasks) {
      const task = findTask(parsed, sample);
      expect(task, `task ${sample.section ?? ''}/${sample.code} "${sample.title}"`).toBeDefined();
      for (const role of ['lead', 'coordinate', 'monitor', 'execute'] as const) {
        if (sample[role]) expect(keys(task!.units[role]), `${role} of ${task!.path}`).toEqual(keys(sample[role]!));
      }
      // People are listed as units are: split at ";", line breaks and between whole names.
      if (sample.person) expect(keys(splitUnitList(task!.details.person ?? '')), `person of ${task!.path}`).toEqual(keys(sample.person));
      // A task with no deadline of its own or of its group has it derived from the plan's period.
      const raw = task!.deadline.derived ? '' : (task!.deadline.raw ?? '');
      if (sample.deadline !== undefined) expect(norm(raw), `deadline of ${task!.path}`).toBe(norm(sample.deadline));
    }
  });

  it('reads the plan number, date and issuer', async () => {
    await load();
    expect(gold.plan, 'gold names the plan').toBeDefined();
    if (gold.plan!.number !== undefined) expect(parsed.plan.number).toBe(gold.plan!.number);
    if (gold.plan!.issuedOn !== undefined) expect(parsed.plan.issuedOn).toBe(gold.plan!.issuedOn);
    if (gold.plan!.issuer) expect(unitKey(parsed.plan.issuer ?? '')).toBe(unitKey(gold.plan!.issuer));
  });
});
