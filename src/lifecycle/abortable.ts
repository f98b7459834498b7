// Start-up waits on things outside the process (PostgreSQL, Redis, Telegram) that can hang
// for ever when unreachable. A signal must still end it: each wait is raced against an abort.

export class StartAborted extends Error {
  constructor(reason: string) {
    super(`start-up stopped by ${reason}`);
    this.name = 'StartAborted';
  }
}

/** The promise's outcome, or a StartAborted rejection as soon as the signal aborts (the promise itself runs on). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new StartAborted(String(signal.reason)));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StartAborted(String(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
