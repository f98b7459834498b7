// Per-chat pacing shared by every worker process, in Redis: Telegram allows about
// one message a second to a private chat and 20 a minute to a group. Each send
// reserves the chat's next free slot atomically; a job whose slot is not free yet
// is moved to the delayed set until it is, so no worker sleeps.
import type { Redis } from 'ioredis';

export interface ChatPacingOptions {
  prefix: string;
  /** Gap between two messages to one private chat. A little over 1 s absorbs clock differences. */
  privateIntervalMs?: number;
  /** Gap between two messages to one group: 60 s / 20 = 3 s, smoothed. */
  groupIntervalMs?: number;
}

// Uses Redis' own clock so that every worker agrees on "now".
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextFree > now then return nextFree - now end
redis.call('SET', KEYS[1], now + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return 0`;

const PENALISE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > nextFree then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 60000) end
return until_ - now`;

export function createChatPacing(redis: Redis, options: ChatPacingOptions) {
  const privateMs = options.privateIntervalMs ?? 1_050;
  const groupMs = options.groupIntervalMs ?? 3_050;
  const key = (chatId: string) => `${options.prefix}:pace:${chatId}`;
  // Telegram group and channel ids are negative; private chats positive.
  const intervalFor = (chatId: string) => (chatId.startsWith('-') ? groupMs : privateMs);
  return {
    intervalFor,
    /** 0 when the slot is taken now; otherwise how many ms until this chat is free. */
    async reserve(chatId: string): Promise<number> {
      return Number(await redis.eval(RESERVE, 1, key(chatId), intervalFor(chatId)));
    },
    /** After a 429: nobody sends to this chat for retryAfterMs. */
    async penalise(chatId: string, retryAfterMs: number): Promise<void> {
      await redis.eval(PENALISE, 1, key(chatId), Math.max(1, Math.round(retryAfterMs)));
    },
  };
}

export type ChatPacing = ReturnType<typeof createChatPacing>;
