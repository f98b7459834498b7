// Moving a job back to the delayed set is how a worker "waits" without holding a
// slot: BullMQ runs it again at the given time. Real time, not the injected clock:
// Redis promotes delayed jobs by its own clock.
import { DelayedError, type Job } from 'bullmq';

export async function delayJob(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + Math.max(1, Math.ceil(ms)), token);
  throw new DelayedError();
}
