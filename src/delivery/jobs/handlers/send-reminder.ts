// A send-reminder job is one turn to send to its reminder's chat. First run: find the chat
// and book a slot within the global rate and the chat's pace (Redis), then sleep in the
// delayed set until it. At the slot: claim the chat's earliest due unsent reminder, send,
// record the message id. Every reason not to send is logged and counted.
import { UnrecoverableError, type Job } from 'bullmq';
import { DeliveryError } from '../../../channels/types.ts';
import { claimBurstForChat, claimNextForChat, FOLDABLE_KINDS, loadSlotOwner, markFailed, recordSent, recordSentMany, releaseClaim, type SlotOwner } from '../../claim.ts';
import { slotIsDue } from '../../chat-pacing.ts';
import { failForGoneRecipient } from '../../unreachable.ts';
import { sendReminderJob, type SendReminderPayload } from '../definitions/send-reminder.ts';
import type { DeliveryRoute, JobDeps } from '../deps.ts';
import { delayJob } from './delay-job.ts';

export type SendReminderResult = 'sent' | 'already-sent' | 'gone' | 'cancelled' | 'failed' | 'rescheduled' | 'no-chat' | 'not-needed' | 'nothing-due';

export interface SendReminderInput {
  payload: unknown;
  job: Job;
  token?: string;
  deps: Pick<JobDeps, 'prisma' | 'channels' | 'composer' | 'clock' | 'logger' | 'metrics' | 'claimTtlMs' | 'sql'>;
}

type Deps = SendReminderInput['deps'];

/** Overdue reminders due together to one chat are sent as one list from this many (the one claimed and two others)... */
const FOLD_MIN_OTHERS = 2;
/** ...up to this many in one list; more wait for the next turn's list. */
const FOLD_MAX = 15;

/** Booked jobs wait in the plain wait list, which BullMQ serves before any prioritized job. */
const BOOKED_PRIORITY = 0;

export async function runSendReminder({ payload, job, token, deps }: SendReminderInput): Promise<SendReminderResult> {
  const data: SendReminderPayload = sendReminderJob.schema.parse(payload);
  const log = deps.logger.child({ jobId: job.id, reminderId: data.reminderId });
  const queuedFor = new Date(data.plannedAt);
  const skip = (reason: SendReminderResult, extra: object = {}) => {
    log.info({ reason, ...extra }, 'reminder not sent');
    deps.metrics.skipped.inc({ reason });
    return reason;
  };

  let chatIdentityId = data.slotChatId;
  if (!slotIsDue(data.slotAt) || chatIdentityId === undefined) {
    const owner = await loadSlotOwner(deps.sql ?? deps.prisma, data.reminderId, queuedFor, deps.clock.now());
    if (!owner) return skip('gone');
    const route = owner.chatChannel ? deps.channels[owner.chatChannel] : undefined;
    if (owner.chatIdentityId === null || !owner.chatActive || !route || owner.chatExternalId === null) {
      if (owner.ownStatus === 'PENDING' || owner.ownStatus === 'CLAIMED') {
        await markFailed(deps.prisma, 'Reminder', data.reminderId, 'recipient has no active chat on this channel', 'CANCELLED');
      }
      return skip('no-chat');
    }
    // Nothing to send to this chat: do not spend a slot of the global rate on it.
    if (!owner.anyDue) return skip(reasonNothingDue(owner, queuedFor));
    chatIdentityId = owner.chatIdentityId;
    const slot = await route.pacing.book(owner.chatExternalId);
    if (!slot.booked || slot.waitMs > 0) {
      // Wait for the slot (or for the chat to be free, then book) ahead of every job not yet booked.
      const next = { reminderId: data.reminderId, plannedAt: data.plannedAt, ...(slot.booked ? { slotAt: Date.now() + slot.waitMs, slotChatId: chatIdentityId } : {}) };
      await job.updateData(next);
      await job.changePriority({ priority: BOOKED_PRIORITY });
      return delayJob(job, token, slot.waitMs);
    }
  }
  return sendAtSlot({ data, job, token, deps, log, chatIdentityId, skip });
}

function reasonNothingDue(owner: SlotOwner, queuedFor: Date): SendReminderResult {
  switch (owner.ownStatus) {
    case 'SENT':
      return 'already-sent';
    case 'CANCELLED':
      return 'cancelled';
    case 'FAILED':
      return 'failed';
    default:
      return owner.ownPlannedAt.getTime() !== queuedFor.getTime() ? 'rescheduled' : 'nothing-due';
  }
}

