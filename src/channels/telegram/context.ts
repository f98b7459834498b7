// The bot's context: services and a per-update child logger put on ctx by the first
// middleware, the officer behind the update (if registered), i18n and conversations.
import type { RequestReportChart } from '../../delivery/jobs/definitions/report-chart.ts';
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { RequestPlanning } from '../../delivery/jobs/definitions/plan-tasks.ts';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { Composer } from '../../messages/index.ts';
import type { Translator } from '../../messages/i18n.ts';
import type { LoadedActor, TaskPrefetch } from '../../tasks/actor.ts';
import type { SeenTask } from '../../tasks/queries.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { SqlRunner } from '../../db/sql.ts';
import type { Logger } from '../../logger.ts';
import type { SendNotices } from '../../delivery/jobs/definitions/send-notice.ts';
import type { RequestExport } from '../../delivery/jobs/definitions/export-report.ts';
import type { PlanImportServices } from './handlers/plan-import.ts';

export interface BotServices {
  prisma: PrismaClient;
  /** The hot path's statements (update claim, text replies, answers): a plain `pg` pool where wired. */
  sql: SqlRunner;
  composer: Composer;
  calendar: WorkingCalendar;
  i18n: Translator;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /**
   * Hands the notices an action wrote to delivery, after its commit: send-notice jobs on the
   * delivery queue, or (a bot without one) the same send run in-process. Never throws.
   */
  sendNotices: SendNotices;
  /** Plans sent as documents (needs Redis for the previews); absent, documents are not read as plans. */
  planImports?: PlanImportServices;
  /** Asks the workers to plan and queue tasks' reminders now (after a snooze or an extension); absent, reconcile does. */
  requestPlanning?: RequestPlanning;
  /** Builds /export's files in a job with progress; absent, the bot builds them while the update waits. */
  requestExport?: RequestExport;
  /** Queues the chart of a /report on the workers (absent: the bot draws it itself). */
  requestReportChart?: RequestReportChart;
}

export interface BotContextExtras {
  services: BotServices;
  logger: Logger;
  /** The registered, active officer who sent this update; undefined for strangers. */
  officer?: LoadedActor;
  /** The task(s) the update is about, read with its claim (middlewares/prefetch.ts). */
  prefetched?: { key: TaskPrefetch; tasks: SeenTask[] };
}

export type BaseContext = Context & I18nFlavor & BotContextExtras;
export type BotContext = ConversationFlavor<BaseContext>;
/** Context objects inside conversations: plain, services come from the closure. */
export type ConversationContext = Context;
