// Queuing for a person who waits: BullMQ's add waits for Redis as long as it takes, so past a
// few seconds the caller is told it failed (and says so) while the add may still land later
// (the job then runs under its own id, once).
import type { JobsOptions, Queue } from 'bullmq';

/** A person is waiting for the answer: past this, queuing counts as failed. */
export const QUEUE_ADD_TIMEOUT_MS = 5_000;

export async function addWithin(queue: Queue, name: string, data: unknown, options: JobsOptions, timeoutMs = QUEUE_ADD_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const added = queue.add(name, data, options);
    added.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`queue did not answer in ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([added, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * addWithin for a request that must not fail the answer that made it: true when queued; false,
 * after telling onFailure, when the payload is refused or the queue does not answer in time.
 */
export async function queuedWithin(queue: Queue, name: string, data: () => unknown, options: JobsOptions, onFailure: (err: unknown) => void, timeoutMs?: number): Promise<boolean> {
  try {
    await addWithin(queue, name, data(), options, timeoutMs);
    return true;
  } catch (err) {
    onFailure(err);
    return false;
  }
}
