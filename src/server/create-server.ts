// The HTTP server: health for orchestrators, readiness of PostgreSQL and Redis,
// and mount points that other features register (webhook, metrics, admin board).
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface ServerDeps {
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
  /** Extra readiness facts, e.g. whether the bot is configured. */
  status?: () => Record<string, unknown>;
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms).unref()),
  ]);
}

export function createServer({ logger, prisma, redis, status }: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Our onResponse hook logs each request once, at a level by status.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });

  app.addHook('onResponse', async (request, reply) => {
    // 4xx are the client's problem (info); 5xx are ours (error).
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'info' : 'debug';
    request.log[level]({ method: request.method, url: request.routeOptions.url ?? request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const [database, cache] = await Promise.allSettled([
      withTimeout(prisma.$queryRawUnsafe('SELECT 1'), CHECK_TIMEOUT_MS, 'PostgreSQL'),
      withTimeout(redis.ping(), CHECK_TIMEOUT_MS, 'Redis'),
    ]);
    const checks = {
      postgres: database.status === 'fulfilled' ? 'ok' : String((database.reason as Error).message),
      redis: cache.status === 'fulfilled' ? 'ok' : String((cache.reason as Error).message),
    };
    const ready = checks.postgres === 'ok' && checks.redis === 'ok';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks, ...status?.() });
  });

  return app;
}