async function sendAtSlot(ctx: {
  data: SendReminderPayload;
  job: Job;
  token?: string;
  deps: Deps;
  log: Deps['logger'];
  chatIdentityId: number;
  skip: (reason: SendReminderResult, extra?: object) => SendReminderResult;
}): Promise<SendReminderResult> {
  const { data, job, token, deps, log, chatIdentityId, skip } = ctx;
  const { prisma, composer, clock, metrics } = deps;
  const now = clock.now();
  const db = deps.sql ?? prisma;
  const claim = await claimNextForChat(db, chatIdentityId, { id: data.reminderId, queuedFor: new Date(data.plannedAt) }, now, deps.claimTtlMs);
  if (claim.outcome === 'chat-inactive') return skip('no-chat');
  if (claim.outcome === 'nothing-due') {
    // The reminder may have moved to another chat while this job waited for the slot it booked
    // (the officer chose the other platform, or linked a new chat): start again for that chat.
    if (data.slotChatId !== undefined) {
      const fresh = { reminderId: data.reminderId, plannedAt: data.plannedAt };
      await job.updateData(fresh);
      return runSendReminder({ payload: fresh, job, ...(token ? { token } : {}), deps });
    }
    return skip('nothing-due');
  }
  if (claim.outcome === 'claimed-elsewhere') {
    // Another worker is sending the chat's earlier reminder, or crashed while sending it.
    return waitWithoutSlot(job, token, data, claim.retryAt.getTime() - now.getTime() + 100);
  }
  const reminderId = claim.id;
  const chatId = claim.chatExternalId;
  const route = deps.channels[claim.chatChannel];
  if (!route) {
    await markFailed(prisma, 'Reminder', reminderId, 'recipient has no active chat on a platform this service sends on', 'CANCELLED');
    return skip('no-chat', { sending: reminderId });
  }
  const { channel, pacing } = route;
  if (reminderId !== data.reminderId) log.debug({ sending: reminderId }, "this turn goes to the chat's earlier reminder");

  // Several overdue reminders due at once to this chat (a leader who just linked, an old plan
  // imported) go out as one list: the others are claimed with this one, and sent and recorded together.
  const folded = (FOLDABLE_KINDS as readonly string[]).includes(claim.kind)
    ? await claimBurstForChat(db, chatIdentityId, reminderId, now, { minOthers: FOLD_MIN_OTHERS, max: FOLD_MAX - 1, ...(deps.claimTtlMs ? { ttlMs: deps.claimTtlMs } : {}) })
    : [];
  const releaseFolded = (why: string) => Promise.all(folded.map((id) => releaseClaim(prisma, 'Reminder', id, why)));
  let message;
  try {
    message = folded.length ? await composer.reminderList([reminderId, ...folded], now) : await composer.reminder(reminderId, now);
  } catch (err) {
    await releaseClaim(prisma, 'Reminder', reminderId, `compose: ${(err as Error).message}`);
    await releaseFolded(`compose: ${(err as Error).message}`);
    throw err;
  }
  if (!message) {
    for (const id of [reminderId, ...folded]) await markFailed(prisma, 'Reminder', id, 'nothing to remind any more', 'CANCELLED');
    return skip('not-needed', { sending: reminderId });
  }

  // The last check, right before the request: late jobs using their slots together must
  // not burst past the platform's limits (it counts arrivals, so admit as late as possible).
  const admitWait = await admitSoon(pacing, chatId, `${job.id}:${job.attemptsMade}`);
  if (admitWait > 0) {
    // Keeps its slot: back soon ahead of unbooked jobs, and it books anew only if the slot got old.
    await releaseClaim(prisma, 'Reminder', reminderId, 'waiting for room under the send limits');
    await releaseFolded('waiting for room under the send limits');
    return delayJob(job, token, admitWait);
  }

  let messageId: string;
  try {
    ({ messageId } = await channel.send(chatId, message));
  } catch (err) {
    // The folded ones share the fate of the one this turn sends: given back to be retried, or closed with it.
    const final = err instanceof DeliveryError && (err.kind === 'recipient-gone' || err.kind === 'rejected');
    for (const id of folded) await (final ? markFailed(prisma, 'Reminder', id, err.message) : releaseClaim(prisma, 'Reminder', id, String(err)));
    return handleSendError(err, { reminderId, chatIdentityId, chatId, data, job, token, deps, route, log });
  }
  const accepted = process.hrtime.bigint();
  // The one window left: the platform has the message and this row does not say so yet.
  // A crash here means the claim expires and the reminder is sent again.
  const sentAt = clock.now();
  const recorded = await recordSent(db, 'Reminder', reminderId, messageId, sentAt);
  if (folded.length) await recordSentMany(db, folded, messageId, sentAt);
  metrics.unrecordedWindow.observe(Number(process.hrtime.bigint() - accepted) / 1e9);
  if (!recorded) log.warn({ sending: reminderId }, 'reminder sent but its claim had been taken over; a duplicate is possible');
  metrics.sent.inc({ channel: channel.name });
  metrics.lag.observe(Math.max(0, (sentAt.getTime() - claim.plannedAt.getTime()) / 1000));
  log.info({ messageId, sent: reminderId, kind: claim.kind, ...(folded.length ? { folded } : {}) }, 'reminder sent');
  return 'sent';
}

