// A plan sent through the chat waits here between its preview and the button that imports it:
// in Redis under a random id with a time to live, never in callback data (64 bytes). The parsed
// plan is kept, not the file, so what is imported is exactly what the preview showed.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ParsedPlanFile } from '../plans/import-plan.ts';

/** How long a preview's buttons work: long enough to check the plan against the paper. */
export const PENDING_IMPORT_TTL_SECONDS = 2 * 3600;

export interface PendingImport {
  officerId: number;
  chatId: number;
  /** The day overdue was counted against in the preview; the import counts against the same day. */
  today: string;
  parsed: ParsedPlanFile;
}

export interface PendingImports {
  save(pending: PendingImport): Promise<string>;
  load(id: string): Promise<PendingImport | undefined>;
  drop(id: string): Promise<void>;
}

export function createPendingImports(redis: Redis, prefix: string, ttlSeconds = PENDING_IMPORT_TTL_SECONDS): PendingImports {
  const key = (id: string) => `${prefix}:plan-import:${id}`;
  return {
    async save(pending) {
      // 96 random bits: the id is what stands between a button and someone else's plan file.
      const id = randomBytes(12).toString('base64url');
      await redis.set(key(id), JSON.stringify(pending), 'EX', ttlSeconds);
      return id;
    },
    async load(id) {
      const raw = await redis.get(key(id));
      return raw ? (JSON.parse(raw) as PendingImport) : undefined;
    },
    async drop(id) {
      await redis.del(key(id));
    },
  };
}
