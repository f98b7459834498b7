// A job that speaks to a person now (an export's document, a report's chart) takes the same
// send budget as the reminders: the global rate and the chat's pace. A short wait is waited; a
// long one puts the job back in the delayed set.
import type { Job } from 'bullmq';
import type { DeliveryRoute } from '../deps.ts';
import { delayJob } from './delay-job.ts';

/** Waiting for the send budget beyond this moves the job to the delayed set instead. */
const MAX_ADMIT_WAIT_MS = 10_000;

/** Waits for the shared send budget (the same admission reminders take); a long wait goes back to the delayed set. */
export async function admitSend(route: DeliveryRoute, chatId: string, sendId: string, job: Job, token: string | undefined): Promise<void> {
  const started = Date.now();
  for (;;) {
    const wait = await route.pacing.admit(chatId, sendId);
    if (wait <= 0) return;
    if (Date.now() - started + wait > MAX_ADMIT_WAIT_MS) await delayJob(job, token, wait);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
