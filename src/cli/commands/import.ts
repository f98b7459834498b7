// `import <file>`: reads a plan (.docx, .xlsx, .pdf, .csv, .txt, .html) into tasks,
// units and deadlines; `--dry-run` only shows what would be imported.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { parsePlanFile, type ParsedPlanFile } from '../../plans/import-plan.ts';
import { PlanInputError } from '../../plans/input-errors.ts';
import { findExistingPlan, loadUnitDirectory, previewReimport, ReimportNeedsConfirmation, writePlan, type WriteResult } from '../../plans/plan-writer.ts';
import { diffLines } from './import-diff.ts';
import { parseColumnMapping, type ColumnMapping } from '../../plans/header-recognition.ts';
import type { PlanMetadata } from '../../plans/plan-metadata.ts';
import { MAX_PLAN_BYTES } from '../../plans/read-plan-file.ts';
import { InputError, UsageError, type CliCommand, type CliContext } from '../command.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WARNINGS_SHOWN = 50;

/** The dry-run JSON: one object with the plan, its tasks and groups, and the warnings. */
export function dryRunJson(parsed: ParsedPlanFile) {
  const { issueYear: _issueYear, blanks: _blanks, ...plan } = parsed.plan;
  return {
    plan: { ...plan, file: parsed.file, format: parsed.format, sourceHash: parsed.sourceHash },
    tasks: parsed.tasks,
    groups: parsed.groups,
    units: parsed.units.map((u) => u.name),
    warnings: parsed.warnings,
    /** How each table's columns were read, and the mapping applied (if any). */
    tables: parsed.tables,
    ...(parsed.columnMapping ? { columns: parsed.columnMapping } : {}),
  };
}

/** "STT → code, Nội dung nhiệm vụ → task, ..." for each table: what the user checks against the paper. */
function columnLines(parsed: ParsedPlanFile): string[] {
  const shown = (role: string) => (role === 'title' ? 'task' : role);
  return parsed.tables.map(
    (t) =>
      `table at line ${t.line}${t.label ? ` (${t.label})` : ''}, ${t.tasks} tasks: ` +
      t.columns.map((c) => `${c.label.replace(/\s+/g, ' ')} → ${shown(c.role)}${c.mapped ? ' (mapped)' : ''}`).join(', '),
  );
}

