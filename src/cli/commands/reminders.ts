// `reminders`: what will be sent when, to whom — planned from the current tasks and
// policy, plus reminders already queued (snoozes) — without sending or writing anything.
import { parseArgs } from 'node:util';
import { addDaysIso, dayNumberFromIso, parseIsoDate } from '../../calendar/civil-date.ts';
import { requireUnit } from '../../tasks/units.ts';
import { emptyPreviewReasons, type EmptyReason } from '../../reminders/preview-reasons.ts';
import type { TranslateFn } from '../../messages/i18n.ts';
import { cliTranslator, displayDate, displayZonedInstant, LANG_OPTION, parseLang } from '../cli-text.ts';
import { renderTable, shorten } from '../text-table.ts';
import { withUnitErrors } from '../unit-errors.ts';
import { DEFAULT_REMINDER_POLICY } from '../../reminders/policy-values.ts';
import { taskBatches, wantedReminders } from '../../delivery/plan-task-reminders.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { calendarFromConfig } from './calendar-from-config.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Default window: the next 30 days. */
const DEFAULT_DAYS = 30;

interface Line {
  at: string;
  kind: string;
  source: 'planned' | 'queued';
  task: { id: number; code: string; title: string; plan: string };
  officer: { id: number; name: string; unit: string; linked: boolean };
}

