// The shape every CLI command has. Commands get their I/O and services passed in,
// so tests run them in-process against real services without spawning.
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Clock } from '../clock.ts';
import type { RequestPlanning } from './plan-now.ts';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** True when stdout is a terminal (progress bars, colours). */
  isTty: boolean;
}

export interface CliContext {
  io: CliIo;
  config: Config;
  logger: Logger;
  /** Opens the database on first use; closed by the CLI runner at exit. */
  db(): Promise<PrismaClient>;
  /** "Now" for everything a command decides by date (overdue, windows, invite expiry); fixed in tests. */
  clock: Clock;
  /** Asks the running service to plan and queue reminders now (a plan-tasks job); false when Redis cannot be reached. */
  requestPlanning: RequestPlanning;
}

export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Usage line printed with errors, e.g. `deadline "<text>" [--ref YYYY-MM-DD] [--reminders]`. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 failure, 2 bad input/usage. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Thrown by a command for bad arguments or bad input: printed as one line with the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input data (a file that is not a plan ...): printed as one line, exit 2, without the usage. */
export class InputError extends Error {
  override name = 'InputError';
}
