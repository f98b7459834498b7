// Decreed corrections to the statutory holidays, one JSON file per year. An admin
// adds a year by dropping a file in src/calendar/data/ or in CALENDAR_DIR: every
// *.json file of those directories is read, no code change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseIsoDate } from './civil-date.ts';

export const BUILTIN_CALENDAR_DIR = fileURLToPath(new URL('./data/', import.meta.url));

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, 'expected an existing date YYYY-MM-DD');

export const dayOffKindSchema = z.enum(['holiday', 'tet', 'compensatory', 'swap', 'local']);
export type DayOffKind = z.infer<typeof dayOffKindSchema>;

export const calendarYearFileSchema = z
  .object({
    year: z.number().int().min(1990).max(2200),
    /**
     * True (default): the file lists every day off the Government decreed for the year,
     * so the fallback rules (compensatory days, the second National Day) are not applied.
     * False: the file only adds days (a local holiday) and the rules still apply.
     */
    decreed: z.boolean().default(true),
    notes: z.array(z.string()).default([]),
    sources: z.array(z.string()).default([]),
    daysOff: z
      .array(z.object({ date: isoDate, kind: dayOffKindSchema, vi: z.string().min(1), en: z.string().min(1) }))
      .default([]),
    workingDays: z
      .array(z.object({ date: isoDate, inExchangeFor: isoDate.optional(), vi: z.string().min(1), en: z.string().min(1) }))
      .default([]),
  })
  .superRefine((file, ctx) => {
    for (const [list, entries] of [['daysOff', file.daysOff], ['workingDays', file.workingDays]] as const) {
      entries.forEach((entry, i) => {
        if (!entry.date.startsWith(`${file.year}-`)) {
          ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `${entry.date} is not in ${file.year}` });
        }
      });
    }
  });

export type CalendarYearFile = z.infer<typeof calendarYearFileSchema>;

export class CalendarDataError extends Error {
  override name = 'CalendarDataError';
}

/** Reads and validates every *.json file of a directory, in name order. */
export function loadCalendarDir(dir: string): CalendarYearFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new CalendarDataError(`cannot read calendar directory ${dir}: ${(err as Error).message}`);
  }
  return names.map((name) => parseCalendarFile(readFileSync(join(dir, name), 'utf8'), join(dir, name)));
}

export function parseCalendarFile(text: string, fileName: string): CalendarYearFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CalendarDataError(`${fileName}: not JSON: ${(err as Error).message}`);
  }
  const parsed = calendarYearFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CalendarDataError(`${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
