// Starting and stopping the bot: long polling with @grammyjs/runner, or a webhook set on
// Telegram (the route itself is on the HTTP server). stop() ends polling first on shutdown.
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Logger } from '../../logger.ts';
import type { Translator } from '../../messages/i18n.ts';
import type { BotContext } from './context.ts';
import { registerCommands } from './commands.ts';
import { ALLOWED_UPDATES } from './index.ts';
import { WEBHOOK_MAX_CONNECTIONS } from './webhook.ts';

export type BotModeConfig = { mode: 'polling' } | { mode: 'webhook'; url: string; secret: string };

export interface RunningBot {
  stop(): Promise<void>;
}

export async function startBot(bot: Bot<BotContext>, mode: BotModeConfig, deps: { logger: Logger; i18n: Translator }): Promise<RunningBot> {
  await bot.init();
  try {
    await registerCommands(bot.api, deps.i18n);
  } catch (err) {
    deps.logger.warn({ err, msg: 'could not register bot commands' });
  }
  if (mode.mode === 'webhook') {
    await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: WEBHOOK_MAX_CONNECTIONS });
    deps.logger.info({ msg: 'telegram webhook set', username: bot.botInfo.username });
    return { stop: async () => undefined };
  }
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  deps.logger.info({ msg: 'telegram polling started', username: bot.botInfo.username });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}
