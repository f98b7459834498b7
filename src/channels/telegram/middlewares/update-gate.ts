// What every update needs from Redis, in one round trip: the sender's count of updates this
// minute (the abuse limit) and the chat's half-finished conversation, if any. Asked separately
// they were two round trips on every update, and on this machine each socket write is a system
// call costing more than the command itself. The count is the one userRateLimit keeps (same key,
// same window, same answer when over); the conversation is the one @grammyjs/conversations keeps
// (same key and JSON, a week's expiry), handed to the plugin by the storage below.
// Runs after sequentialize: the state read is the one the chat's previous update left.
import type { ConversationData, ConversationStorage, VersionedState } from '@grammyjs/conversations';
import type { Context, MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import type { BotContext } from '../context.ts';
import { onUpdateLimitExceeded, USER_RATE_WINDOW_MS, userRateKey } from './user-rate-limit.ts';
import { ADMIT_FUNCTION, type ChatPacing } from '../../../delivery/chat-pacing.ts';
import { useGateAdmission } from '../send-budget.ts';

// KEYS[1] the sender's counter ('' when not counted), KEYS[2] the chat's conversation ('' when
// none), KEYS[3] and KEYS[4] the send budget's logs ('' when no reply is admitted here).
// ARGV[1] the counter's window, ARGV[2] the limit, ARGV[3..8] the admission's (ADMIT_FUNCTION).
// The reply is admitted only for a sender within the limit. Returns {count, state, admission}.
const COUNT_AND_READ = `${ADMIT_FUNCTION}
local n = -1
if KEYS[1] ~= '' then
  n = redis.call('INCR', KEYS[1])
  if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
end
local state = false
if KEYS[2] ~= '' then state = redis.call('GET', KEYS[2]) end
local admitted = -1
if KEYS[3] ~= '' and n <= tonumber(ARGV[2]) then
  admitted = admit(KEYS[3], KEYS[4], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]))
end
return {n, state, admitted}`;

type State = VersionedState<ConversationData>;

export interface UpdateGateOptions {
  redis: Redis;
  prefix: string;
  /** Seconds a conversation left half-way is kept; without it conversations are not kept here. */
  conversationTtlSeconds?: number;
  /** The abuse limit; without it updates are not counted. */
  updatesPerMinute?: number;
  /** The send budget: a private message's reply is admitted in the gate's round trip. */
  replyBudget?: Pick<ChatPacing, 'globalAdmission'>;
}

/** Updates whose reply the gate admits: a person's message in a private chat, nearly always answered. */
function expectsReply(ctx: Context): boolean {
  return ctx.message !== undefined && ctx.chat?.type === 'private' && ctx.from !== undefined && !ctx.from.is_bot;
}

export interface UpdateGate {
  /** The middleware: counts, refuses a sender over the limit, reads the conversation. */
  middleware: MiddlewareFn<BotContext>;
  /** The conversations plugin's storage: the state the gate read for this update, else Redis. */
  storage: ConversationStorage<BotContext, ConversationData>;
}

export function createUpdateGate(options: UpdateGateOptions): UpdateGate {
  const { redis } = options;
  const conversationKey = (ctx: Context) => (options.conversationTtlSeconds === undefined || ctx.chatId === undefined ? undefined : `${options.prefix}:conversation:${ctx.chatId}`);
  const senderKey = (ctx: Context) => (options.updatesPerMinute !== undefined && ctx.from && !ctx.from.is_bot ? userRateKey(options.prefix, ctx.from.id) : undefined);
  // The state read for an update, until the plugin asks for it (null: there is none).
  const read = new WeakMap<Context, string | null>();

  let sequence = 0;
  const middleware: MiddlewareFn<BotContext> = async (ctx, next) => {
    const counted = senderKey(ctx);
    const stateKey = conversationKey(ctx);
    const admission = options.replyBudget && expectsReply(ctx) ? options.replyBudget.globalAdmission(`bot:${process.pid}:g${++sequence}`) : undefined;
    if (!counted && !stateKey && !admission) return next();
    const [hits, state, admitted] = (await redis.eval(
      COUNT_AND_READ, 4, counted ?? '', stateKey ?? '', admission?.keys[0] ?? '', admission?.keys[1] ?? '',
      USER_RATE_WINDOW_MS, options.updatesPerMinute ?? Number.MAX_SAFE_INTEGER, ...(admission?.args ?? []),
    )) as [number, string | null, number];
    if (stateKey) read.set(ctx, state ?? null);
    // Admitted now (0): the reply skips its own admission. Otherwise it asks, and waits, as any send.
    if (admitted === 0) useGateAdmission(ctx.api);
    if (counted && hits > options.updatesPerMinute!) {
      // Told once per minute, on the first update over the limit; the rest is ignored.
      if (hits === options.updatesPerMinute! + 1) await onUpdateLimitExceeded(ctx);
      return;
    }
    return next();
  };

  const storage: ConversationStorage<BotContext, ConversationData> = {
    type: 'context',
    adapter: {
      async read(ctx) {
        const key = conversationKey(ctx);
        if (!key) return undefined;
        const state = read.has(ctx) ? read.get(ctx)! : await redis.get(key);
        read.delete(ctx);
        return state === null ? undefined : (JSON.parse(state) as State);
      },
      async write(ctx, state) {
        const key = conversationKey(ctx);
        if (key) await redis.set(key, JSON.stringify(state), 'EX', options.conversationTtlSeconds!);
      },
      async delete(ctx) {
        const key = conversationKey(ctx);
        if (key) await redis.del(key);
      },
    },
  };
  return { middleware, storage };
}
