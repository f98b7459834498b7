// The seam the bot's hot-path statements run through: a plain `pg` pool in the service, or
// the Prisma client where no pool is wired (tools, tests that count Prisma calls). Statements
// are Prisma.sql fragments either way, so each is written once; rows come back shaped like
// Prisma's $queryRaw results (dates as Date in UTC, JSON parsed).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface SqlRunner {
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

type PrismaDb = PrismaClient | Prisma.TransactionClient;

export function isSqlRunner(db: SqlRunner | PrismaDb): db is SqlRunner {
  return typeof (db as SqlRunner).rows === 'function';
}

export function prismaRunner(db: PrismaDb): SqlRunner {
  return { rows: <T>(query: Prisma.Sql) => db.$queryRaw<T[]>(query) };
}

/** The runner of a Prisma client or transaction, or the runner itself. */
export function runnerOf(db: SqlRunner | PrismaDb): SqlRunner {
  return isSqlRunner(db) ? db : prismaRunner(db);
}

// Dates go as ISO text: pg would send local time with an offset, which a `timestamp` column
// (Prisma's DateTime, UTC without zone) silently drops.
function toParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Most distinct statements a runner prepares; past it, statements are sent unprepared. */
const MAX_PREPARED = 200;

/** PostgreSQL refuses a prepared statement whose result columns changed (a migration added a column to `t.*`). */
function isStalePlan(err: unknown): boolean {
  return (err as { code?: string }).code === '0A000' && /cached plan/i.test(String((err as Error).message));
}

/**
 * One pool query per statement: no transaction round trips, the connection goes back at once.
 * Statements are prepared once per connection under a name taken from their text (PostgreSQL
 * then skips parsing and planning them: about half its CPU per update on the webhook path).
 */
export function pgRunner(pool: pg.Pool, options: { prepare?: boolean } = {}): SqlRunner {
  const prepare = options.prepare ?? true;
  const names = new Map<string, string>();
  // Bumped when a migration made prepared plans stale: the statements are prepared anew under new names.
  let generation = 0;
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `nv${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  const run = (text: string, values: unknown[]) => pool.query(prepare ? { text, values, name: nameOf(text) } : { text, values });
  return {
    async rows<T>(query: Prisma.Sql): Promise<T[]> {
      const text = query.text;
      const values = query.values.map(toParameter);
      try {
        return (await run(text, values)).rows as T[];
      } catch (err) {
        if (!isStalePlan(err)) throw err;
        names.clear();
        generation++;
        return (await run(text, values)).rows as T[];
      }
    },
  };
}
