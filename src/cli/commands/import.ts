// `import <file>`: reads a plan (.docx, .xlsx, .pdf, .csv, .txt, .html) into tasks,
// units and deadlines; `--dry-run` only shows what would be imported.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { parsePlanFile, type ParsedPlanFile } from '../../plans/import-plan.ts';
import { PlanInputError } from '../../plans/input-errors.ts';
import { findExistingPlan, loadUnitDirectory, rememberedColumnsOf, PAST_DEADLINE_CHOICES, previewReimport, ReimportNeedsConfirmation, writePlan, type PastDeadlines, type WriteResult } from '../../plans/store/plan-writer.ts';
import { diffLines } from './import-diff.ts';
import { countsLine, previewHeader, previewLines } from './import-preview.ts';
import { planPreview } from '../../plans/plan-preview.ts';
import { cliTranslator, LANG_OPTION, parseLang } from '../cli-text.ts';
import type { TranslateFn } from '../../messages/i18n.ts';
import { riskyChanges } from '../../plans/task-matching.ts';
import { calendarFromConfig } from './calendar-from-config.ts';
import { parseColumnMapping, type ColumnMapping } from '../../plans/header-recognition.ts';
import { MAX_PLAN_BYTES } from '../../plans/read-plan-file.ts';
import { InputError, UsageError, type CliCommand, type CliContext } from '../command.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { shortDbError } from '../db-errors.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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

async function readInput(path: string, t: TranslateFn): Promise<Buffer> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    // readFile would say only EISDIR: say what to give instead.
    if (info.isDirectory()) throw new InputError(t('cli-not-a-file', { name: path }));
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${name}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // Refuse before reading a huge file into memory.
  if (size > MAX_PLAN_BYTES) throw new InputError(`${name}: file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit`);
  return readFile(path);
}

