// Every log line the suite writes goes to one directory (made by global-setup), at trace
// level, so the global teardown can check that none carries a secret. Set TEST_LOG_LEVEL to
// see the logs on stderr instead while debugging.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createLogger, type Logger } from '../../src/logger.ts';

function logFile(): string {
  return join(inject('logDir'), `worker-${process.pid}.log`);
}

let destination: ReturnType<typeof pino.destination> | undefined;

/** The service's own logger (with its scrubbing), writing every level to the suite's log directory. */
export function testLogger(): Logger {
  if (process.env.TEST_LOG_LEVEL) return createLogger({ level: process.env.TEST_LOG_LEVEL, destination: 'stderr' });
  destination ??= pino.destination({ dest: logFile(), append: true, sync: true, mkdir: true });
  return createLogger({ level: 'trace', stream: destination });
}

/** Output of a CLI run or a spawned service, kept with the suite's logs for the same check. */
export function recordOutput(label: string, text: string): void {
  if (!text) return;
  appendFileSync(logFile(), `--- ${label}\n${text}${text.endsWith('\n') ? '' : '\n'}`);
}