/** A slot used a few ms early or late often finds the last second full by a hair. */
const SHORT_WAIT_MS = 50;

/**
 * Admission, waiting here for a wait this short: going round the delayed set would cost
 * more than the wait, and a composed message ready to go. Each try is a fresh atomic check in
 * Redis, so the limits hold across processes whatever this process does.
 */
async function admitSoon(pacing: DeliveryRoute['pacing'], chatId: string, sendId: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const wait = await pacing.admit(chatId, `${sendId}:${attempt}:${Date.now()}`);
    if (wait === 0 || wait > SHORT_WAIT_MS || attempt === 3) return wait;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Comes back later and books a new slot then (the one it held is spent or too old). */
async function waitWithoutSlot(job: Job, token: string | undefined, data: SendReminderPayload, ms: number): Promise<never> {
  if (data.slotAt !== undefined) await job.updateData({ reminderId: data.reminderId, plannedAt: data.plannedAt });
  return delayJob(job, token, ms);
}

async function handleSendError(
  err: unknown,
  ctx: { reminderId: number; chatIdentityId: number; chatId: string; data: SendReminderPayload; job: Job; token?: string; deps: Deps; route: DeliveryRoute; log: Deps['logger'] },
): Promise<never> {
  const { prisma, metrics, clock } = ctx.deps;
  const { pacing } = ctx.route;
  if (!(err instanceof DeliveryError)) {
    await releaseClaim(prisma, 'Reminder', ctx.reminderId, String(err));
    throw err;
  }
  switch (err.kind) {
    case 'rate-limited': {
      metrics.tooManyRequests.inc();
      metrics.retried.inc({ reason: 'rate-limited' });
      const wait = err.retryAfterMs ?? 1000;
      await pacing.penalise(ctx.chatId, wait);
      await releaseClaim(prisma, 'Reminder', ctx.reminderId, err.message);
      ctx.log.warn({ retryAfterMs: wait }, 'rate limited by the platform; retrying after the wait');
      return waitWithoutSlot(ctx.job, ctx.token, ctx.data, wait);
    }
    case 'recipient-gone': {
      await failForGoneRecipient(prisma, { table: 'Reminder', id: ctx.reminderId, chatIdentityId: ctx.chatIdentityId }, err.message, clock.now());
      metrics.failed.inc({ reason: 'recipient-gone' });
      ctx.log.warn({ reason: err.message }, 'recipient is gone; chat marked inactive, not retrying');
      throw new UnrecoverableError(err.message);
    }
    case 'rejected': {
      await markFailed(prisma, 'Reminder', ctx.reminderId, err.message);
      metrics.failed.inc({ reason: 'rejected' });
      ctx.log.error({ reason: err.message }, 'the platform refused the message; not retrying');
      throw new UnrecoverableError(err.message);
    }
    case 'transient': {
      await releaseClaim(prisma, 'Reminder', ctx.reminderId, err.message);
      const attempts = ctx.job.opts.attempts ?? 1;
      if (ctx.job.attemptsMade + 1 >= attempts) {
        await markFailed(prisma, 'Reminder', ctx.reminderId, `gave up after ${attempts} attempts: ${err.message}`);
        metrics.failed.inc({ reason: 'retries-exhausted' });
      } else {
        metrics.retried.inc({ reason: 'transient' });
      }
      throw err;
    }
  }
}
