// `export <plan>`: the plan's progress report for a period (the appendix table with each
// task's status at the period's end, and a summary by unit and status) as .xlsx or .docx.
// Prints the path written; logs go to stderr.
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findUnitByName } from '../../tasks/officers.ts';
import { createI18n, toLocale, translator } from '../../messages/i18n.ts';
import { findPlans, type PlanRef } from '../../reports/export-query.ts';
import { defaultFileName, EXPORT_FORMATS, exportPlanReport, type ExportFormat } from '../../reports/export-report.ts';

export { defaultFileName } from '../../reports/export-report.ts';
import { defaultYear, parsePeriod, PeriodError, type ReportPeriod } from '../../reports/periods.ts';
import { InputError, UsageError, type CliCommand } from '../command.ts';
import { calendarFromConfig } from './calendar-from-config.ts';

const YEAR = /^\d{4}$/;

function formatOf(flag: string | undefined, out: string | undefined): ExportFormat {
  const fromOut = out ? extname(out).slice(1).toLowerCase() : undefined;
  if (flag !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(flag)) throw new UsageError(`--format must be xlsx or docx, got "${flag}"`);
  if (flag && fromOut && (EXPORT_FORMATS as readonly string[]).includes(fromOut) && fromOut !== flag) {
    throw new UsageError(`--out ${out} is a .${fromOut} file but --format is ${flag}`);
  }
  if (flag) return flag as ExportFormat;
  return fromOut === 'docx' ? 'docx' : 'xlsx';
}

function planLine(p: PlanRef): string {
  return `#${p.id} ${p.number ?? '(no number)'}${p.issuedOn ? `, issued ${p.issuedOn}` : ''}: ${p.title.slice(0, 80)}`;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'the progress report of a plan for a period, as .xlsx or .docx (task table with statuses, summary by unit)',
  usage: 'export <plan id or number> [--unit "<unit>"] [--period Q1|Q2|Q3|Q4|6T|9T|year|YYYY-MM-DD..YYYY-MM-DD] [--year YYYY] [--format xlsx|docx] [--out FILE] [--lang vi|en] [--json]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        unit: { type: 'string' }, period: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' },
        out: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `give one plan, got ${positionals.length} arguments` : 'missing <plan id or number>');
    if (values.year !== undefined && !YEAR.test(values.year)) throw new UsageError(`--year must be a year YYYY, got "${values.year}"`);
    if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en') throw new UsageError(`--lang must be vi or en, got "${values.lang}"`);
    const format = formatOf(values.format, values.out);

    const calendar = calendarFromConfig(ctx.config);
    const now = ctx.clock.now();
    const today = calendar.dateOf(now);
    // A year alone means that whole year; no period at all, the year up to today.
    const periodText = values.period ?? (values.year ? 'year' : undefined);
    const periodOf = (year: number): ReportPeriod => {
      try {
        return parsePeriod(periodText, { year, today });
      } catch (err) {
        if (err instanceof PeriodError) throw new UsageError(`--period: ${err.message}`);
        throw err;
      }
    };
    // Checked before the database is opened; the year is settled once the plan is known.
    const thisYear = Number(today.slice(0, 4));
    if (periodOf(thisYear).kind === 'range' && values.year !== undefined) throw new UsageError('--year goes with Q1..Q4, 6T, 9T or year, not with a date range');

    const prisma = await ctx.db();
    const plans = await findPlans(prisma, positionals[0]!);
    if (plans.length === 0) throw new InputError(`no plan "${positionals[0]}" (give its id or number, e.g. 336/KH-UBND)`);
    if (plans.length > 1) throw new InputError([`"${positionals[0]}" names ${plans.length} plans; give the id of one:`, ...plans.map((p) => `  ${planLine(p)}`)].join('\n'));
    const plan = plans[0]!;
    const period = periodOf(values.year ? Number(values.year) : defaultYear(thisYear, plan));

    let unit: { id: number; name: string } | undefined;
    if (values.unit !== undefined) {
      const found = await findUnitByName(prisma, values.unit);
      if (!found) throw new InputError(`no unit named "${values.unit}" (check the spelling or import its plan first)`);
      unit = { id: found.id, name: found.name };
    }

    const t = translator(createI18n(), toLocale(values.lang));
    const result = await exportPlanReport({ plan, period, format, ...(unit ? { unit } : {}) }, { db: prisma, calendar, t, now });
    const path = resolve(values.out ?? defaultFileName(plan, period, format));
    try {
      await writeFile(path, result.bytes);
    } catch (err) {
      throw new InputError(`cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    ctx.logger.info({ planId: plan.id, path, tasks: result.tasks, format }, 'report exported');
    if (values.json) {
      ctx.io.stdout.write(`${JSON.stringify({ path, format, plan: { id: plan.id, number: plan.number }, period: { kind: period.kind, from: period.from, to: period.to }, statusDate: result.statusDate, tasks: result.tasks, ...(unit ? { unit: unit.name } : {}) })}\n`);
    } else ctx.io.stdout.write(`${path}\n`);
    return 0;
  },
};
