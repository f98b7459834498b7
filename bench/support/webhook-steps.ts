// The rate ladder of the webhook bench and how its results are read: pure, no I/O.
export const DEFAULT_RATES = [50, 100, 200, 300, 400, 600, 800] as const;

/** A step is sustained when every update was answered 200 in time and the p99 stays under this. */
export const P99_LIMIT_MS = 50;
/** The ladder of a bot stops after this many failed steps in a row: higher rates only queue longer. */
export const FAILURES_TO_STOP = 2;

export interface StepLoad {
  sent: number;
  ok: number;
  errors: number;
  timeouts: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  maxSendLagMs: number;
}

export interface StepResult extends StepLoad {
  rate: number;
  cpuMsPerUpdate: number;
  /** Of which in the kernel (system calls: sockets, epoll): the round trips' share. */
  sysMsPerUpdate: number;
  /** The collector's pauses per update, its longest pause, the event loop's longest stall and the heap at the step's end. */
  gcMsPerUpdate: number;
  gcLongestMs: number;
  loopLongestMs: number;
  heapUsedMb: number;
  /** Wall time of ours's pg statements (pool wait included). */
  pgP50Ms: number;
  pgP99Ms: number;
  /** Round trips the server started per update answered, by kind. */
  trips?: { updates: number; http: number; pg: number; prisma: number; redis: number };
}

/**
 * How long a step runs: long enough for `minSeconds` and for `minSamples` updates, so that the
 * p99 of a slow step rests on at least minSamples / 100 of the slowest answers.
 */
export function stepSeconds(rate: number, options: { minSeconds: number; minSamples: number }): number {
  return Math.max(options.minSeconds, Math.ceil(options.minSamples / rate));
}

export function sustained(step: StepResult): boolean {
  return step.ok === step.sent && step.errors === 0 && step.timeouts === 0 && step.p99 < P99_LIMIT_MS;
}

/** Every update of the step was answered (within the generator's timeout): the bot kept up, whatever its p99. */
export function keptUp(step: StepResult): boolean {
  return step.ok === step.sent;
}

/** Whether a bot's ladder goes on after these steps (in rate order): not after `failuresToStop` failed steps in a row, nor after one it did not keep up with. */
export function continues(steps: StepResult[], failuresToStop = FAILURES_TO_STOP): boolean {
  const last = steps.at(-1);
  if (last && !keptUp(last)) return false;
  const tail = steps.slice(-failuresToStop);
  return !(tail.length === failuresToStop && tail.every((s) => !sustained(s)));
}

/** The highest rate sustained (0 when none was). A failed step between two sustained ones does not lower it: it is noise on a shared machine, and the table shows it. */
export function capacity(steps: StepResult[]): number {
  return Math.max(0, ...steps.filter(sustained).map((s) => s.rate));
}

/** The highest rate every update was answered at, whatever the p99: throughput, for a machine too noisy for the p99 target. */
export function throughputCapacity(steps: StepResult[]): number {
  return Math.max(0, ...steps.filter(keptUp).map((s) => s.rate));
}

/** CPU per update of both bots at one rate, and ours / echo. */
export interface CpuAtRate {
  rate: number;
  echo: number;
  ours: number;
  ratio: number;
}

/**
 * CPU per update compared rate by rate, at the rates where both bots' steps count (by default:
 * both answered every update). Compared at equal rates, because a bot's CPU per update falls as
 * the rate rises (a fixed cost per second spreads over more updates, and more updates share an
 * event-loop turn): a median of each bot's own figures would compare different mixes of rates.
 */
export function cpuAtEqualRates(echo: StepResult[], ours: StepResult[], counts: (step: StepResult) => boolean = keptUp): CpuAtRate[] {
  return ours.filter(counts).flatMap((o) => {
    const e = echo.find((x) => x.rate === o.rate && counts(x));
    return e ? [{ rate: o.rate, echo: e.cpuMsPerUpdate, ours: o.cpuMsPerUpdate, ratio: o.cpuMsPerUpdate / e.cpuMsPerUpdate }] : [];
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function cell(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** One line per rate: both bots side by side. */
export function summaryTable(echo: StepResult[], ours: StepResult[], rates: readonly number[]): string[] {
  const head = ['offered/s', 'echo got/s', 'p50', 'p99', 'CPU ms/upd', 'ok', '|', 'ours got/s', 'p50', 'p99', 'CPU ms/upd', 'ok'];
  const rows = rates.map((rate) => {
    const side = (steps: StepResult[]) => {
      const s = steps.find((x) => x.rate === rate);
      if (!s) return ['(stopped)', '', '', '', ''];
      const bad = s.sent - s.ok;
      return [cell(s.perSecond, 0), cell(s.p50), cell(s.p99), cell(s.cpuMsPerUpdate, 2), sustained(s) ? 'yes' : bad > 0 ? `no (${bad} lost)` : 'no'];
    };
    const [a, b] = [side(echo), side(ours)];
    return [String(rate), ...a, '|', ...b];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // The verdict column is left-aligned; numbers are right-aligned.
  const line = (cells: string[]) => cells.map((c, i) => (head[i] === 'ok' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}
