// The plan importer's entry: file bytes → read → parsed plan, with the deadline
// engine wired in. A column mapping (`--columns`, or the one remembered for the
// plan) decides columns the headers leave unclear. Refuses a file with no task
// table, saying which header rows it saw and proposing a mapping.

import { createHash } from 'node:crypto';
import { parseDeadline } from '../deadlines/parse-deadline.ts';
import { formatColumnMapping, type ColumnMapping } from './header-recognition.ts';
import { PlanInputError } from './input-errors.ts';
import { noTaskTableMessage } from './no-table-message.ts';
import { parsePlan, type ParsePlanOptions, type PlanImport } from './parse-plan.ts';
import type { PlanMetadata } from './plan-metadata.ts';
import { readPlanFile, type PlanFormat, type ReadPlanOptions } from './read-plan-file.ts';

export interface ParsedPlanFile extends PlanImport {
  file: string;
  format: PlanFormat;
  sourceHash: string;
  /** The column mapping applied, as `--columns` takes it; remembered with the plan for its re-imports. */
  columnMapping?: string;
}

export type ImportOptions = ReadPlanOptions &
  Omit<ParsePlanOptions, 'parseDeadline'> &
  Partial<Pick<ParsePlanOptions, 'parseDeadline'>> & {
    /** The mapping remembered for this plan by an earlier import, if any (looked up by the plan's identity). */
    rememberedColumns?: (plan: PlanMetadata, sourceHash: string) => Promise<ColumnMapping | undefined>;
  };

/** Table rows a plan may have: five times the largest real plan seen (Đồng Nai's ~2,700 lines), twice the 10,000-task benchmark. */
export const MAX_PLAN_ROWS = 20_000;

export async function parsePlanFile(file: string, bytes: Buffer, options: ImportOptions = {}): Promise<ParsedPlanFile> {
  const { rememberedColumns, ...rest } = options;
  const sourceHash = createHash('sha256').update(bytes).digest('hex');
  let { format, doc } = await readPlanFile(file, bytes, rest);
  let rows = 0;
  for (const block of doc.blocks) if (block.kind === 'row' && ++rows > MAX_PLAN_ROWS) break;
  if (rows > MAX_PLAN_ROWS) throw new PlanInputError(file, `more than ${MAX_PLAN_ROWS.toLocaleString('en')} table rows: no office plan is that long; split the file or check that it is a plan`);
  let parsed = parsePlan(doc, { parseDeadline, ...rest });
  let columns = rest.columns;
  if (!columns && rememberedColumns) {
    const remembered = await rememberedColumns(parsed.plan, sourceHash);
    if (remembered) {
      columns = remembered;
      ({ format, doc } = await readPlanFile(file, bytes, { ...rest, columns }));
      parsed = parsePlan(doc, { parseDeadline, ...rest, columns });
    }
  }
  if (parsed.plan.tables === 0) throw new PlanInputError(file, noTaskTableMessage(parsed.rejected, doc.unit), parsed.rejected[0] ? { line: parsed.rejected[0].line } : undefined);
  if (parsed.tasks.length === 0) throw new PlanInputError(file, 'the task table has no rows');
  return { ...parsed, file, format, sourceHash, ...(columns ? { columnMapping: formatColumnMapping(columns) } : {}) };
}
