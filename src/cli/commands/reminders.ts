// `reminders`: what will be sent when, to whom — planned from the current tasks and
// policy, plus reminders already queued (snoozes) — without sending or writing anything.
import { parseArgs } from 'node:util';
import { addDaysIso, dayNumberFromIso, parseIsoDate } from '../../calendar/civil-date.ts';
import { findUnitByName } from '../../conversation/officers.ts';
import { DEFAULT_REMINDER_POLICY } from '../../reminders/policy-values.ts';
import { taskBatches, wantedReminders } from '../../scheduler/plan-task-reminders.ts';
import { InputError, UsageError, type CliCommand } from '../command.ts';
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
  usage: 'reminders [--unit "<unit>"] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    for (const [flag, value] of [['--from', values.from], ['--to', values.to]] as const) {
      if (value !== undefined && (!DATE.test(value) || parseIsoDate(value) === undefined)) throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
    }
    const calendar = calendarFromConfig(ctx.config);
    const now = new Date();
    const today = calendar.dateOf(now);
    const from = values.from ?? today;
    const to = values.to ?? addDaysIso(today, DEFAULT_DAYS);
    if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
    const fromInstant = calendar.clock.instantAt(dayNumberFromIso(from), 0);
    const toInstant = calendar.clock.instantAt(dayNumberFromIso(to) + 1, 0);

    const prisma = await ctx.db();
    let unitId: number | undefined;
    if (values.unit !== undefined) {
      const unit = await findUnitByName(prisma, values.unit);
      if (!unit) throw new InputError(`no unit named "${values.unit}" (check the spelling or import its plan first)`);
      unitId = unit.id;
    }

    // What goes out, by ids; names are attached once at the end.
    const entries: Array<{ at: Date; kind: string; source: Line['source']; taskId: number; officerId: number }> = [];
    const planned = new Set<string>();
    const officers = new Map<number, Omit<Line['officer'], 'id'> & { unitId: number }>();
    for await (const batch of taskBatches(prisma)) {
      for (const t of batch) {
        for (const u of t.units) for (const o of u.unit.officers) officers.set(o.id, { name: o.name, unit: u.unit.name, unitId: u.unit.id, linked: o.chatIdentities.length > 0 });
      }
      const { rows } = wantedReminders(batch, { calendar, now, policy: DEFAULT_REMINDER_POLICY, logger: ctx.logger });
      for (const r of rows) {
        planned.add(r.deliveryKey);
        const at = r.plannedAt as Date;
        if (at >= fromInstant && at < toInstant) entries.push({ at, kind: r.kind, source: 'planned', taskId: r.taskId, officerId: r.officerId });
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
    if (!selected.length) {
      ctx.io.stdout.write(`no reminders from ${from} to ${to}\n`);
      return 0;
    }
    for (const l of selected) {
      const local = calendar.formatInstant(new Date(l.at)).slice(0, 16).replace('T', ' ');
      ctx.io.stdout.write(`${local}  ${l.kind.padEnd(18)} ${l.task.code.padEnd(8)} ${truncate(l.task.title, 50).padEnd(50)}  → ${l.officer.name} (${l.officer.unit})${l.source === 'queued' ? '  [queued]' : ''}\n`);
    }
    ctx.io.stdout.write(`${selected.length} reminder(s) from ${from} to ${to}\n`);
    return 0;
  },
};

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
