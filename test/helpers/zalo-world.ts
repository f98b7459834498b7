// A small world for Zalo tests: a fresh database seeded as the bot tests' (seedWorld), the Zalo
// Bot API stand-in, and the Zalo adapter on a fixed clock; say() hands a person's message to
// the conversation as the webhook or the poller would.
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createZaloApi } from '../../src/channels/zalo/api.ts';
import { createZaloAdapter, type ZaloAdapterDeps } from '../../src/channels/zalo/index.ts';
import { parseZaloUpdate } from '../../src/channels/zalo/updates.ts';
import { createInvite } from '../../src/tasks/invites.ts';
import { openPgPool } from '../../src/db/pool.ts';
import { pgRunner } from '../../src/db/sql.ts';
import { createRedis } from '../../src/redis.ts';
import { NOW, seedWorld } from './bot-world.ts';
import { createTestDatabase } from './database.ts';
import { createTestRedis } from './redis.ts';
import { testLogger } from './test-log.ts';
import { startZaloStandIn } from './zalo/stand-in.ts';

/** `publicBaseUrl`: charts go as photos by URL, stored under this world's Redis prefix; `requestReportChart`: `report` queues its chart. */
export async function createZaloWorld(options: { publicBaseUrl?: string; requestReportChart?: ZaloAdapterDeps['requestReportChart'] } = {}) {
  const db = await createTestDatabase();
  const redis = await createTestRedis();
  const zalo = await startZaloStandIn();
  const pool = await openPgPool(db.url, { max: 3 });
  const producer = createRedis(redis.url, 'producer');
  const seed = await seedWorld(db.prisma);
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });
  let now = NOW;
  const adapter = createZaloAdapter({
    api: createZaloApi({ token: zalo.token, apiRoot: zalo.apiRoot }),
    prisma: db.prisma, sql: pgRunner(pool), redis: producer, prefix: redis.prefix, ratePerSecond: 100,
    calendar, timeZone: 'Asia/Ho_Chi_Minh', logger: testLogger(), now: () => now,
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    ...(options.requestReportChart ? { requestReportChart: options.requestReportChart } : {}),
  });
  return {
    db, prisma: db.prisma, redis, zalo, seed, calendar, adapter, producer,
    setNow(value: Date) {
      now = value;
    },
    /** A message from a person; the bot's last message to that chat, as text. */
    async say(chatId: string, text: string, extra: { messageId?: string; photo?: string } = {}) {
      const update = parseZaloUpdate({ ok: true, result: zalo.makeEvent({ chatId, text, ...extra }) });
      await adapter.conversation.handle(update!);
      return zalo.messagesTo(chatId).at(-1)?.text ?? '';
    },
    /** A fresh invite code for an officer, made at NOW. */
    async inviteFor(officerId: number): Promise<string> {
      return db.prisma.$transaction((tx) => createInvite(tx, officerId, NOW)).then((i) => i.code);
    },
    async close() {
      await zalo.close();
      producer.disconnect();
      await redis.cleanup();
      await pool.end();
      await db.drop();
    },
  };
}

export type ZaloWorld = Awaited<ReturnType<typeof createZaloWorld>>;
