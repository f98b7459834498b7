// Sending one notice (tasks/notices.ts), one turn at a time: find the recipient's chat on a
// platform this process sends on (their reminder choice, else the chat linked last), take the
// chat's pacing slot, claim the row (PENDING -> CLAIMED, or a claim whose sender died), compose
// it from its ids as things stand now, take the send budget, send, record SENT with the message
// id. A turn that must wait says how long; the send-notice job sleeps in the delayed set for it,
// the bot without workers waits in-process (src/delivery/jobs/handlers/send-notice.ts).
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import { DeliveryError } from '../channels/types.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { ACTIVE_CHATS_NEWEST_FIRST, reminderChat } from '../tasks/reminder-channel.ts';
import { CLAIM_TTL_MS, markFailed, recordSent, releaseClaim } from './claim.ts';
import { failForGoneRecipient } from './unreachable.ts';
import type { MessageComposer } from './jobs/deps.ts';
import type { ChannelName, DeliveryChannel } from '../channels/types.ts';
import type { SendPacing } from './chat-pacing.ts';

export interface NoticeDeps {
  prisma: PrismaClient;
  /** A plain `pg` runner for the claim and the record (Prisma's when absent). */
  sql?: SqlRunner;
  /** The platforms this process sends on: a notice goes to the recipient's chat on one of them. */
  channels: Partial<Record<ChannelName, { channel: DeliveryChannel; pacing: SendPacing }>>;
  composer: Pick<MessageComposer, 'notice'>;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  claimTtlMs?: number;
}

export interface NoticeTurn {
  /** The slot booked by an earlier turn (a job's data), if any. */
  slotAt?: number;
  /** Names this send in the admission log (the job id and attempt). */
  sendId: string;
  /** The last attempt the job has: a transient failure then marks the notice FAILED. */
  lastAttempt: boolean;
}

export type NoticeStep =
  | { outcome: 'sent'; messageId: string }
  /** Nothing to do: no such notice, or it is already sent, failed or cancelled. */
  | { outcome: 'settled'; status: string }
  /** Cancelled now: no reachable chat, or its reason is gone (see messages/notice.ts). */
  | { outcome: 'cancelled'; reason: string }
  /** Failed for good: the recipient blocked the bot (chat deactivated), or the platform refused it. */
  | { outcome: 'failed'; reason: string }
  /** Try again in waitMs (pacing, a 429, another sender's claim); slotAt is the slot booked for then. */
  | { outcome: 'wait'; waitMs: number; slotAt?: number };

type Db = PrismaClient | SqlRunner;

/** Claims the notice for one send: still pending, or claimed by a sender whose claim lapsed. */
export async function claimNotice(db: Db, id: number, now: Date, ttlMs = CLAIM_TTL_MS): Promise<boolean> {
  const rows = await runnerOf(db).rows<{ id: number }>(Prisma.sql`
    UPDATE "Notice"
    SET status = 'CLAIMED', "claimedAt" = ${now}, "claimExpiresAt" = ${new Date(now.getTime() + ttlMs)}, attempts = attempts + 1, "updatedAt" = ${now}
    WHERE id = ${id} AND (status = 'PENDING' OR (status = 'CLAIMED' AND "claimExpiresAt" < ${now}))
    RETURNING id`);
  return rows.length === 1;
}

