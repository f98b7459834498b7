// What job handlers need, passed in: no handler imports a client or reads config.
import type { Queue } from 'bullmq';
import type { Clock } from '../../clock.ts';
import type { ChannelName, DeliveryChannel, OutgoingMessage } from '../../channels/types.ts';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import type { SqlRunner } from '../../db/sql.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import type { ChatPacing } from '../chat-pacing.ts';
import type { ReminderPolicy } from '../../reminders/policy-values.ts';
import type { Translator } from '../../messages/i18n.ts';
import type { NoticeRow } from '../../tasks/notices.ts';

/** Turns rows into what people read; the conversation core implements it. */
export interface MessageComposer {
  /** null when the reminder no longer warrants a message (task done, officer gone). */
  reminder(reminderId: number, now: Date): Promise<OutgoingMessage | null>;
  /** Several overdue reminders to one person as one list (null when none needs saying any more). */
  reminderList(reminderIds: number[], now: Date): Promise<OutgoingMessage | null>;
  /**
   * A leader's overdue digest, and the unreachable chats it tells of. Composing writes nothing:
   * the sender marks those chats reported once every part is out (markUnreachableReported), so
   * a digest retried after a failure still carries the section.
   */
  overdueDigest(leaderOfficerId: number, now: Date): Promise<{ parts: OutgoingMessage[]; unreachableShown: number[] }>;
  markUnreachableReported(chatIdentityIds: number[], now: Date): Promise<void>;
  weeklySummary(subscriptionId: number, now: Date): Promise<OutgoingMessage[]>;
  /** The overdue tasks of a subscribed group's units; nothing when none is overdue. */
  groupOverdueDigest(subscriptionId: number, now: Date): Promise<OutgoingMessage[]>;
  /**
   * A notice (tasks/notices.ts) composed from its ids as things stand now; undefined when its reason
   * is gone (the sender cancels it). Reads only.
   */
  notice(notice: Pick<NoticeRow, 'kind' | 'payload' | 'recipientOfficerId'>, now: Date): Promise<OutgoingMessage | undefined>;
  /** The chart of a leader's /report (undefined when none is drawn: not a leader, no units, no renderer). */
  leaderReportChart(officerId: number, now: Date, period: 'week' | 'quarter'): Promise<OutgoingMessage | undefined>;
}

/** How messages reach one platform: its API, and the pacing of its limits (kept apart per platform). */
export interface DeliveryRoute {
  channel: DeliveryChannel;
  pacing: ChatPacing;
}

/** The platforms this process can send on; a chat on another platform is not sent to. */
export type DeliveryRoutes = Partial<Record<ChannelName, DeliveryRoute>>;

export interface JobDeps {
  prisma: PrismaClient;
  channels: DeliveryRoutes;
  composer: MessageComposer;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  calendar: WorkingCalendar;
  policy: ReminderPolicy;
  deliveryQueue: Queue;
  /** A plain `pg` runner for planning's bulk statements and each send's claim (a fraction of Prisma's CPU); Prisma's when absent. */
  sql?: SqlRunner;
  /** Texts of the jobs that speak to a person themselves (export-report); the composer has its own. */
  i18n?: Translator;
  /** How long a send claim protects a reminder (default CLAIM_TTL_MS). */
  claimTtlMs?: number;
}
