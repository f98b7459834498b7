// Dispatches argv to a command; owns exit codes and the lifetime of the database client.
import { ConfigError, createConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createPrisma } from '../db/client.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { systemClock, type Clock } from '../clock.ts';
import { InputError, UsageError, type CliCommand, type CliContext, type CliIo } from './command.ts';
import { commands as allCommands } from './commands/index.ts';
import { cliTranslator } from './cli-text.ts';
import { databaseProblem } from './db-errors.ts';
import { createPlanningRequester, type RequestPlanning } from './plan-now.ts';

/** The language asked for, read before the command parses its options (for errors raised outside it). */
function requestedLang(args: string[]): 'vi' | 'en' {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.slice('--lang='.length) : args[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

export function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Nhắc Việc command-line tool',
    '',
    'Usage: npm run -s cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `npm run -s cli -- <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

export interface RunCliOptions {
  io: CliIo;
  env?: Record<string, string | undefined>;
  commands?: CliCommand[];
  clock?: Clock;
  /** Default: a plan-tasks job on the configured Redis. */
  requestPlanning?: RequestPlanning;
}

export async function runCli(argv: string[], { io, env, commands = allCommands, clock = systemClock, requestPlanning }: RunCliOptions): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`error: unknown command "${name}"\nusage: npm run -s cli -- <command> [options]; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`usage: npm run -s cli -- ${command.usage}\n${command.summary}\n`);
    return 0;
  }

  let config: Config;
  try {
    config = createConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  // CLI output belongs to stdout; logs go to stderr so JSON output stays parseable.
  // Logs to stderr: stdout carries the command's result (--json must stay parseable).
  const logger = createLogger({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, destination: 'stderr' });
  let prisma: PrismaClient | undefined;
  const ctx: CliContext = {
    io,
    config,
    logger,
    db: async () => (prisma ??= createPrisma(config.DATABASE_URL)),
    clock,
    requestPlanning: requestPlanning ?? createPlanningRequester(config, logger),
  };
  try {
    return await command.run(args, ctx);
  } catch (err) {
    // node:util parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes.
    const parseArgsError = String((err as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
    if (err instanceof UsageError || parseArgsError) {
      io.stderr.write(`error: ${(err as Error).message}\nusage: npm run -s cli -- ${command.usage}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    const problem = databaseProblem(err);
    if (problem) {
      const t = cliTranslator(requestedLang(args));
      io.stderr.write(`error: ${t(problem.kind === 'not-ready' ? 'cli-db-not-ready' : 'cli-db-unreachable', { detail: problem.detail })}\n`);
      return 1;
    }
    io.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await prisma?.$disconnect();
  }
}
