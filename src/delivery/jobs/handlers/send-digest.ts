// Sends one digest, part by part. Parts already sent are remembered in the job's
// data, so a retry after a failure (or a pause for the chat's pace) goes on where it stopped.
import { UnrecoverableError, type Job } from 'bullmq';
import { DeliveryError, partsForChannel, type OutgoingMessage } from '../../../channels/types.ts';
import { sendDigestJob } from '../definitions/send-digest.ts';
import type { DeliveryRoute, JobDeps } from '../deps.ts';
import { deactivateChatIdentity, deactivateSubscription } from '../../unreachable.ts';
import { delayJob } from './delay-job.ts';

export interface SendDigestInput {
  payload: unknown;
  job: Job;
  token?: string;
  deps: Pick<JobDeps, 'prisma' | 'channels' | 'composer' | 'clock' | 'logger' | 'metrics'>;
}

export async function runSendDigest({ payload, job, token, deps }: SendDigestInput): Promise<number> {
  const raw = payload as { sentParts?: number; slotAt?: number };
  const data = sendDigestJob.schema.parse(payload);
  const sentParts = raw.sentParts ?? 0;
  let slotAt = raw.slotAt;
  const now = deps.clock.now();
  const log = deps.logger.child({ jobId: job.id, digest: data.kind });

  let chatId: string | undefined;
  let route: DeliveryRoute | undefined;
  let parts: OutgoingMessage[];
  const platforms = Object.keys(deps.channels) as Array<keyof typeof deps.channels>;
  /** What a 403 switches off: the leader's chat, or the group's subscription. */
  let deactivate: (reason: string) => Promise<unknown>;
  /** After the last part: what the digest reported is marked reported (composing writes nothing). */
  let afterSent = async (): Promise<void> => undefined;
  if (data.kind === 'overdue') {
    // The leader's chat on a platform this process sends on; the most recently linked when several.
    const chat = await deps.prisma.chatIdentity.findFirst({ where: { officerId: data.officerId, active: true, channel: { in: platforms } }, orderBy: [{ linkedAt: 'desc' }, { id: 'desc' }] });
    route = chat ? deps.channels[chat.channel] : undefined;
    chatId = route ? chat?.externalId : undefined;
    deactivate = (reason) => deps.prisma.$transaction(deactivateChatIdentity(deps.prisma, chat!.id, reason, now));
    const digest = chatId ? await deps.composer.overdueDigest(data.officerId, now) : { parts: [], unreachableShown: [] };
    parts = digest.parts;
    afterSent = () => deps.composer.markUnreachableReported(digest.unreachableShown, now);
  } else {
    const subscription = await deps.prisma.chatSubscription.findUnique({ where: { id: data.subscriptionId } });
    route = subscription?.active ? deps.channels[subscription.channel] : undefined;
    chatId = route ? subscription!.chatId : undefined;
    deactivate = (reason) => deps.prisma.$transaction(deactivateSubscription(deps.prisma, data.subscriptionId, reason));
    parts = !chatId ? [] : data.kind === 'weekly' ? await deps.composer.weeklySummary(data.subscriptionId, now) : await deps.composer.groupOverdueDigest(data.subscriptionId, now);
  }
  // A chart goes where the channel can upload it; elsewhere its text version is enough.
  if (route) parts = partsForChannel(route.channel, parts);
  if (!chatId || !route || parts.length === 0) {
    log.info({ hasChat: Boolean(chatId) }, 'nothing to send');
    return 0;
  }

  const { channel, pacing } = route;
  for (let i = sentParts; i < parts.length; i++) {
    const slot = await pacing.takeSlot(chatId, slotAt);
    if (!slot.sendNow) {
      await job.updateData({ ...data, sentParts: i, ...(slot.slotAt !== undefined ? { slotAt: slot.slotAt } : {}) });
      return delayJob(job, token, slot.waitMs);
    }
    slotAt = undefined;
    const admitWait = await pacing.admit(chatId, `${job.id}:${i}:${job.attemptsMade}`);
    if (admitWait > 0) {
      await job.updateData({ ...data, sentParts: i });
      return delayJob(job, token, admitWait);
    }
    try {
      await channel.send(chatId, parts[i]!);
    } catch (err) {
      if (err instanceof DeliveryError && err.kind === 'rejected' && parts[i]!.photo) {
        // A chart the platform refuses (not an image to it, too large) does not hold back the text after it.
        log.warn({ reason: err.message, part: i }, 'chart refused; the digest goes on without it');
        continue;
      }
      await job.updateData({ ...data, sentParts: i });
      if (err instanceof DeliveryError) {
        if (err.kind === 'rate-limited') {
          deps.metrics.tooManyRequests.inc();
          await pacing.penalise(chatId, err.retryAfterMs ?? 1000);
          return delayJob(job, token, err.retryAfterMs ?? 1000);
        }
        if (err.kind === 'recipient-gone') {
          await deactivate(err.message);
          deps.metrics.failed.inc({ reason: 'recipient-gone' });
          log.warn({ reason: err.message }, 'digest recipient is gone; switched off, not retrying');
          throw new UnrecoverableError(err.message);
        }
        if (err.kind === 'rejected') throw new UnrecoverableError(err.message);
      }
      throw err;
    }
  }
  await afterSent();
  log.info({ parts: parts.length }, 'digest sent');
  return parts.length;
}
