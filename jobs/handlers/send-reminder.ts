// Sends one reminder at most once: re-read the row, keep the chat's order and pace,
// claim it conditionally, send, record the message id. Each reason not to send is logged.
import { UnrecoverableError, type Job } from 'bullmq';
import { DeliveryError } from '../../src/channels/types.ts';
import { claimReminder, loadForSend, markFailed, queuePosition, recordSent, releaseClaim } from '../../src/scheduler/claim.ts';
import { sendReminderJob, type SendReminderPayload } from '../definitions/send-reminder.ts';
import type { JobDeps } from '../deps.ts';
import { delayJob } from './delay-job.ts';

export type SendReminderResult = 'sent' | 'already-sent' | 'gone' | 'cancelled' | 'failed' | 'rescheduled' | 'no-chat' | 'not-needed';

export interface SendReminderInput {
  payload: unknown;
  job: Job;
  token?: string;
  deps: Pick<JobDeps, 'prisma' | 'channel' | 'composer' | 'pacing' | 'clock' | 'logger' | 'metrics' | 'claimTtlMs' | 'sendRatePerSecond'>;
}

export async function runSendReminder({ payload, job, token, deps }: SendReminderInput): Promise<SendReminderResult> {
  const data: SendReminderPayload = sendReminderJob.schema.parse(payload);
  const { prisma, channel, composer, pacing, clock, metrics } = deps;
  const log = deps.logger.child({ jobId: job.id, reminderId: data.reminderId });
  const plannedAt = new Date(data.plannedAt);

  const reminder = await loadForSend(prisma, data.reminderId);
  const skip = (reason: SendReminderResult, extra: object = {}) => {
    log.info({ reason, ...extra }, 'reminder not sent');
    metrics.skipped.inc({ reason });
    return reason;
  };
  if (!reminder) return skip('gone');
  if (reminder.status === 'SENT') return skip('already-sent');
  if (reminder.status === 'CANCELLED' || reminder.status === 'FAILED') return skip(reminder.status === 'CANCELLED' ? 'cancelled' : 'failed');
  if (reminder.plannedAt.getTime() !== plannedAt.getTime()) return skip('rescheduled');
  if (reminder.chatIdentityId === null || !reminder.chatActive || reminder.chatChannel !== channel.name || reminder.chatExternalId === null) {
    await markFailed(prisma, reminder.id, 'recipient has no active chat on this channel', 'CANCELLED');
    return skip('no-chat');
  }
  const chat = { id: reminder.chatIdentityId, externalId: reminder.chatExternalId };

  // Order inside a chat comes from PostgreSQL: an earlier reminder to the same chat
  // that is still unsent goes first, whatever order the jobs were picked up in.
  if (reminder.hasEarlier) {
    // Come back when this one's turn is likely: after the slots already booked, and after
    // the reminders due before it at the send rate. Checking every second instead would
    // flood the queue with jobs that can only wait.
    const position = await queuePosition(prisma, reminder.id, reminder.plannedAt, clock.now());
    const turnMs = (position / deps.sendRatePerSecond) * 1000;
    log.debug({ position }, 'an earlier reminder to this chat goes first');
    return delayJob(job, token, Math.max(pacing.intervalFor(chat.externalId), await pacing.untilFree(chat.externalId), turnMs));
  }

  // Wait for a send slot within the global rate and the chat's pace, booked in Redis.
  const slot = await pacing.takeSlot(chat.externalId, data.slotAt);
  if (!slot.sendNow) {
    if (slot.slotAt !== undefined) await job.updateData({ ...data, slotAt: slot.slotAt });
    return delayJob(job, token, slot.waitMs);
  }

  const now = clock.now();
  const claim = await claimReminder(prisma, reminder.id, plannedAt, now, deps.claimTtlMs);
  if (!claim.claimed) {
    if (claim.reason === 'claimed-elsewhere') {
      // Another worker is sending it, or crashed while sending: look again when its claim expires.
      return delayJob(job, token, (claim.retryAt?.getTime() ?? now.getTime()) - now.getTime() + 100);
    }
    return skip(claim.reason === 'sent' ? 'already-sent' : claim.reason);
  }

  let message;
  try {
    message = await composer.reminder(reminder.id, now);
  } catch (err) {
    await releaseClaim(prisma, reminder.id, `compose: ${(err as Error).message}`);
    throw err;
  }
  if (!message) {
    await markFailed(prisma, reminder.id, 'nothing to remind any more', 'CANCELLED');
    return skip('not-needed');
  }

  // The last check, right before the request: late jobs using their slots together must
  // not burst past the platform's limits (it counts arrivals, so admit as late as possible).
  const admitWait = await pacing.admit(chat.externalId, `${job.id}:${job.attemptsMade}:${Date.now()}`);
  if (admitWait > 0) {
    await releaseClaim(prisma, reminder.id, 'waiting for room under the send limits');
    return delayJob(job, token, admitWait);
  }

  let messageId: string;
  try {
    ({ messageId } = await channel.send(chat.externalId, message));
  } catch (err) {
    return handleSendError(err, { reminderId: reminder.id, chatIdentityId: chat.id, chatId: chat.externalId, job, token, deps, log });
  }
  const accepted = process.hrtime.bigint();
  // The one window left: the platform has the message and this row does not say so yet.
  // A crash here means the claim expires and the reminder is sent again.
  const sentAt = clock.now();
  const recorded = await recordSent(prisma, reminder.id, messageId, sentAt);
  metrics.unrecordedWindow.observe(Number(process.hrtime.bigint() - accepted) / 1e9);
  if (!recorded) log.warn('reminder sent but its claim had been taken over; a duplicate is possible');
  metrics.sent.inc({ channel: channel.name });
  metrics.lag.observe(Math.max(0, (sentAt.getTime() - reminder.plannedAt.getTime()) / 1000));
  log.info({ messageId, kind: reminder.kind }, 'reminder sent');
  return 'sent';
}

