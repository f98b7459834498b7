// Admin pages behind ADMIN_TOKEN: Prometheus metrics and the Bull Board queue view.
// Without a token they are not mounted at all (404), so nothing is open by default.
import { timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Metrics } from '../metrics.ts';

export const ADMIN_PREFIX = '/admin';

export interface AdminOptions {
  token: string;
  queues: Queue[];
  metrics: Metrics;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Accepts "Authorization: Bearer <token>" (scripts, Prometheus) or Basic auth with the token as password (browsers). */
export function isAdmin(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme === 'Bearer') return sameSecret(value, token);
  if (scheme === 'Basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return sameSecret(decoded.slice(decoded.indexOf(':') + 1), token);
  }
  return false;
}

export async function registerAdmin(app: FastifyInstance, options: AdminOptions): Promise<void> {
  const board = new FastifyAdapter();
  board.setBasePath(`${ADMIN_PREFIX}/queues`);
  createBullBoard({ queues: options.queues.map((q) => new BullMQAdapter(q)), serverAdapter: board });

  await app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request, reply) => {
        if (isAdmin(request, options.token)) return;
        request.log.info({ url: request.url }, 'admin request refused');
        await reply.code(401).header('www-authenticate', 'Basic realm="Nhac Viec admin"').send({ error: 'admin token required' });
      });
      admin.get('/metrics', async (_request, reply) => {
        reply.header('content-type', options.metrics.registry.contentType);
        return options.metrics.registry.metrics();
      });
      await admin.register(board.registerPlugin(), { prefix: '/queues' });
    },
    { prefix: ADMIN_PREFIX },
  );
}