/** One turn of sending a notice. Throws on a transient failure (the claim given back first). */
export async function deliverNotice(deps: NoticeDeps, noticeId: number, turn: NoticeTurn): Promise<NoticeStep> {
  const { prisma, clock } = deps;
  const log = deps.logger.child({ noticeId });
  const now = clock.now();
  const platforms = Object.keys(deps.channels) as ChannelName[];
  const notice = await prisma.notice.findUnique({
    where: { id: noticeId },
    select: {
      id: true, kind: true, payload: true, recipientOfficerId: true, status: true, claimExpiresAt: true,
      recipient: { select: { active: true, reminderChannel: true, chatIdentities: { ...ACTIVE_CHATS_NEWEST_FIRST, where: { active: true, channel: { in: platforms } }, select: { id: true, channel: true, externalId: true } } } },
    },
  });
  if (!notice) return { outcome: 'settled', status: 'gone' };
  if (notice.status === 'CLAIMED' && notice.claimExpiresAt && notice.claimExpiresAt > now) {
    // Another sender holds it: come back when its claim lapses (it will be SENT by then, or free).
    return { outcome: 'wait', waitMs: notice.claimExpiresAt.getTime() - now.getTime() + 100 };
  }
  if (notice.status !== 'PENDING' && notice.status !== 'CLAIMED') return { outcome: 'settled', status: notice.status };

  const chat = notice.recipient.active ? reminderChat(notice.recipient.chatIdentities, notice.recipient.reminderChannel) : undefined;
  const route = chat ? deps.channels[chat.channel] : undefined;
  if (!chat || !route) {
    const reason = 'recipient has no active chat on a platform this service sends on';
    await markFailed(prisma, 'Notice', noticeId, reason, 'CANCELLED');
    log.info({ kind: notice.kind, reason }, 'notice cancelled');
    return { outcome: 'cancelled', reason };
  }
  const { channel, pacing } = route;
  const chatId = chat.externalId;

  // The chat's pace first (a slot booked before the claim, so no claim is held while waiting).
  const slot = await pacing.takeSlot(chatId, turn.slotAt);
  if (!slot.sendNow) return { outcome: 'wait', waitMs: slot.waitMs, ...(slot.slotAt !== undefined ? { slotAt: slot.slotAt } : {}) };

  const db = deps.sql ?? prisma;
  if (!(await claimNotice(db, noticeId, now, deps.claimTtlMs))) {
    // Taken meanwhile by another sender (a second job, the bot in-process): read again what it is.
    return deliverNoticeAfterRace(deps, noticeId, now);
  }
  let message;
  try {
    message = await deps.composer.notice(notice, now);
  } catch (err) {
    await releaseClaim(prisma, 'Notice', noticeId, `compose: ${(err as Error).message}`);
    throw err;
  }
  if (!message) {
    const reason = 'its reason is gone (decided, answered, confirmed or replaced) or the task is out of sight';
    await markFailed(prisma, 'Notice', noticeId, reason, 'CANCELLED');
    log.info({ kind: notice.kind, reason }, 'notice cancelled');
    deps.metrics?.skipped.inc({ reason: 'notice-not-needed' });
    return { outcome: 'cancelled', reason };
  }

  // The last check right before the request: the global rate and the chat's own limit.
  const admitWait = await pacing.admit(chatId, turn.sendId);
  if (admitWait > 0) {
    await releaseClaim(prisma, 'Notice', noticeId, 'waiting for room under the send limits');
    return { outcome: 'wait', waitMs: admitWait };
  }

  let messageId: string;
  try {
    ({ messageId } = await channel.send(chatId, message));
  } catch (err) {
    if (!(err instanceof DeliveryError) || err.kind === 'transient') {
      const why = err instanceof Error ? err.message : String(err);
      if (turn.lastAttempt) {
        await markFailed(prisma, 'Notice', noticeId, `gave up: ${why}`, 'FAILED');
        deps.metrics?.failed.inc({ reason: 'retries-exhausted' });
      } else {
        await releaseClaim(prisma, 'Notice', noticeId, why);
        deps.metrics?.retried.inc({ reason: 'transient' });
      }
      throw err;
    }
    if (err.kind === 'rate-limited') {
      const wait = err.retryAfterMs ?? 1000;
      deps.metrics?.tooManyRequests.inc();
      await pacing.penalise(chatId, wait);
      await releaseClaim(prisma, 'Notice', noticeId, err.message);
      log.warn({ retryAfterMs: wait }, 'notice rate limited by the platform; retrying after the wait');
      return { outcome: 'wait', waitMs: wait };
    }
    if (err.kind === 'recipient-gone') {
      await failForGoneRecipient(prisma, { table: 'Notice', id: noticeId, chatIdentityId: chat.id }, err.message, clock.now());
      deps.metrics?.failed.inc({ reason: 'recipient-gone' });
      log.warn({ reason: err.message }, 'notice recipient is gone; chat marked inactive, not retrying');
      return { outcome: 'failed', reason: err.message };
    }
    await markFailed(prisma, 'Notice', noticeId, err.message, 'FAILED');
    deps.metrics?.failed.inc({ reason: 'rejected' });
    log.error({ reason: err.message }, 'the platform refused the notice; not retrying');
    return { outcome: 'failed', reason: err.message };
  }
  // The platform has it and the row does not say so yet: a crash here sends it again once the claim lapses.
  const recorded = await recordSent(db, 'Notice', noticeId, messageId, clock.now());
  if (!recorded) log.warn('notice sent but its claim had been taken over; a duplicate is possible');
  deps.metrics?.sent.inc({ channel: channel.name });
  log.info({ kind: notice.kind, messageId, channel: channel.name }, 'notice sent');
  return { outcome: 'sent', messageId };
}

async function deliverNoticeAfterRace(deps: NoticeDeps, noticeId: number, now: Date): Promise<NoticeStep> {
  const row = await deps.prisma.notice.findUnique({ where: { id: noticeId }, select: { status: true, claimExpiresAt: true } });
  if (row?.status === 'CLAIMED' && row.claimExpiresAt) return { outcome: 'wait', waitMs: Math.max(100, row.claimExpiresAt.getTime() - now.getTime() + 100) };
  if (row?.status === 'PENDING') return { outcome: 'wait', waitMs: 100 };
  return { outcome: 'settled', status: row?.status ?? 'gone' };
}
