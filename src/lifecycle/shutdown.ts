// Ordered, once-only shutdown. Steps run in the order they were added to the
// list below by main.ts (stop taking updates first, quit Redis last).
import type { Logger } from '../logger.ts';

export interface ShutdownStep {
  name: string;
  run(): Promise<unknown>;
}

export function createShutdown(logger: Logger, timeoutMs: number) {
  const steps: ShutdownStep[] = [];
  let running: Promise<number> | undefined;

  async function runAll(reason: string): Promise<number> {
    logger.info({ reason }, 'shutting down');
    let code = 0;
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    for (const step of steps) {
      try {
        await step.run();
        logger.debug({ step: step.name }, 'closed');
      } catch (err) {
        code = 1;
        logger.error({ err, step: step.name }, 'error while closing');
      }
    }
    clearTimeout(deadline);
    logger.info('stopped');
    return code;
  }

  return {
    add(name: string, run: () => Promise<unknown>) {
      steps.push({ name, run });
    },
    /** The first call starts the shutdown; later calls (a second signal) get the same promise. */
    run(reason: string): Promise<number> {
      running ??= runAll(reason);
      return running;
    },
  };
}

export type Shutdown = ReturnType<typeof createShutdown>;