async function handleSendError(
  err: unknown,
  ctx: { reminderId: number; chatIdentityId: number; chatId: string; job: Job; token?: string; deps: SendReminderInput['deps']; log: SendReminderInput['deps']['logger'] },
): Promise<never> {
  const { prisma, pacing, metrics, clock } = ctx.deps;
  if (!(err instanceof DeliveryError)) {
    await releaseClaim(prisma, ctx.reminderId, String(err));
    throw err;
  }
  switch (err.kind) {
    case 'rate-limited': {
      metrics.tooManyRequests.inc();
      metrics.retried.inc({ reason: 'rate-limited' });
      const wait = err.retryAfterMs ?? 1000;
      await pacing.penalise(ctx.chatId, wait);
      await releaseClaim(prisma, ctx.reminderId, err.message);
      ctx.log.warn({ retryAfterMs: wait }, 'rate limited by the platform; retrying after the wait');
      return delayJob(ctx.job, ctx.token, wait);
    }
    case 'recipient-gone': {
      const now = clock.now();
      await prisma.$transaction([
        prisma.chatIdentity.update({
          where: { id: ctx.chatIdentityId },
          data: { active: false, deactivatedAt: now, deactivationReason: err.message.slice(0, 200) },
        }),
        prisma.reminder.updateMany({ where: { id: ctx.reminderId }, data: { status: 'FAILED', claimExpiresAt: null, lastError: err.message.slice(0, 500) } }),
        prisma.auditLog.create({
          data: { actor: 'worker', action: 'chat.deactivated', entityType: 'ChatIdentity', entityId: String(ctx.chatIdentityId), data: { reason: err.message } },
        }),
      ]);
      metrics.failed.inc({ reason: 'recipient-gone' });
      ctx.log.warn({ reason: err.message }, 'recipient is gone; chat marked inactive, not retrying');
      throw new UnrecoverableError(err.message);
    }
    case 'rejected': {
      await markFailed(prisma, ctx.reminderId, err.message);
      metrics.failed.inc({ reason: 'rejected' });
      ctx.log.error({ reason: err.message }, 'the platform refused the message; not retrying');
      throw new UnrecoverableError(err.message);
    }
    case 'transient': {
      await releaseClaim(prisma, ctx.reminderId, err.message);
      const attempts = ctx.job.opts.attempts ?? 1;
      if (ctx.job.attemptsMade + 1 >= attempts) {
        await markFailed(prisma, ctx.reminderId, `gave up after ${attempts} attempts: ${err.message}`);
        metrics.failed.inc({ reason: 'retries-exhausted' });
      } else {
        metrics.retried.inc({ reason: 'transient' });
      }
      throw err;
    }
  }
}
