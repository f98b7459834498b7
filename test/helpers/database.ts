// Each test file gets its own PostgreSQL database, cloned from a template that
// global-setup migrated once, so files run in parallel and leave nothing behind.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrisma, type PrismaClient } from '../../src/db/client.ts';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432';

export function databaseUrl(name: string): string {
  return `${TEST_SERVER_URL.replace(/\/+$/, '')}/${name}`;
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/** A fresh, migrated database. Call drop() in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `nhacviec_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  const url = databaseUrl(name);
  const prisma = createPrisma(url, { max: 5 });
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await dropDatabase(name);
    },
  };
}

/** An empty database that does not exist yet (for migration tests). */
export function uniqueDatabaseName(prefix = 'nhacviec_t'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}
