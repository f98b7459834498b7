// The one structured logger. Pretty output only when a developer asks for it on a terminal.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; pretty?: boolean; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'nhac-viec',
    level: options.level ?? 'info',
    // Never let a bot token or database password reach a log line.
    redact: {
      paths: ['token', '*.token', 'config.TELEGRAM_BOT_TOKEN', 'config.DATABASE_URL', 'headers.authorization', '*.headers["x-telegram-bot-api-secret-token"]'],
      censor: '[redacted]',
    },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  });
}
