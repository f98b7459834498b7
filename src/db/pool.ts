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

/** Kept open while idle: a reconnect costs a new PostgreSQL backend with cold caches. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

export async function openPgPool(databaseUrl: string, options: PgPoolOptions = {}): Promise<pg.Pool> {
  // No JIT: these are short statements, and on tables without statistics yet (just imported)
  // PostgreSQL's estimates can be high enough to JIT-compile each one (measured: 200 ms of
  // compiling for a 4 ms batch read of planning).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, idleTimeoutMillis: IDLE_TIMEOUT_MS, types, options: '-c jit=off' });
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
