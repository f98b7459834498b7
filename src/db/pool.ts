// A plain `pg` pool for the statements of the webhook's hot path: a Prisma raw query costs
// several times the CPU of the same query sent by `pg` here. Results are parsed like Prisma's
// (`date` and `timestamp` as UTC Dates, int8 as BigInt), so both paths return the same rows.
import pg from 'pg';

const { builtins } = pg.types;

const PARSERS: Partial<Record<number, (value: string) => unknown>> = {
  [builtins.DATE]: (value) => new Date(`${value}T00:00:00Z`),
  [builtins.TIMESTAMP]: (value) => new Date(`${value.replace(' ', 'T')}Z`),
  [builtins.INT8]: (value) => BigInt(value),
};

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (format !== 'binary' && PARSERS[oid]) || pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PgPoolOptions {
  max?: number;
  /** Connections opened at once (before the first update): no connection set-up inside a burst. */
  warm?: number;
  onError?: (err: Error) => void;
}

/**
 * Settings of this pool's sessions (it runs only the short statements of pgRunner, keyed by ids
 * and codes).
 * - No JIT: on tables without statistics yet (just imported) PostgreSQL's estimates can be high
 *   enough to JIT-compile each statement (measured: 200 ms of compiling for a 4 ms batch read).
 * - Generic plans for the prepared statements: left to choose, PostgreSQL planned the /tasks page
 *   anew on every execution (a custom plan looked cheaper than the generic one); planned once,
 *   PostgreSQL's CPU per /tasks fell from 1.42 to 0.83 ms, and by ~5% for answers (bench
 *   harness, 2026-12-03). These statements find rows by key, which a generic plan does as well.
 */
export const SESSION_SETTINGS = '-c jit=off -c plan_cache_mode=force_generic_plan';

/** Kept open while idle: a reconnect costs a new PostgreSQL backend with cold caches. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

export async function openPgPool(databaseUrl: string, options: PgPoolOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, idleTimeoutMillis: IDLE_TIMEOUT_MS, types, options: SESSION_SETTINGS });
  // An idle connection's error (server restart) is emitted on the pool; unhandled, it would end the process.
  pool.on('error', options.onError ?? (() => undefined));
  const warm = Math.min(options.warm ?? 0, options.max ?? 10);
  try {
    const clients = await Promise.all(Array.from({ length: warm }, () => pool.connect()));
    for (const client of clients) client.release();
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pool;
}

export type PgPool = pg.Pool;
