// Runs the CLI in-process with captured streams, as `npm run -s cli -- ...` would.
import { PassThrough, Readable } from 'node:stream';
import type { Clock } from '../../src/clock.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import type { RequestPlanning } from '../../src/cli/plan-now.ts';
import { fixedClock } from '../../src/clock.ts';
import { recordOutput } from './test-log.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `now` (an instant) or `clock`: the CLI's clock for the run; the real one otherwise. */
export async function runCliCapture(argv: string[], options: { env?: Record<string, string | undefined>; stdin?: string; isTty?: boolean; now?: string; clock?: Clock; requestPlanning?: RequestPlanning } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli(argv, {
    io: { stdin: Readable.from([options.stdin ?? '']), stdout, stderr, isTty: options.isTty ?? false },
    env: options.env ?? {},
    // The shared Redis's default prefix is no test's: imports leave planning to reconcile unless a test wires a queue.
    requestPlanning: options.requestPlanning ?? (async () => false),
    ...(options.clock ? { clock: options.clock } : options.now ? { clock: fixedClock(options.now) } : {}),
  });
  recordOutput(`cli ${argv.slice(0, 2).join(' ')}`, out + err);
  return { code, stdout: out, stderr: err };
}
