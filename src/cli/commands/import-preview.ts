// The dry run a clerk checks against the paper: the plan, what was read from each table,
// then every task with its units and its deadline as written and as understood, in the
// clerk's language. The JSON output is dryRunJson's, unchanged.
import type { TranslateFn } from '../../messages/i18n.ts';
import type { ParsedPlanFile } from '../../plans/import-plan.ts';
import type { TaskDeadline, Warning } from '../../plans/parse-plan.ts';
import { planPreview, type PlanPreview } from '../../plans/plan-preview.ts';
import { displayDate } from '../cli-text.ts';
import { renderTable, shorten } from '../text-table.ts';

const WARNINGS_SHOWN = 50;
/** A task's text is cut here: enough to find the row on paper, short enough to keep the table readable. */
const TITLE_MAX = 90;

/** The deadline as the engine understood it, in dd/mm/yyyy. */
export function understoodDeadline(d: TaskDeadline, t: TranslateFn): string {
  const until = (date: string | undefined) => (date ? t('cli-due-until', { date: displayDate(date) }) : '');
  switch (d.kind) {
    case 'once':
      return displayDate(d.due);
    case 'recurring':
      if (d.rule.by === 'dates') return t('cli-due-dates', { dates: d.rule.dates.map(displayDate).join('; ') });
      return t('cli-due-recurring', { cadence: t('cli-cadence', { cadence: d.cadence }), until: until(d.until) });
    case 'ongoing':
      return t('cli-due-ongoing', { cadence: t('cli-cadence', { cadence: d.checkIn }), until: until(d.until) });
    case 'unscheduled':
      return t('cli-due-unscheduled', { code: d.code ?? 'other' });
  }
}

/** Params that are dates read as the clerk writes them; an empty place is "the table". */
const DATE_PARAMS = new Set(['due', 'groupDue', 'ref']);

/** One warning in the reader's language (locales/<lang>/plan-warnings.ftl). */
export function warningText(w: Warning, t: TranslateFn): string {
  const params = Object.fromEntries(
    Object.entries(w.params).map(([k, v]) => [k, k === 'under' && !v ? t('plan-warning-table') : k === 'ref' && !v ? 'none' : DATE_PARAMS.has(k) && /^\d{4}-\d{2}-\d{2}$/.test(v) ? displayDate(v) : v]),
  );
  return t(`plan-warning-${w.code}`, params);
}

/** Plan, counts, table readings and warnings: shown by the dry run and after an import. */
export function previewHeader(parsed: ParsedPlanFile, t: TranslateFn): string[] {
  const p = parsed.plan;
  const lines = [
    t('cli-preview-plan', {
      kind: t('cli-plan-kind', { kind: p.kind }),
      number: p.number ?? t('cli-preview-no-number'),
      issuer: p.issuer ?? t('cli-preview-no-issuer'),
      issued: p.issuedOn ? t('cli-preview-issued', { date: displayDate(p.issuedOn) }) : '',
    }),
    t('cli-preview-period', {
      period: `${p.period.raw ?? t('cli-preview-none')} (${p.period.from ? displayDate(p.period.from) : '?'} – ${p.period.to ? displayDate(p.period.to) : t('cli-preview-open')})`,
    }),
    t('cli-preview-counts', { tasks: parsed.tasks.length, groups: parsed.groups.length, tables: p.tables, units: parsed.units.length }),
    // Role names stay as `--columns` takes them: they are what the clerk types to correct a reading.
    ...parsed.tables.map((tb) =>
      t('cli-preview-table', {
        line: tb.line,
        label: tb.label ? ` (${tb.label})` : '',
        tasks: tb.tasks,
        columns: tb.columns.map((c) => `${c.label.replace(/\s+/g, ' ')} → ${c.role === 'title' ? 'task' : c.role}${c.mapped ? ' (mapped)' : ''}`).join(', '),
      }),
    ),
    ...(parsed.columnMapping ? [t('cli-preview-mapped', { columns: parsed.columnMapping })] : []),
  ];
  // The first warnings, then how many more: a 100,000-row file can give as many.
  if (parsed.warnings.length) {
    lines.push(t('cli-preview-warnings', { count: parsed.warnings.length }));
    for (const w of parsed.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  ${t('cli-preview-warning', { line: w.line, message: warningText(w, t) })}`);
    if (parsed.warnings.length > WARNINGS_SHOWN) lines.push(`  ${t('cli-preview-more-warnings', { count: parsed.warnings.length - WARNINGS_SHOWN })}`);
  }
  return lines;
}

export interface PreviewOptions {
  /** The civil date of "now" in the calendar's zone: overdue is counted against it. */
  today: string;
  /** Unit keys already in the directory (database), to tell new units from known ones; undefined when it could not be read. */
  knownUnitKeys: Set<string> | undefined;
  /** Why the directory could not be read, when it could not. */
  directoryProblem?: string;
}

/** The whole dry run: header, the task table, the units new and known, and the counts. */
export function previewLines(parsed: ParsedPlanFile, t: TranslateFn, options: PreviewOptions): string[] {
  const preview = planPreview(parsed, options.today);
  const table = renderTable(
    [
      { header: t('cli-preview-col-code'), width: 8 },
      { header: t('cli-preview-col-task'), width: 32 },
      { header: t('cli-preview-col-lead'), width: 20 },
      { header: t('cli-preview-col-coordinate'), width: 20 },
      { header: t('cli-preview-col-raw'), width: 22 },
      { header: t('cli-preview-col-due'), width: 24 },
    ],
    preview.rows.map((r) => [
      r.code,
      shorten(r.title, TITLE_MAX),
      r.lead,
      r.coordinate,
      r.deadline.raw ?? '',
      [`${understoodDeadline(r.deadline, t)}${r.deadline.derived ? ' *' : ''}`, ...(r.overdue ? [t('cli-preview-overdue-mark')] : [])],
    ]),
  );
  const lines = [...previewHeader(parsed, t), '', ...table, ''];
  if (preview.derived) lines.push(t('cli-preview-footnote-derived'));
  if (options.knownUnitKeys) {
    const known = parsed.units.filter((u) => options.knownUnitKeys!.has(u.key)).map((u) => u.name);
    const fresh = parsed.units.filter((u) => !options.knownUnitKeys!.has(u.key)).map((u) => u.name);
    if (known.length) lines.push(t('cli-preview-units-known', { count: known.length, names: known.join('; ') }));
    if (fresh.length) lines.push(t('cli-preview-units-new', { count: fresh.length, names: fresh.join('; ') }));
  } else if (options.directoryProblem) {
    lines.push(t('cli-preview-no-directory', { detail: options.directoryProblem }));
  }
  lines.push(countsLine(preview, t, options.today));
  return lines;
}

/** "As of 03/12/2026: 17 task(s) already overdue, …": said by the dry run and again after the import. */
export function countsLine(preview: Pick<PlanPreview, 'overdue' | 'unscheduled' | 'derived'>, t: TranslateFn, today: string): string {
  return t('cli-preview-today', {
    today: displayDate(today),
    overdue: preview.overdue,
    unscheduled: preview.unscheduled,
    derived: preview.derived ? t('cli-preview-derived', { derived: preview.derived }) : '',
  });
}
