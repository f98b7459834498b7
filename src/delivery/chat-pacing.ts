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
  /** Gap between two messages to one private chat. 1.2 s, not 1 s: the platform counts arrivals, and event-loop and network jitter move them. */
  privateIntervalMs?: number;
  /** Gap between two messages to one group: 60 s / 20 = 3 s, smoothed, with the same margin. */
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

// Sliding windows of actual sends, the rule the platform itself applies, plus a minimum gap
// between two sends of the whole service so that jobs running late together cannot leave
// as one burst. Admits and records the send, or returns how long until it could be admitted.
// A Lua function, so that another script (the bot's update gate) can admit in its own round trip.
// Arguments: global log, chat log, member id, global limit, chat limit, chat window (ms),
// global window (ms), minimum gap (ms, fractional).
export const ADMIT_FUNCTION = `
local function admit(globalLog, chatLog, member, globalLimit, chatLimit, chatWindow, globalWindow, minGap)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
  redis.call('ZREMRANGEBYSCORE', globalLog, '-inf', now - globalWindow)
  redis.call('ZREMRANGEBYSCORE', chatLog, '-inf', now - chatWindow)
  local wait = 0
  if redis.call('ZCARD', globalLog) >= globalLimit then
    local oldest = redis.call('ZRANGE', globalLog, 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + globalWindow - now)
  end
  local newest = redis.call('ZRANGE', globalLog, -1, -1, 'WITHSCORES')
  if newest[2] then wait = math.max(wait, tonumber(newest[2]) + minGap - now) end
  if redis.call('ZCARD', chatLog) >= chatLimit then
    local oldest = redis.call('ZRANGE', chatLog, 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + chatWindow - now)
  end
  if wait > 0 then return math.ceil(wait) end
  redis.call('ZADD', globalLog, now, member)
  redis.call('ZADD', chatLog, now, member)
  redis.call('PEXPIRE', globalLog, globalWindow + 1000)
  redis.call('PEXPIRE', chatLog, chatWindow + 1000)
  return 0
end`;

// KEYS: global log, chat log. ARGV: member id, global limit, chat limit, chat window, global window, minimum gap.
const ADMIT = `${ADMIT_FUNCTION}
return admit(KEYS[1], KEYS[2], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]))`;

const PENALISE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > nextFree then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 60000) end
return until_ - now`;

/** A booked slot may be used this early (BullMQ promotes delayed jobs a few ms early or late). */
const SLOT_TOLERANCE_MS = 20;
/** A booked slot this old is not used: the job books a new one, so that late jobs cannot burst. */
const STALE_SLOT_MS = 1_000;

/** Send now, or wait; `slotAt` is the slot booked for the wait, to keep in the job's data. */
export type SlotDecision = { sendNow: true } | { sendNow: false; waitMs: number; slotAt?: number };

/** Whether a slot booked on an earlier run may be used now. */
export function slotIsDue(slotAt: number | undefined, nowMs = Date.now()): boolean {
  if (slotAt === undefined) return false;
  const age = nowMs - slotAt;
  return age >= -SLOT_TOLERANCE_MS && age <= STALE_SLOT_MS;
}

export function createChatPacing(redis: Redis, options: ChatPacingOptions) {
  const privateMs = options.privateIntervalMs ?? 1_200;
  const groupMs = options.groupIntervalMs ?? 3_200;
  const globalMs = 1000 / (options.globalPerSecond ?? 25);
  // Slots are booked at the configured rate; admission allows one more per second than
  // that, or a slot used a few ms late could never be caught up and the schedule would
  // drift (measured: 27.2/s instead of 28 with no slack), and never two sends closer
  // than half a slot apart, so late jobs cannot burst (a burst of 16 at once, admitted
  // within the window, still drew 429s: the platform counts arrivals, and a burst's
  // requests arrive spread out and late).
  const globalLimit = Math.max(1, Math.floor(options.globalPerSecond ?? 25) + 1);
  const globalWindowMs = 1000;
  const minGapMs = globalMs / 2;
  const chatKey = (chatId: string) => `${options.prefix}:pace:${chatId}`;
  const globalKey = `${options.prefix}:pace:_global`;
  // Telegram group and channel ids are negative; private chats positive.
  const intervalFor = (chatId: string) => (chatId.startsWith('-') ? groupMs : privateMs);
  /** A reply's admission: the global rate only (its own log stands in for the chat's, without a limit). */
  const globalAdmission = (sendId: string) => ({
    keys: [`${globalKey}:log`, `${globalKey}:replies`] as [string, string],
    args: [sendId, globalLimit, Number.MAX_SAFE_INTEGER, 1_000, globalWindowMs, minGapMs] as const,
  });
  /**
   * Books the next global slot for this chat. `booked` false means the chat itself is not
   * free yet: nothing was booked; wait `waitMs` and book again.
   */
  const book = async (chatId: string): Promise<{ booked: boolean; waitMs: number }> => {
    const result = Number(await redis.eval(BOOK, 2, chatKey(chatId), globalKey, intervalFor(chatId), globalMs));
    return result < 0 ? { booked: false, waitMs: -result } : { booked: true, waitMs: result };
  };
  return {
    book,
    /** Uses the slot a job booked on an earlier run (`slotAt`) if it is due now, or books one. */
    async takeSlot(chatId: string, slotAt: number | undefined): Promise<SlotDecision> {
      if (slotIsDue(slotAt)) return { sendNow: true };
      const slot = await book(chatId);
      if (!slot.booked) return { sendNow: false, waitMs: slot.waitMs };
      if (slot.waitMs > 0) return { sendNow: false, waitMs: slot.waitMs, slotAt: Date.now() + slot.waitMs };
      return { sendNow: true };
    },
    /**
     * The last check before a send: admitted (0) only if, counting this one, no more than the
     * global rate went out in the last second and the chat's own limit holds (1 per second to
     * a person, 20 per minute to a group). Otherwise the ms to wait. Booked slots make this
     * rarely refuse; it catches bursts of jobs that ran late.
     */
    async admit(chatId: string, sendId: string): Promise<number> {
      const group = chatId.startsWith('-');
      return Number(await redis.eval(ADMIT, 2, `${globalKey}:log`, `${chatKey(chatId)}:log`, sendId, globalLimit, group ? 20 : 1, group ? 61_000 : 1_100, globalWindowMs, minGapMs));
    },
    /**
     * Admission against the global rate only, for the bot's replies (see bot/send-budget.ts):
     * recorded in the same log as the workers' sends, so together they stay under the rate.
     */
    async admitGlobal(sendId: string): Promise<number> {
      const { keys, args } = globalAdmission(sendId);
      return Number(await redis.eval(ADMIT, 2, ...keys, ...args));
    },
    /** The keys and arguments of ADMIT_FUNCTION for a global admission, for a script that admits in its own round trip. */
    globalAdmission,
    /** After a 429: nobody sends to this chat for retryAfterMs. */
    async penalise(chatId: string, retryAfterMs: number): Promise<void> {
      await redis.eval(PENALISE, 1, chatKey(chatId), Math.max(1, Math.round(retryAfterMs)));
    },
  };
}

export type ChatPacing = ReturnType<typeof createChatPacing>;

/** What a send that takes a chat's slot and the send budget uses of the pacing. */
export type SendPacing = Pick<ChatPacing, 'takeSlot' | 'admit' | 'penalise'>;

/** Pacing that never waits, for a bot run without Redis (tools, tests that count calls): the platform's own 429 still guards. */
export const UNPACED: SendPacing = {
  takeSlot: async () => ({ sendNow: true }),
  admit: async () => 0,
  penalise: async () => undefined,
};
