// Charts served by URL for platforms that take photos only that way (Zalo): the PNG is kept in
// Redis for a day under an id of 18 random bytes (base64url, 24 characters). The id is the only
// secret of the URL, so it is never logged above debug and nothing lists the stored charts.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** How long a chart's URL works: the weekly summary is read the same day. */
export const CHART_TTL_SECONDS = 24 * 3600;
/** Telegram's photo limit; a chart is a few hundred KB. */
const MAX_CHART_BYTES = 10 * 1024 * 1024;
const ID_BYTES = 18;
export const CHART_ID = /^[A-Za-z0-9_-]{24}$/;

export interface ChartStore {
  /** Stores the PNG and returns its id. */
  put(png: Uint8Array): Promise<string>;
  /** The PNG, or undefined when the id is unknown or expired. */
  get(id: string): Promise<Buffer | undefined>;
}

export function createChartStore(redis: Redis, prefix: string, options: { ttlSeconds?: number } = {}): ChartStore {
  const ttl = options.ttlSeconds ?? CHART_TTL_SECONDS;
  const key = (id: string) => `${prefix}:chart:${id}`;
  return {
    async put(png) {
      if (png.length > MAX_CHART_BYTES) throw new Error(`chart of ${png.length} bytes is over ${MAX_CHART_BYTES}`);
      const id = randomBytes(ID_BYTES).toString('base64url');
      await redis.set(key(id), Buffer.from(png), 'EX', ttl);
      return id;
    },
    async get(id) {
      if (!CHART_ID.test(id)) return undefined;
      return (await redis.getBuffer(key(id))) ?? undefined;
    },
  };
}

/** "https://nhacviec.example.gov.vn/charts/<id>.png"; a base URL with a path keeps it. */
export function chartUrl(publicBaseUrl: string, id: string): string {
  return new URL(`charts/${id}.png`, publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`).toString();
}

/** Stores a chart and gives the URL a platform fetches it from. */
export type PublishChart = (png: Uint8Array) => Promise<string>;

export function chartPublisher(store: ChartStore, publicBaseUrl: string): PublishChart {
  return async (png) => chartUrl(publicBaseUrl, await store.put(png));
}
