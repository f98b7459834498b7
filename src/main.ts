// The only entry point of the service: `npm start [-- --role all|bot|worker|http] [--sandbox]`.
import { parseArgs } from 'node:util';
import { ConfigError, createConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { StartAborted } from './lifecycle/abortable.ts';
import { decideSandbox } from './sandbox/mode.ts';
import { MISSING_TOKEN_MESSAGE, ROLES, SANDBOX_TOKEN_MESSAGE, startService, type Role, type RunningService } from './service.ts';

function usage(message: string): never {
  process.stderr.write(`error: ${message}\nusage: npm start -- [--role ${ROLES.join('|')}] [--sandbox]\n`);
  process.exit(2);
}

let role: Role = 'all';
let sandboxFlag = false;
try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { role: { type: 'string' }, sandbox: { type: 'boolean' } } });
  sandboxFlag = values.sandbox ?? false;
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

const decision = decideSandbox(config, role, sandboxFlag);
if ('error' in decision) usage(decision.error);
const sandbox = decision.sandbox;
const logger = createLogger({ level: config.LOG_LEVEL });
if (sandbox) {
  process.stderr.write(`${SANDBOX_TOKEN_MESSAGE}\n`);
  // The address first, before migrations and the demo import log anything (a chosen port is known now).
  if (config.HTTP_PORT) process.stderr.write(`Sandbox: open http://${config.HTTP_HOST}:${config.HTTP_PORT}/ in a browser (starting…)\n`);
} else if (!config.telegram.token && (role === 'all' || role === 'bot')) process.stderr.write(`${MISSING_TOKEN_MESSAGE}\n`);

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
  service = await startService(config, logger, role, { signal: starting.signal, sandbox });
  if (service.sandboxUrl) process.stderr.write(`Sandbox ready: ${service.sandboxUrl}\n`);
} catch (err) {
  if (err instanceof StartAborted) {
    // Waits that were cut short may still hold sockets open: end here rather than wait on them.
    process.exit(0);
  }
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}
if (starting.signal.aborted) stop(String(starting.signal.reason));
