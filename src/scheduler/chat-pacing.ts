// Send pacing shared by every worker process, in Redis. Telegram allows about 30
// messages a second overall, one a second to a private chat and 20 a minute to a
// group. A send books the first instant at which both the chat and the global rate
// have room, atomically; the job then sleeps in BullMQ's delayed set until its slot,
// so no worker holds a job while waiting and no slot is spent on a job that waits.
import type { Redis } from 'ioredis';

export interface ChatPacingOptions {
  prefix: string;
  /** Messages per second across all chats. */
  globalPerSecond?: number;
  /** Gap between two messages to one private chat. A little over 1 s absorbs clock differences. */
  privateIntervalMs?: number;
  /** Gap between two messages to one group: 60 s / 20 = 3 s, smoothed. */
  groupIntervalMs?: number;
}

// KEYS: chat key, global key. ARGV: chat interval, global interval (ms).
// Uses Redis' own clock so every worker agrees on "now". Returns ms until the booked slot.
// A chat that is not free before the next global slot books nothing (it would hold up
// every other chat): the caller waits until the chat is free and books then.
// Times may be fractional ms (1000 / rate); only key expiries are rounded.
const BOOK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local chatFree = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local slot = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0'))
if chatFree > slot then return -(chatFree - now) end
local chatGap = tonumber(ARGV[1])
local globalGap = tonumber(ARGV[2])
redis.call('SET', KEYS[1], slot + chatGap, 'PX', math.ceil(slot + chatGap - now) + 60000)
redis.call('SET', KEYS[2], slot + globalGap, 'PX', math.ceil(slot + globalGap - now) + 60000)
return slot - now`;

const UNTIL_FREE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local chatNext = tonumber(redis.call('GET', KEYS[1]) or '0')
return math.max(0, chatNext - now)`;

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
  const globalMs = 1000 / (options.globalPerSecond ?? 25);
  const chatKey = (chatId: string) => `${options.prefix}:pace:${chatId}`;
  const globalKey = `${options.prefix}:pace:_global`;
  // Telegram group and channel ids are negative; private chats positive.
  const intervalFor = (chatId: string) => (chatId.startsWith('-') ? groupMs : privateMs);
  return {
    intervalFor,
    /**
     * Books the next global slot for this chat. `booked` false means the chat itself is not
     * free yet: nothing was booked; wait `waitMs` and book again.
     */
    async book(chatId: string): Promise<{ booked: boolean; waitMs: number }> {
      const result = Number(await redis.eval(BOOK, 2, chatKey(chatId), globalKey, intervalFor(chatId), globalMs));
      return result < 0 ? { booked: false, waitMs: -result } : { booked: true, waitMs: result };
    },
    /** How long until the chat's already-booked slots are used up. */
    async untilFree(chatId: string): Promise<number> {
      return Number(await redis.eval(UNTIL_FREE, 1, chatKey(chatId)));
    },
    /** After a 429: nobody sends to this chat for retryAfterMs. */
    async penalise(chatId: string, retryAfterMs: number): Promise<void> {
      await redis.eval(PENALISE, 1, chatKey(chatId), Math.max(1, Math.round(retryAfterMs)));
    },
  };
}

export type ChatPacing = ReturnType<typeof createChatPacing>;
