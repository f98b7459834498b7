// The numbered choices last shown in a Zalo chat ("1 = ✅ Hoàn thành, 2 = ..."), so that a
// reply "1" does what the first button would have done. Kept in Redis for two weeks per chat:
// a newer message with choices replaces the older one's.
import type { Redis } from 'ioredis';
import type { MessageButton } from '../types.ts';

const TTL_SECONDS = 14 * 24 * 3600;

export interface ChoiceStore {
  remember(chatId: string, choices: MessageButton[]): Promise<void>;
  /** The callback data of choice n (1-based), if that chat was offered it. */
  pick(chatId: string, n: number): Promise<string | undefined>;
}

export function createChoiceStore(redis: Redis, prefix: string): ChoiceStore {
  const key = (chatId: string) => `${prefix}:zalo:choices:${chatId}`;
  return {
    async remember(chatId, choices) {
      if (!choices.length) return;
      await redis.set(key(chatId), JSON.stringify(choices.map((c) => c.data)), 'EX', TTL_SECONDS);
    },
    async pick(chatId, n) {
      const raw = await redis.get(key(chatId));
      if (!raw) return undefined;
      const list = JSON.parse(raw) as unknown;
      if (!Array.isArray(list) || !Number.isInteger(n) || n < 1 || n > list.length) return undefined;
      const data = list[n - 1];
      return typeof data === 'string' ? data : undefined;
    },
  };
}