async function write(ctx: CliContext, parsed: ParsedPlanFile, json: boolean, options: { confirm: boolean; today: string; past?: PastDeadlines }): Promise<WriteResult> {
  const prisma = await ctx.db();
  const bar = ctx.io.isTty && !json ? new cliProgress.SingleBar({ stream: ctx.io.stdout as NodeJS.WriteStream, format: 'writing tasks [{bar}] {value}/{total}' }) : undefined;
  bar?.start(parsed.tasks.length + parsed.groups.length, 0);
  try {
    return await writePlan(prisma, parsed, { ...options, now: ctx.clock.now(), onProgress: (done) => bar?.update(done) });
  } finally {
    bar?.stop();
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a plan (.docx, .xlsx, .pdf, .csv, .txt) into tasks, units and deadlines',
  usage: 'import <file> [--dry-run] [--json] [--issued YYYY-MM-DD] [--columns "Header=role,..."] [--confirm] [--past remind|done|skip] [--lang vi|en]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, issued: { type: 'string' }, columns: { type: 'string' }, confirm: { type: 'boolean' }, past: { type: 'string' }, ...LANG_OPTION },
    });
    const t = cliTranslator(parseLang(values.lang));
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one file' : 'missing <file>');
    const issued = values.issued;
    if (issued !== undefined && (!ISO_DATE.test(issued) || Number.isNaN(Date.parse(issued)))) {
      throw new UsageError(`--issued "${issued}" is not a date YYYY-MM-DD`);
    }
    const past = values.past as PastDeadlines | undefined;
    if (past !== undefined && !PAST_DEADLINE_CHOICES.includes(past)) {
      throw new UsageError(`--past must be one of ${PAST_DEADLINE_CHOICES.join(', ')}, not "${past}"`);
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
    const bytes = await readInput(path, t);
    const dryRun = Boolean(values['dry-run']);
    const json = Boolean(values.json);

    // The dry run reads the unit directory and remembered columns exactly as the import does, so the
    // two cannot disagree; only where the database cannot be read does the dry run go on without them.
    let db: PrismaClient | undefined;
    let directory: Awaited<ReturnType<typeof loadUnitDirectory>> | undefined;
    let directoryProblem: string | undefined;
    try {
      db = await ctx.db();
      directory = await loadUnitDirectory(db);
    } catch (err) {
      if (!dryRun) throw err;
      db = undefined;
      directoryProblem = shortDbError(err);
    }

    let parsed: ParsedPlanFile;
    try {
      // A mapping given for this plan before applies again, unless --columns says otherwise.
      const rememberedColumns = db ? rememberedColumnsOf(db) : undefined;
      parsed = await parsePlanFile(basename(path), bytes, { ...(issued ? { issued } : {}), ...directory, ...(columns ? { columns } : {}), ...(rememberedColumns ? { rememberedColumns } : {}) });
    } catch (err) {
      if (err instanceof PlanInputError) throw new InputError(err.message);
      throw err;
    }

    if (dryRun) {
      // A re-import's changes, where the database holds the plan.
      const reimport = db ? await previewReimport(db, parsed) : undefined;
      if (json) {
        ctx.io.stdout.write(`${JSON.stringify({ ...dryRunJson(parsed), ...(reimport ? { reimport } : {}) })}\n`);
        return 0;
      }
      const today = calendarFromConfig(ctx.config).dateOf(ctx.clock.now());
      const knownUnitKeys = directory ? new Set(directory.knownUnits.map((u) => u.key)) : undefined;
      const lines = [
        ...previewLines(parsed, t, { today, knownUnitKeys, ...(directoryProblem ? { directoryProblem } : {}) }),
        ...(reimport ? ['', ...diffLines(reimport.planId, reimport.diff, t)] : []),
        // Said before the import, where the choice can still be made.
        ...(planPreview(parsed, today).overdue ? [t('cli-preview-past-hint')] : []),
        t('cli-preview-dry-run'),
      ];
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    }
    // Formatted before anything is written: a summary that failed after the commit would tell
    // the user the import failed while its data is in.
    const today = calendarFromConfig(ctx.config).dateOf(ctx.clock.now());
    const header = json ? [] : previewHeader(parsed, t);
    // Overdue tasks are reminded as overdue from the next working morning: say how many, as the dry run did.
    const counts = json ? '' : countsLine(planPreview(parsed, today), t, today);
    let result: WriteResult;
    try {
      result = await write(ctx, parsed, json, { confirm: Boolean(values.confirm), today, ...(past ? { past } : {}) });
    } catch (err) {
      if (!(err instanceof ReimportNeedsConfirmation)) throw err;
      const plan = await findExistingPlan(await ctx.db(), parsed.plan, parsed.sourceHash);
      const risky = riskyChanges(err.diff);
      throw new InputError(
        [
          t('cli-import-needs-confirm', { file: basename(path), reason: t('cli-import-risky', { removed: risky.removed.length, retitled: risky.retitled.length }) }),
          ...diffLines(plan?.id ?? 0, err.diff, t),
          t('cli-import-confirm-hint'),
        ].join('\n'),
      );
    }
    // The running service plans and queues the reminders now; reconcile is the safety net.
    const planningQueued = await ctx.requestPlanning({ planId: result.planId });
    if (json) ctx.io.stdout.write(`${JSON.stringify({ ...result, tasks: parsed.tasks.length, groups: parsed.groups.length, warnings: parsed.warnings, planning: planningQueued ? 'queued' : 'at-next-reconcile' })}\n`);
    else {
      const extra =
        (result.cancelled ? t('cli-import-cancelled', { count: result.cancelled }) : '') +
        (result.diff.renumbered.length ? t('cli-import-renumbered', { count: result.diff.renumbered.length }) : '') +
        (result.restored ? t('cli-import-restored', { count: result.restored }) : '') +
        (result.newUnits.length ? t('cli-import-new-units', { count: result.newUnits.length }) : '');
      const done = t('cli-import-done', { again: result.reimport ? 'yes' : 'no', plan: result.planId, created: result.created, updated: result.updated, unchanged: result.unchanged, removed: result.removed, extra });
      const pastLine = result.overdueAtImport ? [t('cli-import-past', { choice: past ?? 'remind', count: past === 'done' ? result.markedDone : result.overdueAtImport })] : [];
      const planning = t(planningQueued ? 'cli-import-planning-queued' : 'cli-import-planning-later');
      ctx.io.stdout.write(`${[...header, done, counts, ...pastLine, planning].join('\n')}\n`);
    }
    return 0;
  },
};
