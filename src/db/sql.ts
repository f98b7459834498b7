// The seam the bot's hot-path statements run through: a plain `pg` pool in the service, or
// the Prisma client where no pool is wired (tools, tests that count Prisma calls). Statements
// are Prisma.sql fragments either way, so each is written once; rows come back shaped like
// Prisma's $queryRaw results (dates as Date in UTC, JSON parsed).
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

/** One pool query per statement: no transaction round trips, the connection goes back at once. */
export function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    async rows<T>(query: Prisma.Sql): Promise<T[]> {
      const result = await pool.query({ text: query.text, values: query.values.map(toParameter) });
      return result.rows as T[];
    },
  };
}
