// Time as a dependency, so handlers and planners can be tested at any instant.
export interface Clock {
  now(): Date;
  /**
   * Real milliseconds that pass while this clock advances `clockMs`: what a queued job's delay
   * must be. Absent: the same (only the sandbox's fast clock runs at another pace).
   */
  realMs?(clockMs: number): number;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (to) => (current = new Date(to)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

/**
 * A clock that starts at the real time and runs `factor` times faster: at 60, a working day
 * passes in about nine real minutes, so the sandbox's reminders due in days arrive in minutes.
 */
export function fastClock(factor: number, startedAt: number = Date.now(), realNow: () => number = Date.now): Clock {
  return {
    now: () => new Date(startedAt + (realNow() - startedAt) * factor),
    realMs: (clockMs) => clockMs / factor,
  };
}
