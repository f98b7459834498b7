// The four sample plans, read from ../shared/plans beside the repository (CI
// keeps a copy of shared/ beside the clone).
import { readFileSync } from 'node:fs';
import type { ImportedRow } from '../../src/plans/parse-plan.ts';

export const SAMPLES_DIR = new URL('../../../shared/plans/', import.meta.url);

export const SAMPLE_FILES = {
  tayXuan: 'tay-xuan-2024-papi-sipas-par.txt',
  tamQuanBac: 'tam-quan-bac-2023-par-sipas.txt',
  dongNai: 'dong-nai-336-2024.txt',
  phuLuc1: 'tay-xuan-2024-phu-luc-1.txt',
} as const;

export type SampleName = keyof typeof SAMPLE_FILES;

export function sampleBytes(name: SampleName): Buffer {
  return readFileSync(new URL(SAMPLE_FILES[name], SAMPLES_DIR));
}

export function sampleText(name: SampleName): string {
  return sampleBytes(name).toString('utf8');
}

/** The fields two readings of one plan must agree on, for comparing formats. */
export const comparable = (t: ImportedRow) => ({
  code: t.code,
  path: t.path,
  title: t.title,
  target: t.target,
  actions: t.actions,
  deadline: t.deadline,
  units: t.units,
  parent: t.parent,
});
