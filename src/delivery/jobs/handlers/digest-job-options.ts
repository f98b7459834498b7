import type { JobsOptions } from 'bullmq';

/** Completed digest jobs stay two days so that a repeated fan-out the same day adds nothing. */
export function digestJobOptions(jobId: string): JobsOptions {
  return {
    jobId,
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 2 * 24 * 3600 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