export const remindersCommand: CliCommand = {
  name: 'reminders',
  summary: 'list the reminders that will be sent, when and to whom (nothing is sent or written)',
  usage: 'reminders [--unit "<unit>"] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json] [--lang vi|en]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, ...LANG_OPTION },
    });
    const t = cliTranslator(parseLang(values.lang));
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    for (const [flag, value] of [['--from', values.from], ['--to', values.to]] as const) {
      if (value !== undefined && (!DATE.test(value) || parseIsoDate(value) === undefined)) throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
    }
    const calendar = calendarFromConfig(ctx.config);
    const now = ctx.clock.now();
    const today = calendar.dateOf(now);
    const from = values.from ?? today;
    const to = values.to ?? addDaysIso(today, DEFAULT_DAYS);
    if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
    const fromInstant = calendar.clock.instantAt(dayNumberFromIso(from), 0);
    const toInstant = calendar.clock.instantAt(dayNumberFromIso(to) + 1, 0);

    const prisma = await ctx.db();
    const unit = values.unit !== undefined ? await withUnitErrors(t, () => requireUnit(prisma, values.unit!)) : undefined;
    const unitId = unit?.id;

    // What goes out, by ids; names are attached once at the end.
    const entries: Array<{ at: Date; kind: string; source: Line['source']; taskId: number; officerId: number }> = [];
    const planned = new Set<string>();
    const officers = new Map<number, Omit<Line['officer'], 'id'> & { unitId: number }>();
    // What an empty result is explained with: open tasks in scope, their officers, the next reminder after the window.
    const facts = { openTasks: 0, unscheduled: 0, officerIds: new Set<number>(), linkedIds: new Set<number>(), nextAfter: undefined as Date | undefined };
    for await (const batch of taskBatches(prisma)) {
      for (const task of batch) {
        for (const u of task.units) for (const o of u.unit.officers) officers.set(o.id, { name: o.name, unit: u.unit.name, unitId: u.unit.id, linked: o.chatIdentities.length > 0 });
        const open = task.status !== 'DONE' && task.status !== 'CANCELLED';
        if (!open || (unitId !== undefined && !task.units.some((u) => u.unit.id === unitId))) continue;
        facts.openTasks++;
        if ((task.schedule as { kind?: string } | null)?.kind === 'unscheduled') facts.unscheduled++;
        for (const u of task.units) {
          if (unitId !== undefined && u.unit.id !== unitId) continue;
          for (const o of u.unit.officers) {
            facts.officerIds.add(o.id);
            if (o.chatIdentities.length) facts.linkedIds.add(o.id);
          }
        }
      }
      const { rows } = wantedReminders(batch, { calendar, now, policy: DEFAULT_REMINDER_POLICY, logger: ctx.logger });
      for (const r of rows) {
        planned.add(r.deliveryKey);
        const at = r.plannedAt as Date;
        if (at >= fromInstant && at < toInstant) entries.push({ at, kind: r.kind, source: 'planned', taskId: r.taskId, officerId: r.officerId });
        else if (at >= toInstant && (unitId === undefined || officers.get(r.officerId)?.unitId === unitId) && (!facts.nextAfter || at < facts.nextAfter)) facts.nextAfter = at;
      }
    }
    const queued = await prisma.reminder.findMany({
      where: { status: 'PENDING', plannedAt: { gte: fromInstant, lt: toInstant } },
      include: { officer: { include: { unit: true } } },
    });
    for (const r of queued) {
      if (planned.has(r.deliveryKey)) continue;
      officers.set(r.officerId, { name: r.officer.name, unit: r.officer.unit.name, unitId: r.officer.unitId, linked: r.chatIdentityId !== null });
      entries.push({ at: r.plannedAt, kind: r.kind, source: 'queued', taskId: r.taskId, officerId: r.officerId });
    }

    const shown = entries.filter((e) => unitId === undefined || officers.get(e.officerId)?.unitId === unitId);
    const taskRows = await prisma.task.findMany({ where: { id: { in: [...new Set(shown.map((e) => e.taskId))] } }, include: { plan: true } });
    const tasks = new Map(taskRows.map((t) => [t.id, { id: t.id, code: t.code, title: t.title, plan: t.plan.number ?? t.plan.title }]));
    const selected: Line[] = shown
      .map((e) => {
        const { unitId: _unit, ...officer } = officers.get(e.officerId)!;
        return { at: e.at.toISOString(), kind: e.kind, source: e.source, task: tasks.get(e.taskId)!, officer: { id: e.officerId, ...officer } };
      })
      .sort((a, b) => a.at.localeCompare(b.at) || a.task.code.localeCompare(b.task.code) || a.officer.id - b.officer.id);

    if (values.json) {
      ctx.io.stdout.write(`${JSON.stringify({ from, to, timeZone: ctx.config.TZ_NAME, reminders: selected.map((l) => ({ ...l, at: calendar.formatInstant(new Date(l.at)) })) })}\n`);
      return 0;
    }
    // Officers who will hear nothing until they link a chat: the first thing to fix on a first day.
    const unlinked = await prisma.officer.findMany({
      where: { active: true, ...(unitId === undefined ? {} : { unitId }), chatIdentities: { none: { active: true } } },
      orderBy: [{ unit: { name: 'asc' } }, { name: 'asc' }],
      select: { id: true, name: true, unit: { select: { name: true } } },
    });
    const lines: string[] = [];
    const window = { from: displayDate(from), to: displayDate(to) };
    if (!selected.length) {
      lines.push(t('cli-reminders-none', { ...window, unit: unit ? t('cli-reminders-unit', { unit: unit.name }) : '' }), t('cli-reminders-why'));
      const reasons = emptyPreviewReasons({
        openTasks: facts.openTasks,
        unscheduled: facts.unscheduled,
        officers: facts.officerIds.size,
        linked: facts.linkedIds.size,
        ...(facts.nextAfter ? { nextAfter: facts.nextAfter } : {}),
      });
      for (const r of reasons) lines.push(`  - ${reasonText(r, t, unit?.name, (at) => displayZonedInstant(calendar.formatInstant(at)))}`);
    } else {
      lines.push(
        ...renderTable(
          [
            { header: t('cli-reminders-col-at'), width: 16 },
            { header: t('cli-reminders-col-kind'), width: 20 },
            { header: t('cli-reminders-col-code'), width: 8 },
            { header: t('cli-reminders-col-task'), width: 36 },
            { header: t('cli-reminders-col-to'), width: 38 },
          ],
          selected.map((l) => [
            displayZonedInstant(calendar.formatInstant(new Date(l.at))),
            [t('cli-reminder-kind', { kind: l.kind }), ...(l.source === 'queued' ? [t('cli-reminders-queued')] : [])],
            l.task.code,
            shorten(l.task.title, 80),
            `${l.officer.name} (${l.officer.unit})`,
          ]),
        ),
        t('cli-reminders-count', { count: selected.length, ...window, zone: ctx.config.TZ_NAME }),
      );
    }
    if (unlinked.length) {
      lines.push('', t('cli-reminders-unlinked', { count: unlinked.length }), ...unlinked.map((o) => `  ${t('cli-reminders-unlinked-line', { id: o.id, name: o.name, unit: o.unit.name })}`));
    }
    ctx.io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

function reasonText(r: EmptyReason, t: TranslateFn, unit: string | undefined, at: (instant: Date) => string): string {
  switch (r.code) {
    case 'no-tasks':
      return t('cli-reminders-why-no-tasks', { unit: unit ? t('cli-reminders-unit', { unit }) : '' });
    case 'no-officers':
      return t('cli-reminders-why-no-officers', { count: r.tasks });
    case 'none-linked':
      return t('cli-reminders-why-none-linked');
    case 'unscheduled':
      return t('cli-reminders-why-unscheduled', { count: r.tasks });
    case 'later':
      return t('cli-reminders-why-later', { at: at(r.at) });
    case 'nothing-due':
      return t('cli-reminders-why-nothing-due');
  }
}
