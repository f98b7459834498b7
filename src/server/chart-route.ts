// GET /charts/<id>.png: a chart stored for a platform that fetches photos by URL (Zalo). No
// auth: the 24-character random id is the secret, and the request log names the route
// pattern, not the id. Unknown, malformed and expired ids all answer the same 404.
import type { FastifyInstance } from 'fastify';
import type { ChartStore } from '../reports/charts/chart-store.ts';

const FILE = /^([A-Za-z0-9_-]{24})\.png$/;

export function registerChartRoute(app: FastifyInstance, store: ChartStore): void {
  app.get<{ Params: { file: string } }>('/charts/:file', async (request, reply) => {
    const id = FILE.exec(request.params.file)?.[1];
    const png = id ? await store.get(id) : undefined;
    if (!png) return reply.code(404).header('cache-control', 'no-store').send({ error: 'not found' });
    return reply
      .header('content-type', 'image/png')
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(png);
  });
}
