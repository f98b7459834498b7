// A migrated database of its own for one benchmark, on the server of DATABASE_URL, dropped after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createConfig } from '../../src/config.ts';
import { createPrisma, type PrismaClient } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

export async function openScratchDatabase(): Promise<{ prisma: PrismaClient; url: string; drop(): Promise<void> }> {
  const server = new URL(createConfig().DATABASE_URL);
  const name = `nhacviec_bench_${randomBytes(5).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = new URL(server);
  admin.pathname = '/postgres';
  await migrate(url.toString());
  const prisma = createPrisma(url.toString());
  return {
    prisma,
    url: url.toString(),
    async drop() {
      await prisma.$disconnect();
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await client.end();
    },
  };
}
