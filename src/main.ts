// The only entry point of the service: `npm start [-- --role all|bot|worker|http]`.
import { parseArgs } from 'node:util';
import { ConfigError, createConfig } from './config.ts';
import { createLogger } from './logger.ts';
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

// Signals are handled from the first moment: one that arrives during start-up
// stops the service as soon as it is up, instead of killing it half-started.
let service: RunningService | undefined;
let pendingSignal: string | undefined;
const stop = (reason: string) => {
  void service!.stop(reason).then((code) => {
    process.exitCode = code;
  });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => (service ? stop(signal) : (pendingSignal ??= signal)));
}

try {
  service = await startService(config, logger, role);
} catch (err) {
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}
if (pendingSignal) stop(pendingSignal);
