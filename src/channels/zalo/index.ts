// The Zalo adapter wired: API client, delivery route (plain text, numbered choices, pacing),
// the conversation that answers officers, and how updates come in (polling or webhook).
import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { noticeRequester } from '../../delivery/jobs/definitions/send-notice.ts';
import { sendNoticesNow } from '../../delivery/jobs/handlers/send-notice.ts';
import type { BotServices } from '../telegram/context.ts';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { createComposer } from '../../messages/index.ts';
import { ZALO_MESSAGE_LIMIT } from '../../messages/html.ts';
import { createI18n } from '../../messages/i18n.ts';
import type { SqlRunner } from '../../db/sql.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';
import { partsForChannel, type OutgoingMessage } from '../types.ts';
import type { ZaloApi } from './api.ts';
import type { RequestPlanning } from '../../delivery/jobs/definitions/plan-tasks.ts';
import { createChoiceStore } from './choices.ts';
import { createZaloConversation } from './conversation.ts';
import { createZaloRoute } from './delivery.ts';
import { startZalo, type RunningZalo } from './run.ts';

/** A reply waits at most this long for room under the send rate, then goes anyway. */
const MAX_REPLY_WAIT_MS = 10_000;

export interface ZaloAdapterDeps {
  api: ZaloApi;
  prisma: PrismaClient;
  sql: SqlRunner;
  redis: Redis;
  prefix: string;
  ratePerSecond: number;
  calendar: WorkingCalendar;
  timeZone: string;
  logger: Logger;
  now?: () => Date;
  /**
   * Where notices go after an action's commit (send-notice jobs for the workers, which reach both
   * platforms). Without it the adapter sends them itself through its Zalo route (a chat on Telegram is not reached then).
   */
  deliveryQueue?: Queue;
  /** Plans a snoozed or extended task's reminders at once. */
  requestPlanning?: RequestPlanning;
  /** PUBLIC_BASE_URL: charts go as photos by URL (served by this service); text only without it. */
  publicBaseUrl?: string;
  /** Queues a report's chart on the workers; absent, the adapter draws it itself. */
  requestReportChart?: BotServices['requestReportChart'];
}

export function createZaloAdapter(deps: ZaloAdapterDeps) {
  const i18n = createI18n();
  const route = createZaloRoute({ api: deps.api, redis: deps.redis, prefix: deps.prefix, ratePerSecond: deps.ratePerSecond, prisma: deps.prisma, i18n, ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}) });
  const logger = deps.logger.child({ component: 'zalo' });
  let sequence = 0;

  /** Replies and notices share Zalo's send budget with the reminders the workers send. */
  async function send(chatId: string, messages: OutgoingMessage[]): Promise<void> {
    // Zalo takes photos only by URL: without a public URL a chart's text version goes alone (it is among the parts).
    for (const message of partsForChannel(route.channel, messages)) {
      const started = Date.now();
      for (;;) {
        const wait = await route.pacing.admitGlobal(`zalo-reply:${process.pid}:${++sequence}`);
        if (wait === 0 || Date.now() - started + wait > MAX_REPLY_WAIT_MS) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await route.channel.send(chatId, message);
    }
  }

  const composer = createComposer({ prisma: deps.prisma, i18n, calendar: deps.calendar, timeZone: deps.timeZone, messageLimit: ZALO_MESSAGE_LIMIT });
  const now = deps.now ?? (() => new Date());
  const services: BotServices = {
    prisma: deps.prisma,
    sql: deps.sql,
    composer,
    calendar: deps.calendar,
    i18n,
    now,
    sendNotices: deps.deliveryQueue
      ? noticeRequester(deps.deliveryQueue, logger)
      : sendNoticesNow({ prisma: deps.prisma, sql: deps.sql, composer, clock: { now }, logger: logger.child({ component: 'notices' }), channels: { ZALO: route } }),
    ...(deps.requestPlanning ? { requestPlanning: deps.requestPlanning } : {}),
    ...(deps.requestReportChart ? { requestReportChart: deps.requestReportChart } : {}),
  };
  const conversation = createZaloConversation({ services, choices: createChoiceStore(deps.redis, deps.prefix), send, logger });

  return {
    conversation,
    send,
    start: (mode: Parameters<typeof startZalo>[1]): Promise<RunningZalo> => startZalo({ api: deps.api, conversation, logger }, mode),
  };
}

export type ZaloAdapter = ReturnType<typeof createZaloAdapter>;
