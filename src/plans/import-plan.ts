// The plan importer's entry: file bytes → read → parsed plan, with the deadline
// engine wired in. Refuses a file with no task table.

import { createHash } from 'node:crypto';
import { parseDeadline } from '../deadlines/parse-deadline.ts';
import { PlanInputError } from './input-errors.ts';
import { parsePlan, type ParsePlanOptions, type PlanImport } from './parse-plan.ts';
import { readPlanFile, type PlanFormat, type ReadPlanOptions } from './read-plan-file.ts';

export interface ParsedPlanFile extends PlanImport {
  file: string;
  format: PlanFormat;
  sourceHash: string;
}

export type ImportOptions = ReadPlanOptions & Omit<ParsePlanOptions, 'parseDeadline'> & Partial<Pick<ParsePlanOptions, 'parseDeadline'>>;

export async function parsePlanFile(file: string, bytes: Buffer, options: ImportOptions = {}): Promise<ParsedPlanFile> {
  const { format, doc } = await readPlanFile(file, bytes, options);
  const parsed = parsePlan(doc, { parseDeadline, ...options });
  if (parsed.plan.tables === 0) {
    throw new PlanInputError(
      file,
      'no task table found: expected a header row starting with "STT" or "TT" and columns such as "Nhiệm vụ/giải pháp", "Thời gian hoàn thành" or "Cơ quan chủ trì"',
    );
  }
  if (parsed.tasks.length === 0) throw new PlanInputError(file, 'the task table has no rows');
  return { ...parsed, file, format, sourceHash: createHash('sha256').update(bytes).digest('hex') };
}
