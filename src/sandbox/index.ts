// The sandbox's parts for service.ts: its Bot API with a token made for this run, the
// routes, the demo seed and "remind now".
import { randomBytes } from 'node:crypto';
import { createSandboxBotApi, type SandboxBotApi } from './bot-api.ts';

export { registerSandboxRoutes } from './routes.ts';
export { seedDemo } from './seed.ts';
export { remindNow } from './remind-now.ts';
export { sandboxConfig } from './mode.ts';

/** The sandbox bot's Telegram user id; the people's chats are 710001 and up. */
const SANDBOX_BOT_ID = 710000;
export const SANDBOX_BOT_USERNAME = 'nhacviec_sandbox_bot';

export interface Sandbox {
  api: SandboxBotApi;
  /** A fresh token each start: only this process's bot and workers know it. */
  token: string;
}

export function createSandbox(): Sandbox {
  return {
    api: createSandboxBotApi({ botId: SANDBOX_BOT_ID, username: SANDBOX_BOT_USERNAME }),
    token: `${SANDBOX_BOT_ID}:${randomBytes(24).toString('base64url')}`,
  };
}

/** Today's civil date (YYYY-MM-DD) in the working calendar's time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