function summary(parsed: ParsedPlanFile): string {
  const p = parsed.plan;
  const lines = [
    `${p.kind} ${p.number ?? '(no number)'} — ${p.issuer ?? 'issuer unknown'}${p.issuedOn ? `, ${p.issuedOn}` : ''}`,
    `period: ${p.period.raw ?? 'none'} (${p.period.from ?? '?'} – ${p.period.to ?? 'open'})`,
    `${parsed.tasks.length} tasks in ${parsed.groups.length} groups, ${p.tables} table(s), ${parsed.units.length} units`,
    ...columnLines(parsed),
    ...(parsed.columnMapping ? [`columns mapped: --columns "${parsed.columnMapping}"`] : []),
  ];
  // The first warnings, then how many more: a 100,000-row file can give as many (and a spread of them overflows the stack).
  if (parsed.warnings.length) {
    lines.push(`${parsed.warnings.length} warning(s):`);
    for (const w of parsed.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  line ${w.line}: ${w.message}`);
    if (parsed.warnings.length > WARNINGS_SHOWN) lines.push(`  … and ${parsed.warnings.length - WARNINGS_SHOWN} more (--json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}

async function readInput(path: string): Promise<Buffer> {
  const name = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new InputError(`${name}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // Refuse before reading a huge file into memory.
  if (size > MAX_PLAN_BYTES) throw new InputError(`${name}: file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit`);
  return readFile(path);
}

async function write(ctx: CliContext, parsed: ParsedPlanFile, json: boolean, confirm: boolean): Promise<WriteResult> {
  const prisma = await ctx.db();
  const bar = ctx.io.isTty && !json ? new cliProgress.SingleBar({ stream: ctx.io.stdout as NodeJS.WriteStream, format: 'writing tasks [{bar}] {value}/{total}' }) : undefined;
  bar?.start(parsed.tasks.length + parsed.groups.length, 0);
  try {
    return await writePlan(prisma, parsed, { confirm, onProgress: (done) => bar?.update(done) });
  } finally {
    bar?.stop();
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a plan (.docx, .xlsx, .pdf, .csv, .txt) into tasks, units and deadlines',
  usage: 'import <file> [--dry-run] [--json] [--issued YYYY-MM-DD] [--columns "Header=role,..."] [--confirm]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, issued: { type: 'string' }, columns: { type: 'string' }, confirm: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one file' : 'missing <file>');
    const issued = values.issued;
    if (issued !== undefined && (!ISO_DATE.test(issued) || Number.isNaN(Date.parse(issued)))) {
      throw new UsageError(`--issued "${issued}" is not a date YYYY-MM-DD`);
    }
    let columns: ColumnMapping | undefined;
    if (values.columns !== undefined) {
      try {
        columns = parseColumnMapping(values.columns);
      } catch (err) {
        throw new UsageError(`--columns: ${(err as Error).message}`);
      }
    }
    const path = positionals[0]!;
    const bytes = await readInput(path);
    const dryRun = Boolean(values['dry-run']);
    const json = Boolean(values.json);

    let parsed: ParsedPlanFile;
    try {
      const db = dryRun ? undefined : await ctx.db();
      const directory = db ? await loadUnitDirectory(db) : {};
      // A mapping given for this plan before applies again, unless --columns says otherwise.
      const rememberedColumns = db
        ? async (plan: PlanMetadata, hash: string) => {
            const text = ((await findExistingPlan(db, plan, hash))?.settings as { columns?: unknown } | undefined)?.columns;
            return typeof text === 'string' ? parseColumnMapping(text) : undefined;
          }
        : undefined;
      parsed = await parsePlanFile(basename(path), bytes, { ...(issued ? { issued } : {}), ...directory, ...(columns ? { columns } : {}), ...(rememberedColumns ? { rememberedColumns } : {}) });
    } catch (err) {
      if (err instanceof PlanInputError) throw new InputError(err.message);
      throw err;
    }

    if (dryRun) {
      // A re-import's changes, where the database can be reached (a dry run needs none).
      const reimport = await ctx
        .db()
        .then((db) => previewReimport(db, parsed))
        .catch(() => undefined);
      if (json) ctx.io.stdout.write(`${JSON.stringify({ ...dryRunJson(parsed), ...(reimport ? { reimport } : {}) })}\n`);
      else ctx.io.stdout.write(summary(parsed) + (reimport ? `${diffLines(reimport.planId, reimport.diff).join('\n')}\n` : ''));
      return 0;
    }
    // Formatted before anything is written: a summary that failed after the commit would tell
    // the user the import failed while its data is in.
    const planSummary = json ? '' : summary(parsed);
    let result: WriteResult;
    try {
      result = await write(ctx, parsed, json, Boolean(values.confirm));
    } catch (err) {
      if (!(err instanceof ReimportNeedsConfirmation)) throw err;
      const plan = await findExistingPlan(await ctx.db(), parsed.plan, parsed.sourceHash);
      throw new InputError(
        [
          `${basename(path)}: nothing written: ${err.message}.`,
          ...diffLines(plan?.id ?? 0, err.diff),
          'Check the tasks marked [has reports]; to import anyway, run again with --confirm: reports stay with their task, dropped tasks are kept as cancelled.',
        ].join('\n'),
      );
    }
    if (json) ctx.io.stdout.write(`${JSON.stringify({ ...result, tasks: parsed.tasks.length, groups: parsed.groups.length, warnings: parsed.warnings })}\n`);
    else {
      ctx.io.stdout.write(planSummary);
      ctx.io.stdout.write(
        `${result.reimport ? 're-imported' : 'imported'} plan #${result.planId}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.removed} removed` +
          `${result.cancelled ? ` (${result.cancelled} cancelled, they have reports)` : ''}` +
          `${result.diff.renumbered.length ? `, ${result.diff.renumbered.length} renumbered` : ''}${result.restored ? `, ${result.restored} back from cancelled` : ''}` +
          `${result.newUnits.length ? `; ${result.newUnits.length} new unit(s)` : ''}\n`,
      );
    }
    return 0;
  },
};
