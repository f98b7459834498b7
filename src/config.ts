// Configuration, parsed once from the environment. Nothing else reads process.env.
import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const workHours = z
  .string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'expected HH:MM-HH:MM, e.g. 08:00-17:00')
  .transform((value, ctx) => {
    const [start, end] = value.split('-') as [string, string];
    if (!TIME.test(start) || !TIME.test(end)) {
      ctx.addIssue({ code: 'custom', message: 'hours must be 00:00-23:59' });
      return z.NEVER;
    }
    const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    if (toMinutes(start) >= toMinutes(end)) {
      ctx.addIssue({ code: 'custom', message: 'start must be before end' });
      return z.NEVER;
    }
    return { start, end, startMinutes: toMinutes(start), endMinutes: toMinutes(end) };
  });

/** "1-5", "1,2,3,4,5,6" or "1-5,6" of ISO weekdays (1 = Monday ... 7 = Sunday). */
const workDays = z.string().transform((value, ctx) => {
  const days = new Set<number>();
  for (const part of value.split(',')) {
    const m = /^\s*([1-7])(?:\s*-\s*([1-7]))?\s*$/.exec(part);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'expected ISO weekdays 1-7 like "1-5" or "1,2,3,4,5"' });
      return z.NEVER;
    }
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from) {
      ctx.addIssue({ code: 'custom', message: `range ${part.trim()} runs backwards` });
      return z.NEVER;
    }
    for (let d = from; d <= to; d++) days.add(d);
  }
  return [...days].sort();
});

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const postgresUrl = z
  .string()
  .refine((u) => /^postgres(ql)?:$/.test(parseUrl(u)?.protocol ?? ''), 'expected a URL like postgresql://user@host:5432/database')
  .refine((u) => (parseUrl(u)?.pathname.length ?? 0) > 1, 'the URL must name a database');

const redisUrl = z
  .string()
  .refine((u) => /^rediss?:$/.test(parseUrl(u)?.protocol ?? ''), 'expected a URL like redis://host:6379');

const botToken = z
  .string()
  .regex(/^\d+:[A-Za-z0-9_-]{30,}$/, 'not a bot token; BotFather gives one like 123456789:AA...');

const positiveInt = z.coerce.number().int().positive();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.default('postgresql://postgres@127.0.0.1:5432/nhacviec'),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}.-]+$/, 'letters, digits, _ . - and {} (a Redis Cluster hash tag) only')
    .default('nhacviec'),
  TZ_NAME: timeZone.default('Asia/Ho_Chi_Minh'),
  WORK_HOURS: workHours.prefault('08:00-17:00'),
  WORK_DAYS: workDays.prefault('1-5'),
  TELEGRAM_BOT_TOKEN: botToken.optional(),
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  /** The bot's @username for invite links when no token is set (with a token, getMe tells it). */
  BOT_USERNAME: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'a Telegram bot username without @, e.g. nhacviec_bot').optional(),
  BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, '16-256 characters of A-Z, a-z, 0-9, _ and - (Telegram secret_token rules)')
    .optional(),
  /** Zalo Bot Platform: the bot runs on Zalo too when a token is set (from Zalo Bot Manager). */
  ZALO_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{8,}$/, 'not a Zalo bot token; Zalo Bot Manager gives one like 1234567890:AbC...').optional(),
  ZALO_API_ROOT: z.string().url().default('https://bot-api.zaloplatforms.com'),
  ZALO_MODE: z.enum(['polling', 'webhook']).default('polling'),
  ZALO_WEBHOOK_URL: z.string().url().optional(),
  ZALO_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, '8-256 characters of A-Z, a-z, 0-9, _ and -').optional(),
  /** Zalo documents no rate limits: a low global rate by default; messages to one chat go at least 1.2 s apart. */
  ZALO_SEND_RATE_PER_SECOND: positiveInt.max(100).default(5),
  /**
   * Where people's apps reach this server from the internet (https, no path needed): Zalo takes
   * photos only by URL, so charts are served at <PUBLIC_BASE_URL>/charts/<id>.png when it is set.
   */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((u) => /^https:$/.test(parseUrl(u)?.protocol ?? ''), 'expected an https URL such as https://nhacviec.example.gov.vn (Zalo fetches photos over https)')
    .optional(),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  // Telegram allows about 30 messages/s; higher values only make sense against a local Bot API server or a test stand-in.
  SEND_RATE_PER_SECOND: positiveInt.max(1000).default(25),
  /** Updates (messages and taps) one person may send the bot in a minute; past it, one "too fast" answer. */
  USER_UPDATES_PER_MINUTE: positiveInt.max(10_000).default(30),
  /** How long a worker's claim on a reminder protects a send in progress (crash recovery waits this long). */
  SEND_CLAIM_TTL_MS: positiveInt.min(1000).default(60_000),
  /** BullMQ job lock; a crashed worker's running jobs are taken over after about this long. */
  WORKER_LOCK_MS: positiveInt.min(1000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(20_000),
  CALENDAR_DIR: z.string().min(1).optional(),
  /** `auto`: without any bot token the service runs as a sandbox (a built-in chat page and demo data); `off`: never. */
  SANDBOX: z.enum(['auto', 'off']).default('auto'),
  /** In the sandbox only: its clock runs this many times faster (60: a day's reminders in minutes). */
  SANDBOX_FAST_CLOCK: positiveInt.max(10_000).default(1),
});

