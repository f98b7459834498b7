// Redis connections. Workers block on Redis and must wait through outages
// (maxRetriesPerRequest: null, as BullMQ requires); producers such as HTTP
// handlers and the CLI fail fast instead of hanging a request.
import { Redis } from 'ioredis';

export type RedisRole = 'worker' | 'producer';

export function createRedis(url: string, role: RedisRole, name = 'nhac-viec'): Redis {
  return new Redis(url, {
    connectionName: `${name}-${role}`,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
  });
}

/** Closes politely when connected; otherwise stops reconnecting at once (quit() would fail or wait). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit();
  } else {
    redis.disconnect(false);
  }
}
