// The one structured logger. Pretty output only when a developer asks for it on a terminal.
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** A Telegram bot token inside a Bot API URL ("/bot123456:AA.../getMe"), and a password inside any URL. */
const SECRET_IN_TEXT: Array<[RegExp, string]> = [
  [/\/bot\d+:[\w-]+/g, '/bot[redacted]'],
  [/\b\d{6,}:[\w-]{30,}\b/g, '[redacted]'],
  [/(\/\/[^/@\s:]*):[^@/\s]*@/g, '$1:[redacted]@'],
];

/** Text with bot tokens and URL passwords taken out: error messages from HTTP clients quote the URL they called. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const [re, by] of SECRET_IN_TEXT) out = out.replace(re, by);
  return out;
}

/** A serialized value with every string scrubbed (errors nest their causes). */
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

export function createLogger(
  options: { level?: string; pretty?: boolean; name?: string; destination?: 'stdout' | 'stderr'; stream?: DestinationStream } = {},
): Logger {
  const settings = {
    name: options.name ?? 'nhac-viec',
    level: options.level ?? 'info',
    // Never let a bot token or database password reach a log line: known fields are censored, errors and messages scrubbed.
    redact: {
      paths: ['token', '*.token', 'config.TELEGRAM_BOT_TOKEN', 'config.ZALO_BOT_TOKEN', 'config.DATABASE_URL', 'headers.authorization', '*.headers["x-telegram-bot-api-secret-token"]', '*.headers["x-bot-api-secret-token"]'],
      censor: '[redacted]',
    },
    serializers: { err: (err: Error) => scrubDeep(stdSerializers.err(err)) as ReturnType<typeof stdSerializers.err> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)));
      },
    },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: options.destination === 'stderr' ? 2 : 1 } } } : {}),
  };
  if (options.stream) return pino(settings, options.stream);
  if (options.pretty || options.destination !== 'stderr') return pino(settings);
  return pino(settings, pino.destination(2));
}
