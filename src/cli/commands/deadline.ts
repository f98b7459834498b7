// `deadline "<text>"`: how the engine reads a deadline text, as one JSON object;
// `deadline --jsonl`: the same for every line of stdin. Used by people and by checks.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { isoOf, parseIsoDate, partsOf } from '../../calendar/civil-date.ts';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { createZonedClock } from '../../calendar/zoned-time.ts';
import { occurrenceDates } from '../../deadlines/occurrences.ts';
import { parseDeadline } from '../../deadlines/parse-deadline.ts';
import type { IsoDate } from '../../deadlines/types.ts';
import { planReminders } from '../../reminders/plan-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../../reminders/policy-values.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { calendarFromConfig } from './calendar-from-config.ts';

const USAGE = [
  'deadline "<text>" [--ref YYYY-MM-DD] [--reminders]',
  '       npm run -s cli -- deadline --jsonl [--ref YYYY-MM-DD] [--reminders]   (one text per stdin line)',
  '  --ref        the plan\'s issue date: resolves dates without a year; "dates" lists the',
  '               occurrences in its calendar year, or every date the text lists (default: today in TZ_NAME)',
  '  --reminders  add the reminder instants for a not-started task under the default policy,',
  '               planned as if "now" were the start of the --ref day (reproducible output)',
].join('\n');

export interface DeadlineJson {
  raw: string;
  kind: string;
  due?: string;
  dueTime?: string;
  /** Where the text names a start ("Quý IV/2025 - Quý II/2026", "từ tháng 7/2025"). */
  from?: string;
  until?: string;
  cadence?: string;
  dates?: string[];
  reason?: string;
  reminders?: Array<{ at: string; kind: string }>;
}

export function describeDeadline(raw: string, ref: IsoDate, calendar?: WorkingCalendar): DeadlineJson {
  const schedule = parseDeadline(raw, { ref });
  const out: DeadlineJson = { raw, kind: schedule.kind };
  if (schedule.kind === 'once') {
    out.due = schedule.due;
    if (schedule.dueTime) out.dueTime = schedule.dueTime;
    if (schedule.from) out.from = schedule.from;
  } else if (schedule.kind === 'recurring') {
    out.cadence = schedule.cadence;
    if (schedule.from) out.from = schedule.from;
    if (schedule.until) out.until = schedule.until;
    // Listed dates are few and may straddle a new year ("10/6 và 10/12" read in August): all of them.
    const listed = schedule.rule.by === 'dates' ? schedule.rule.dates.filter((d) => parseIsoDate(d) !== undefined).sort() : [];
    out.dates = listed.length > 0
      ? occurrenceDates(schedule, { from: listed[0]!, to: listed.at(-1)! })
      : occurrenceDates(schedule, partsOf(parseIsoDate(ref)!).year);
  } else if (schedule.kind === 'ongoing') {
    if (schedule.until) out.until = schedule.until;
  } else {
    out.reason = schedule.reason;
  }
  if (calendar) {
    const reminders = planReminders({
      schedule,
      state: { status: 'NOT_STARTED' },
      calendar,
      now: calendar.startOfDay(ref),
      policy: { ...DEFAULT_REMINDER_POLICY },
    });
    out.reminders = reminders.map((r) => ({ at: calendar.formatInstant(r.at), kind: r.kind }));
  }
  return out;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ref: { type: 'string' }, reminders: { type: 'boolean' }, jsonl: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

export const deadlineCommand: CliCommand = {
  name: 'deadline',
  summary: 'Show how a deadline text is understood (JSON), with --reminders its reminder times',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parse(args);
    if (values.ref !== undefined && parseIsoDate(values.ref) === undefined) {
      throw new UsageError(`--ref must be an existing date YYYY-MM-DD, got "${values.ref}"`);
    }
    const ref = values.ref ?? isoOf(createZonedClock(ctx.config.TZ_NAME).partsAt(ctx.clock.now()).day);
    const calendar = values.reminders ? calendarFromConfig(ctx.config) : undefined;

    if (values.jsonl) {
      if (positionals.length > 0) throw new UsageError('--jsonl reads the texts from stdin; give no text argument');
      const lines = createInterface({ input: ctx.io.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        await writeLine(ctx.io.stdout, JSON.stringify(describeDeadline(line, ref, calendar)));
      }
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? 'give the deadline text (quoted) or --jsonl' : 'give one deadline text; quote it');
    }
    await writeLine(ctx.io.stdout, JSON.stringify(describeDeadline(positionals[0]!, ref, calendar)));
    return 0;
  },
};
