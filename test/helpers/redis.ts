// Each test file gets its own queue prefix on the real Redis, removed afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  prefix: string;
  url: string;
  redis: Redis;
  flush(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function createTestRedis(): Promise<TestRedis> {
  const prefix = `nvtest-${randomBytes(5).toString('hex')}`;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const flush = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  };
  return {
    prefix,
    url: TEST_REDIS_URL,
    redis,
    /** Deletes every key of this prefix: what FLUSHALL does to our queues, without touching other test files. */
    flush,
    async cleanup() {
      await flush();
      redis.disconnect();
    },
  };
}