export type Env = z.infer<typeof envSchema>;

export type Config = Env & {
  telegram: { token: string | undefined; apiRoot: string };
  zalo: { token: string | undefined; apiRoot: string };
};

/** Variables whose value is a secret: a wrong one is never echoed, only its length. */
const SECRET_VARIABLES = new Set(['TELEGRAM_BOT_TOKEN', 'WEBHOOK_SECRET', 'ADMIN_TOKEN', 'ZALO_BOT_TOKEN', 'ZALO_WEBHOOK_SECRET']);

/**
 * A value as it may be shown in an error: secrets as "(N characters, hidden)",
 * passwords inside URLs ("postgresql://user:pw@host") as "***".
 */
export function shownValue(variable: string, value: string | undefined): string {
  if (value === undefined) return '""';
  if (SECRET_VARIABLES.has(variable)) return `(${value.length} characters, hidden)`;
  return JSON.stringify(value.replace(/(\/\/[^/@\s:]*):[^@/\s]*@/g, '$1:***@'));
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  /** The value as shown (secrets and URL passwords masked): the raw value is not kept. */
  readonly value: string;
  constructor(
    readonly variable: string,
    readonly reason: string,
    value: string | undefined,
  ) {
    const shown = shownValue(variable, value);
    super(`Invalid configuration: ${variable}=${shown}: ${reason}`);
    this.value = shown;
  }
}

/** Parses an environment (default: the process's). Throws ConfigError naming the first bad variable. */
export function createConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set": shells and compose files often export VAR= .
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, issue.message, present[variable]);
  }
  const cfg = parsed.data;
  if (cfg.BOT_MODE === 'webhook') {
    if (!cfg.WEBHOOK_URL) throw new ConfigError('WEBHOOK_URL', 'required when BOT_MODE=webhook', undefined);
    if (!cfg.WEBHOOK_SECRET) throw new ConfigError('WEBHOOK_SECRET', 'required when BOT_MODE=webhook', undefined);
  }
  if (cfg.ZALO_BOT_TOKEN && cfg.ZALO_MODE === 'webhook') {
    if (!cfg.ZALO_WEBHOOK_URL) throw new ConfigError('ZALO_WEBHOOK_URL', 'required when ZALO_MODE=webhook', undefined);
    if (!cfg.ZALO_WEBHOOK_SECRET) throw new ConfigError('ZALO_WEBHOOK_SECRET', 'required when ZALO_MODE=webhook', undefined);
  }
  return {
    ...cfg,
    telegram: { token: cfg.TELEGRAM_BOT_TOKEN, apiRoot: cfg.TELEGRAM_API_ROOT.replace(/\/+$/, '') },
    zalo: { token: cfg.ZALO_BOT_TOKEN, apiRoot: cfg.ZALO_API_ROOT.replace(/\/+$/, '') },
  };
}
