// Send one notice (an extension asked or decided, a result to confirm ...: tasks/notices.ts) to
// its recipient. Ids only: the row names the recipient and the payload's ids; the message is
// composed when the job runs. One job per notice (jobId notice-<id>), queued by the bot after the
// action's commit, and again by reconcile for a row whose job was lost.
import type { JobsOptions, Queue } from 'bullmq';
import { z } from 'zod';
import { addWithin, QUEUE_ADD_TIMEOUT_MS } from '../add-within.ts';
import { DELIVERY_QUEUE } from './queues.ts';

export const sendNoticePayloadSchema = z.object({
  noticeId: z.number().int().positive().max(2 ** 31 - 1),
  /** Epoch ms of the send slot this job booked before it went to wait for it. */
  slotAt: z.number().int().positive().optional(),
});
export type SendNoticePayload = z.infer<typeof sendNoticePayloadSchema>;

export const sendNoticeJob = {
  name: 'send-notice',
  queue: DELIVERY_QUEUE,
  schema: sendNoticePayloadSchema,
  /** BullMQ ids may not be all digits. */
  jobId: (p: Pick<SendNoticePayload, 'noticeId'>) => `notice-${p.noticeId}`,
} as const;

/** Retries of a transient failure (5xx, network); the last one marks the notice FAILED. */
export const SEND_NOTICE_ATTEMPTS = 5;

export const SEND_NOTICE_JOB_OPTIONS: JobsOptions = {
  attempts: SEND_NOTICE_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Sends the notices written by an action (after its commit); never throws. */
export type SendNotices = (noticeIds: number[]) => Promise<void>;

/**
 * Queues one send-notice job per notice, all within one timeout: the person who acted waits for
 * the answer. A notice not queued (Redis away) stays PENDING and reconcile queues it later.
 */
export function noticeRequester(queue: Queue, logger: { warn(obj: object): void }, options: { timeoutMs?: number } = {}): SendNotices {
  return async (noticeIds) => {
    await Promise.all(noticeIds.map(async (noticeId) => {
      try {
        await addWithin(queue, sendNoticeJob.name, { noticeId }, { ...SEND_NOTICE_JOB_OPTIONS, jobId: sendNoticeJob.jobId({ noticeId }) }, options.timeoutMs ?? QUEUE_ADD_TIMEOUT_MS);
      } catch (err) {
        logger.warn({ err, msg: 'could not queue send-notice; reconcile will', noticeId });
      }
    }));
  };
}

export async function addSendNoticeJob(queue: Queue, noticeId: number): Promise<void> {
  await queue.add(sendNoticeJob.name, { noticeId }, { ...SEND_NOTICE_JOB_OPTIONS, jobId: sendNoticeJob.jobId({ noticeId }) });
}
