// The Telegram route of delivery, wired from the config: a Bot API client of its own and
// pacing within Telegram's limits. No auto-retry on this client: the workers decide about
// 429s and 5xx themselves (a later turn of the job), without sleeping in a handler.
import { Api } from 'grammy';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.ts';
import { createChatPacing } from '../../delivery/chat-pacing.ts';
import { createTelegramChannel } from './channel.ts';

export function createTelegramRoute(config: Pick<Config, 'telegram' | 'QUEUE_PREFIX' | 'SEND_RATE_PER_SECOND'>, redis: Redis) {
  if (!config.telegram.token) return undefined;
  const api = new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot });
  return { channel: createTelegramChannel(api), pacing: createChatPacing(redis, { prefix: config.QUEUE_PREFIX, globalPerSecond: config.SEND_RATE_PER_SECOND }) };
}
