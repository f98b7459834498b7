// The update-id log that makes a redelivered update harmless is kept a week, not forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimUpdate, pruneProcessedUpdates } from '../../src/tasks/actor.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('processed update ids', () => {
  it('older than a week are pruned; recent ones stay and still deduplicate', async () => {
    const now = new Date('2026-12-02T08:00:00Z');
    const day = 24 * 3600 * 1000;
    await db.prisma.processedUpdate.createMany({
      data: [
        { channel: 'TELEGRAM', updateId: 1n, createdAt: new Date(now.getTime() - 8 * day) },
        { channel: 'ZALO', updateId: 2n, createdAt: new Date(now.getTime() - 30 * day) },
        { channel: 'TELEGRAM', updateId: 3n, createdAt: new Date(now.getTime() - 6 * day) },
      ],
    });
    expect(await pruneProcessedUpdates(db.prisma, now)).toBe(2);
    expect((await db.prisma.processedUpdate.findMany()).map((u) => u.updateId)).toEqual([3n]);
    // A kept id is still a duplicate.
    expect((await claimUpdate(db.prisma, 'TELEGRAM', 3n, undefined, { now })).claimed).toBe(false);
  });
});
