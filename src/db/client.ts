// The Prisma client on the Rust-free engine with the pg driver adapter: no native binary needed.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };

export function createPrisma(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  // JIT off as on the pg pool (src/db/pool.ts): short statements, and estimates on fresh
  // tables can make PostgreSQL compile each one for longer than it runs.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10, options: '-c jit=off' });
  return new PrismaClient({ adapter });
}
