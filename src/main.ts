// The only entry point of the service: `npm start [-- --role all|bot|worker|http]`.
import { parseArgs } from 'node:util';
import { ConfigError, createConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { StartAborted } from './lifecycle/abortable.ts';
import { MISSING_TOKEN_MESSAGE, ROLES, startService, type Role, type RunningService } from './service.ts';

function usage(message: string): never {
  process.stderr.write(`error: ${message}\nusage: npm start -- [--role ${ROLES.join('|')}]\n`);
  process.exit(2);
}

let role: Role = 'all';
try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { role: { type: 'string' } } });
  if (values.role !== undefined) {
    if (!(ROLES as readonly string[]).includes(values.role)) usage(`unknown role "${values.role}"`);
    role = values.role as Role;
  }
} catch (err) {
  usage((err as Error).message);
}

let config;
try {
  config = createConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const logger = createLogger({ level: config.LOG_LEVEL });
if (!config.telegram.token && (role === 'all' || role === 'bot')) process.stderr.write(`${MISSING_TOKEN_MESSAGE}\n`);

// Signals are handled from the first moment. One that arrives during start-up cuts
// start-up short: what is already open is closed in order and the process ends,
// even while PostgreSQL, Redis or Telegram do not answer.
let service: RunningService | undefined;
const starting = new AbortController();
const stop = (reason: string) => {
  void service!.stop(reason).then((code) => {
    process.exitCode = code;
  });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (service) return stop(signal);
    if (starting.signal.aborted) return;
    logger.info({ signal }, 'signal during start-up: stopping');
    starting.abort(signal);
  });
}

try {
  service = await startService(config, logger, role, { signal: starting.signal });
} catch (err) {
  if (err instanceof StartAborted) {
    // Waits that were cut short may still hold sockets open: end here rather than wait on them.
    process.exit(0);
  }
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}
if (starting.signal.aborted) stop(String(starting.signal.reason));
