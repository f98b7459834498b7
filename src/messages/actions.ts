// What a button does, as typed callback data: built and parsed by one helper, validated
// with zod, at most 64 bytes (Telegram's callback_data limit). Every action names the
// officer it was sent to, so a callback pressed by anyone else is refused (see bot/features).
import { z } from 'zod';

export const CALLBACK_DATA_MAX_BYTES = 64;

export class CallbackDataError extends Error {
  override name = 'CallbackDataError';
}

export interface CallbackCodec<T extends Record<string, string | number>> {
  readonly prefix: string;
  pack(value: T): string;
  /** The validated value, or undefined for data of another kind or data that fails validation. */
  unpack(data: string): T | undefined;
}

/** A codec for `prefix:field1:field2...`; fields in the given order, values without ":". */
export function createCallbackData<S extends z.ZodObject<Record<string, z.ZodType<string | number>>>>(
  prefix: string,
  schema: S,
): CallbackCodec<z.infer<S> & Record<string, string | number>> {
  const fields = Object.keys(schema.shape);
  if (!/^[a-z]{1,3}$/.test(prefix)) throw new CallbackDataError(`bad prefix "${prefix}"`);
  return {
    prefix,
    pack(value) {
      const checked = schema.parse(value) as Record<string, string | number>;
      const parts = fields.map((f) => {
        const part = String(checked[f] ?? '');
        if (part.includes(':')) throw new CallbackDataError(`field ${f} contains ":"`);
        return part;
      });
      const data = [prefix, ...parts].join(':');
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) {
        throw new CallbackDataError(`callback data over ${CALLBACK_DATA_MAX_BYTES} bytes: ${data}`);
      }
      return data;
    },
    unpack(data) {
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
      const parts = data.split(':');
      if (parts[0] !== prefix || parts.length !== fields.length + 1) return undefined;
      const raw = Object.fromEntries(fields.map((f, i) => [f, parts[i + 1]]));
      const parsed = schema.safeParse(raw);
      return parsed.success ? (parsed.data as z.infer<S> & Record<string, string | number>) : undefined;
    },
  };
}

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);

export const TASK_ACTIONS = ['done', 'prog', 'pv', 'blk', 'ext', 'snz', 'sv', 'card', 'back', 'ev', 'exq', 'exa'] as const;
export type TaskActionName = (typeof TASK_ACTIONS)[number];

/** Snooze choices carried in `sv`: 0 = next working morning, n > 0 = after n working days, -1 = pick a day. */
export const SNOOZE_NEXT_MORNING = 0;
export const SNOOZE_PICK_DAY = -1;

/** A button on a task card: t:<action>:<taskId>:<officerId>:<value>. */
export const taskAction = createCallbackData(
  't',
  z.object({
    action: z.enum(TASK_ACTIONS),
    taskId: id,
    officerId: id,
    value: z.coerce.number().int().min(-1).max(100),
  }),
);
export type TaskAction = ReturnType<typeof taskAction.unpack> & {};

/** Approve / reject on an extension request sent to a leader: x:<a|r>:<requestId>:<leaderId>. */
export const extensionDecision = createCallbackData(
  'x',
  z.object({ decision: z.enum(['a', 'r']), requestId: id, officerId: id }),
);

/**
 * A reported result waiting for the monitoring unit: k:<c|r>:<taskId>:<officerId>, c = confirm
 * (✅ Xác nhận), r = return (↩️ Trả lại, the reason asked next). The officer named is the one the
 * card was sent to; the core checks they belong to the task's monitoring unit.
 */
export const confirmationDecision = createCallbackData(
  'k',
  z.object({ decision: z.enum(['c', 'r']), taskId: id, officerId: id }),
);

/** Paging of long lists: p:<list>:<page>:<officerId>. */
export const listPage = createCallbackData(
  'p',
  z.object({ list: z.enum(['tasks', 'overdue']), page: z.coerce.number().int().min(0).max(10_000), officerId: id }),
);

/** /report period switch: r:<w|q>:<officerId>. */
export const reportPeriod = createCallbackData('r', z.object({ period: z.enum(['w', 'q']), officerId: id }));

/** /settings snooze default: s:<hours, 0 = next working morning>:<officerId>. */
export const snoozeSetting = createCallbackData(
  's',
  z.object({ hours: z.coerce.number().int().min(0).max(72), officerId: id }),
);

/**
 * /export, one plan chosen among several: e:<planId>:<period key>:<officerId>. The period key
 * ("Q4-2024", "2024-10-01..2025-03-31", see reports/periods.ts) is read back by parsePeriodKey.
 */
export const exportPlan = createCallbackData(
  'e',
  z.object({
    planId: id,
    period: z.string().regex(/^(?:(?:Q[1-4]|6T|9T|year)-\d{4}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/),
    officerId: id,
  }),
);

/** Import choices for past deadlines in `i` buttons: r = remind as overdue, d = mark done, s = leave unreminded. */
export const PAST_CODES = { r: 'remind', d: 'done', s: 'skip' } as const;

/**
 * A plan sent to the bot, waiting in Redis under a random id between its preview and the button:
 * i:<go|cf|no>:<r|d|s>:<pendingId>:<officerId>. `cf` imports a re-import that moves or drops reported work.
 */
export const planImportAction = createCallbackData(
  'i',
  z.object({
    action: z.enum(['go', 'cf', 'no']),
    past: z.enum(['r', 'd', 's']),
    pendingId: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
    officerId: id,
  }),
);
