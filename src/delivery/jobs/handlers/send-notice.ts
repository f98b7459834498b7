// The send-notice job: one turn of delivering a notice (delivery/notice-delivery.ts). A wait goes
// back to the delayed set with the slot it booked; a recipient gone or a refusal fails the job
// for good (the row says FAILED); a transient error is retried by BullMQ with backoff.
// Without workers (a bot run alone, some tests) the bot runs the same turns in-process: sendNoticesNow.
import { UnrecoverableError, type Job } from 'bullmq';
import { deliverNotice, type NoticeDeps, type NoticeStep } from '../../notice-delivery.ts';
import { sendNoticeJob, type SendNotices } from '../definitions/send-notice.ts';
import type { JobDeps } from '../deps.ts';
import { delayJob } from './delay-job.ts';

export interface SendNoticeInput {
  payload: unknown;
  job: Job;
  token?: string;
  deps: Pick<JobDeps, 'prisma' | 'sql' | 'channels' | 'composer' | 'clock' | 'logger' | 'metrics' | 'claimTtlMs'>;
}

export async function runSendNotice({ payload, job, token, deps }: SendNoticeInput): Promise<NoticeStep['outcome']> {
  const data = sendNoticeJob.schema.parse(payload);
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const step = await deliverNotice({ ...deps, logger: deps.logger.child({ jobId: job.id }) }, data.noticeId, { ...(data.slotAt ? { slotAt: data.slotAt } : {}), sendId: `${job.id}:${job.attemptsMade}:${Date.now()}`, lastAttempt });
  if (step.outcome === 'wait') {
    await job.updateData({ noticeId: data.noticeId, ...(step.slotAt !== undefined ? { slotAt: step.slotAt } : {}) });
    return delayJob(job, token, step.waitMs);
  }
  if (step.outcome === 'failed') throw new UnrecoverableError(step.reason);
  return step.outcome;
}

/** In-process, a wait longer than this is not waited out: the notice stays PENDING (reconcile queues it where workers run). */
const MAX_IN_PROCESS_WAIT_MS = 10_000;

/**
 * The same turns in the bot's process, for a bot without a delivery queue: each notice is sent now
 * through the bot's own routes, waiting out short pauses (the chat's pace). Never throws: the
 * person who acted has their answer; a notice that could not go stays PENDING, or is FAILED.
 */
export function sendNoticesNow(deps: NoticeDeps): SendNotices {
  let sequence = 0;
  return async (noticeIds) => {
    for (const noticeId of noticeIds) {
      const started = Date.now();
      let slotAt: number | undefined;
      try {
        for (;;) {
          const step = await deliverNotice(deps, noticeId, { ...(slotAt !== undefined ? { slotAt } : {}), sendId: `bot:${process.pid}:${++sequence}`, lastAttempt: false });
          if (step.outcome !== 'wait') break;
          if (Date.now() - started + step.waitMs > MAX_IN_PROCESS_WAIT_MS) {
            deps.logger.warn({ noticeId, waitMs: step.waitMs }, 'notice left pending: the wait is too long to hold the update');
            break;
          }
          slotAt = step.slotAt;
          await new Promise((resolve) => setTimeout(resolve, step.waitMs));
        }
      } catch (err) {
        deps.logger.warn({ err, noticeId }, 'notice not sent; left pending');
      }
    }
  };
}
