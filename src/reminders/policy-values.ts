// Reminder policy values: defaults from the issue, overridable per plan and per unit
// (stored as JSON in ReminderPolicyOverride.settings and Plan.settings). Every value
// has a named cap so a bad override cannot make a task plan thousands of messages.
import { z } from 'zod';

export const MAX_BEFORE_DUE_OFFSETS = 10;
export const MAX_OFFSET_DAYS = 365;
export const MAX_OFFSET_WORKING_DAYS = 60;
export const MAX_OVERDUE_REMINDERS = 60;
export const MAX_OVERDUE_INTERVAL_WORKING_DAYS = 30;
/** Reminders are planned this far ahead at most; later ones are planned on a later run. */
export const MAX_HORIZON_DAYS = 3 * 366;
/** A hard cap on the reminders of one task in one planning, whatever the policy says. */
export const MAX_REMINDERS_PER_TASK = 200;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const beforeDueOffsetSchema = z.union([
  z.object({ days: z.number().int().min(1).max(MAX_OFFSET_DAYS) }).strict(),
  z.object({ workingDays: z.number().int().min(1).max(MAX_OFFSET_WORKING_DAYS) }).strict(),
]);
export type BeforeDueOffset = z.infer<typeof beforeDueOffsetSchema>;

export const cadenceSchema = z.enum(['weekly', 'monthly', 'quarterly', 'semiannual', 'yearly']);

/** A plan's or unit's overrides: every field optional, unknown fields rejected. */
export const reminderPolicyOverridesSchema = z
  .object({
    /** Before the due date: calendar days ("7 days before") or working days ("1 working day before"). */
    beforeDue: z.array(beforeDueOffsetSchema).max(MAX_BEFORE_DUE_OFFSETS),
    /** A reminder on the morning of the due day. */
    dueDay: z.boolean(),
    /** After the due date, one reminder every this many working days. */
    overdueEveryWorkingDays: z.number().int().min(1).max(MAX_OVERDUE_INTERVAL_WORKING_DAYS),
    /** How many overdue reminders an occurrence gets at most. */
    maxOverdueReminders: z.number().int().min(0).max(MAX_OVERDUE_REMINDERS),
    /** The first overdue reminder also goes to the unit's leader. */
    leaderOnFirstOverdue: z.boolean(),
    /** The n-th overdue reminder also goes to the monitoring unit; null: never. */
    monitorAtOverdue: z.number().int().min(1).max(MAX_OVERDUE_REMINDERS).nullable(),
    /** Check-in cadence of ongoing ("Thường xuyên") tasks; unset: the schedule's own (monthly). */
    ongoingCheckIn: cadenceSchema,
    /** Local time of planned reminders, "HH:MM"; unset or outside WORK_HOURS: the start of WORK_HOURS. */
    reminderTime: z.string().regex(HH_MM, 'expected HH:MM'),
    /** How far ahead reminders are planned, in days. */
    horizonDays: z.number().int().min(1).max(MAX_HORIZON_DAYS),
    /** Day of the month periodic reports are due when the text names none (data cut-off day). */
    reportDay: z.number().int().min(1).max(31),
  })
  .partial()
  .strict();

export type ReminderPolicyOverrides = z.infer<typeof reminderPolicyOverridesSchema>;

export interface ReminderPolicy {
  beforeDue: BeforeDueOffset[];
  dueDay: boolean;
  overdueEveryWorkingDays: number;
  maxOverdueReminders: number;
  leaderOnFirstOverdue: boolean;
  monitorAtOverdue: number | null;
  ongoingCheckIn?: z.infer<typeof cadenceSchema>;
  reminderTime?: string;
  horizonDays: number;
  reportDay?: number;
}

export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  beforeDue: [{ days: 7 }, { days: 3 }, { workingDays: 1 }],
  dueDay: true,
  overdueEveryWorkingDays: 2,
  maxOverdueReminders: 10,
  leaderOnFirstOverdue: true,
  monitorAtOverdue: 3,
  horizonDays: 366,
});

/** The full policy schema (defaults filled in), for validating a stored complete policy. */
export const reminderPolicySchema = reminderPolicyOverridesSchema.transform(
  (overrides): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...overrides }),
);

/**
 * Defaults, then each layer of overrides in order (plan, then unit). Throws a ZodError
 * naming the bad field; callers validate stored JSON with reminderPolicyOverridesSchema first.
 */
export function resolveReminderPolicy(...layers: Array<unknown>): ReminderPolicy {
  let policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY };
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    policy = { ...policy, ...reminderPolicyOverridesSchema.parse(layer) };
  }
  return policy;
}
