// The Telegram adapter: a grammY bot whose features only map updates onto the
// platform-independent conversation core. Creating it sends nothing; start it with
// startBot (polling or webhook) or feed it updates with bot.handleUpdate.
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations } from '@grammyjs/conversations';
import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { planningRequester } from '../../delivery/jobs/definitions/plan-tasks.ts';
import { createPendingImports } from '../../tasks/pending-imports.ts';
import { exportRequester } from '../../delivery/jobs/definitions/export-report.ts';
import { reportChartRequester } from '../../delivery/jobs/definitions/report-chart.ts';
import type { I18n } from '@grammyjs/i18n';
import { sequentialize } from '@grammyjs/runner';
import { Api, Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { createComposer, type Composer as MessageComposer } from '../../messages/index.ts';
import { createI18n, toLocale } from '../../messages/i18n.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { PgPool } from '../../db/pool.ts';
import { pgRunner, prismaRunner } from '../../db/sql.ts';
import type { Logger } from '../../logger.ts';
import type { BotContext, BotServices } from './context.ts';
import { createConversations } from './conversations/index.ts';
import { confirmationsFeature } from './features/confirmations.ts';
import { passDownFeature } from './features/pass-down.ts';
import { exportFeature } from './features/export.ts';
import { adminFeature } from './features/admin.ts';
import { absenceFeature } from './features/absence.ts';
import { groupsFeature } from './features/groups.ts';
import { helpFeature } from './features/help.ts';
import { leaderFeature } from './features/leader.ts';
import { onboardingFeature } from './features/onboarding.ts';
import { planImportFeature } from './features/plan-import.ts';
import { registeredOnlyFeature } from './features/registered-only.ts';
import { settingsFeature } from './features/settings.ts';
import { reminderChannelFeature } from './features/reminder-channel.ts';
import { taskButtonsFeature } from './features/task-buttons.ts';
import { tasksFeature } from './features/tasks.ts';
import { textRepliesFeature } from './features/text-replies.ts';
import { unhandledFeature } from './features/unhandled.ts';
import { dedupeUpdates } from './middlewares/dedupe.ts';
import { handleFeatureError } from './middlewares/error-boundary.ts';
import { setupContext } from './middlewares/setup-context.ts';
import { createUpdateGate, type UpdateGate } from './middlewares/update-gate.ts';
import { sendBudget } from './send-budget.ts';
import { WEBHOOK_REPLY_METHODS } from './webhook.ts';
import { holdForWebhookAnswer, webhookAnswers } from './webhook-answer.ts';
import { createChatPacing, UNPACED, type ChatPacing } from '../../delivery/chat-pacing.ts';
import { noticeRequester, type SendNotices } from '../../delivery/jobs/definitions/send-notice.ts';
import { sendNoticesNow } from '../../delivery/jobs/handlers/send-notice.ts';
import { createTelegramChannel } from './channel.ts';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface CreateBotOptions {
  config: { telegram: { token: string | undefined; apiRoot: string }; TZ_NAME: string };
  prisma: PrismaClient;
  logger: Logger;
  calendar: WorkingCalendar;
  i18n?: I18n<BotContext>;
  composer?: MessageComposer;
  /** Known bot identity (tests, or a cached getMe): no getMe call at start. */
  botInfo?: UserFromGetMe;
  now?: () => Date;
  /** Retries of 429 / 5xx by @grammyjs/auto-retry (off in tests that count calls). */
  autoRetry?: boolean;
  /** A plain `pg` pool for the statements every update runs (its owner closes it); Prisma otherwise. */
  pool?: PgPool;
  /**
   * Where half-finished conversations (a reason, a date, evidence still to come) are kept, so a
   * restart or another bot process behind the webhook carries on with them; memory otherwise.
   */
  conversationStore?: { redis: Redis; prefix: string };
  /**
   * Abuse limits kept in Redis and shared with the workers: each person's updates a minute,
   * and the global send rate that replies share with reminders. Off when absent.
   */
  limits?: { redis: Redis; prefix: string; updatesPerMinute: number; sendPerSecond: number };
  /**
   * Where notices go after an action's commit (send-notice jobs for the workers). Without it the
   * bot sends them itself, in-process, through its own Telegram route (a chat on Zalo is not reached then).
   */
  deliveryQueue?: Queue;
  /**
   * Plans sent as documents wait in Redis between preview and button; the maintenance queue
   * takes the plan-tasks jobs that plan reminders at once (after an import, a snooze, an extension).
   */
  planImports?: { redis: Redis; prefix: string };
  maintenanceQueue?: Queue;
  /** Takes /export's export-report jobs; without it files are built in the bot process. */
  reportsQueue?: Queue;
}

/** A conversation left half-way is forgotten after a week (what it recorded stays). */
const CONVERSATION_TTL_SECONDS = 7 * 24 * 3600;


/** The update gate where something is kept in Redis: conversations, the abuse limit, or both (one Redis). */
function gateOf(options: CreateBotOptions, budget: ChatPacing | undefined): UpdateGate | undefined {
  const redis = options.conversationStore?.redis ?? options.limits?.redis;
  if (!redis) return undefined;
  const prefix = options.conversationStore?.prefix ?? options.limits!.prefix;
  if (options.conversationStore && options.limits && (options.limits.redis !== options.conversationStore.redis || options.limits.prefix !== prefix)) {
    throw new Error('conversations and abuse limits must share one Redis and prefix (they are read in one round trip)');
  }
  return createUpdateGate({
    redis, prefix,
    ...(options.conversationStore ? { conversationTtlSeconds: CONVERSATION_TTL_SECONDS } : {}),
    ...(options.limits ? { updatesPerMinute: options.limits.updatesPerMinute } : {}),
    ...(budget ? { replyBudget: budget } : {}),
  });
}

/**
 * A bot without a delivery queue sends notices itself, through the send-notice handler's own turns:
 * a Telegram route of its own (no auto-retry, paced in Redis when it has one).
 */
function noticesInProcess(options: CreateBotOptions, deps: { composer: MessageComposer; now: () => Date; sql: ReturnType<typeof pgRunner> }): SendNotices {
  const redis = options.limits?.redis ?? options.conversationStore?.redis;
  const prefix = options.limits?.prefix ?? options.conversationStore?.prefix ?? '';
  const api = new Api(options.config.telegram.token!, { apiRoot: options.config.telegram.apiRoot });
  const pacing = redis ? createChatPacing(redis, { prefix, ...(options.limits ? { globalPerSecond: options.limits.sendPerSecond } : {}) }) : UNPACED;
  return sendNoticesNow({
    prisma: options.prisma, sql: deps.sql, composer: deps.composer, clock: { now: deps.now }, logger: options.logger.child({ component: 'notices' }),
    channels: { TELEGRAM: { channel: createTelegramChannel(api), pacing } },
  });
}

export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const { config, prisma, logger, calendar } = options;
  if (!config.telegram.token) throw new Error('TELEGRAM_BOT_TOKEN is required to create the bot');
  const i18n = options.i18n ?? createI18n<BotContext>({ localeNegotiator: (ctx) => ctx.officer?.language ?? toLocale(ctx.from?.language_code?.slice(0, 2)) });
  const composer = options.composer ?? createComposer({ prisma, i18n, calendar, timeZone: config.TZ_NAME });
  const sql = options.pool ? pgRunner(options.pool) : prismaRunner(prisma);
  const queue = options.maintenanceQueue;
  const requestPlanning = queue ? planningRequester(queue, logger) : undefined;
  const now = options.now ?? (() => new Date());
  const services: BotServices = {
    prisma, sql, composer, calendar, i18n, now,
    sendNotices: options.deliveryQueue ? noticeRequester(options.deliveryQueue, logger) : noticesInProcess(options, { composer, now, sql }),
    ...(requestPlanning ? { requestPlanning } : {}),
    ...(options.reportsQueue ? { requestExport: exportRequester(options.reportsQueue, logger), requestReportChart: reportChartRequester(options.reportsQueue, logger) } : {}),
    ...(options.planImports
      ? { planImports: { pending: createPendingImports(options.planImports.redis, options.planImports.prefix), apiRoot: config.telegram.apiRoot, ...(requestPlanning ? { requestPlanning } : {}) } }
      : {}),
  };

  const bot = new Bot<BotContext>(config.telegram.token, {
    client: { apiRoot: config.telegram.apiRoot, canUseWebhookReply: (method) => WEBHOOK_REPLY_METHODS.has(method) },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const { limits } = options;
  // Innermost: a reply held for the webhook's answer is held after it passed the send budget.
  bot.api.config.use(holdForWebhookAnswer());
  // Inside auto-retry: a retried send is admitted again.
  const budget = limits ? createChatPacing(limits.redis, { prefix: limits.prefix, globalPerSecond: limits.sendPerSecond }) : undefined;
  if (budget) bot.api.config.use(sendBudget(budget, logger));
  if (options.autoRetry !== false) bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  bot.use(setupContext(services, logger.child({ component: 'bot' })));
  // A reply marked for it rides in the webhook's answer (webhook updates only).
  bot.use(webhookAnswers());
  // One update per chat at a time (runner runs updates concurrently otherwise).
  bot.use(sequentialize((ctx: BotContext) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // The sender's update count and the chat's conversation in one Redis round trip (both kept in
  // Redis for every bot process behind the webhook); a sender over the limit stops here, before the claim.
  const gate = gateOf(options, budget);
  if (gate) bot.use(gate.middleware);
  // Claims the update id and loads the sender's officer (one statement).
  bot.use(dedupeUpdates());
  bot.use(i18n);

  const features = bot.errorBoundary(handleFeatureError);
  // Kept in Redis when asked (read by the gate), in memory otherwise.
  // A conversation sends through an Api of its own, made without the bot's transformers: they are
  // installed on it again, so its prompts take the send budget and auto-retry like any reply.
  // (A resumed conversation replays its earlier calls through them: the budget counts those
  // again, which errs on the side of sending less.)
  const transformers = bot.api.config.installedTransformers();
  const conversationApi = (ctx: BotContext, next: () => Promise<void>) => {
    ctx.api.config.use(...transformers);
    return next();
  };
  features.use(conversations<BotContext, BotContext>({ ...(gate && options.conversationStore ? { storage: gate.storage } : {}), plugins: [conversationApi] }));
  for (const conversation of createConversations(services)) features.use(conversation);
  features.use(onboardingFeature, helpFeature, planImportFeature, registeredOnlyFeature, tasksFeature, leaderFeature, exportFeature, adminFeature, absenceFeature, settingsFeature, reminderChannelFeature, groupsFeature, taskButtonsFeature, confirmationsFeature, passDownFeature, textRepliesFeature, unhandledFeature);

  bot.catch((err) => {
    (err.ctx.logger ?? logger).error({ err: err.error, msg: 'unhandled bot error' });
  });
  return bot;
}
