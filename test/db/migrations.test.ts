import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPrisma } from '../../src/db/client.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { databaseUrl, dropDatabase, uniqueDatabaseName, withAdmin } from '../helpers/database.ts';

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(name);
});

function freshName(): string {
  const name = uniqueDatabaseName('nhacviec_t_mig');
  created.push(name);
  return name;
}

async function schemaFingerprint(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT table_name, column_name, data_type, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public'
      ORDER BY table_name, column_name`);
    const idx = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`);
    const mig = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`);
    return JSON.stringify({ rows, idx: idx.rows, mig: mig.rows });
  } finally {
    await client.end();
  }
}

describe('db migrate', () => {
  it('creates a missing database and applies every migration', async () => {
    const name = freshName();
    const result = await migrate(databaseUrl(name));
    expect(result.createdDatabase).toBe(true);
    expect(result.applied).toEqual((await loadMigrations()).map((m) => m.name));
  });

  it('migrating twice changes nothing', async () => {
    const name = freshName();
    await migrate(databaseUrl(name));
    const before = await schemaFingerprint(databaseUrl(name));
    const again = await migrate(databaseUrl(name));
    expect(again).toMatchObject({ applied: [], createdDatabase: false });
    expect(await schemaFingerprint(databaseUrl(name))).toBe(before);
  });

  it('two concurrent `npm run db:migrate` processes on a missing database both succeed and apply once', async () => {
    const name = freshName();
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn('npm', ['run', '-s', 'db:migrate'], {
          env: { ...process.env, DATABASE_URL: databaseUrl(name) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ code, out }));
      });
    const results = await Promise.all([run(), run()]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const applied = results.filter((r) => /applied \d+ migration/.test(r.out));
    expect(applied).toHaveLength(1);
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    await client.end();
    expect(rows[0].n).toBe((await loadMigrations()).length);
  });

  it('a failing migration applies nothing of itself and is reported by name', async () => {
    const name = freshName();
    const good = await loadMigrations();
    const bad = { name: '29990101000000_broken', sql: 'CREATE TABLE "x" (id int); SELECT no_such_function();', checksum: 'x' };
    await expect(migrate(databaseUrl(name), { migrations: [...good, bad] })).rejects.toThrow(/29990101000000_broken/);
    const tables = await withAdmin(async () => {
      const c = new pg.Client({ connectionString: databaseUrl(name) });
      await c.connect();
      const r = await c.query(`SELECT to_regclass('public.x') AS t`);
      await c.end();
      return r.rows[0].t;
    });
    expect(tables).toBeNull();
  });

  it('the audit log refuses UPDATE and DELETE', async () => {
    const name = freshName();
    await migrate(databaseUrl(name));
    const prisma = createPrisma(databaseUrl(name));
    try {
      const row = await prisma.auditLog.create({ data: { actor: 'test', action: 'x', entityType: 'Task' } });
      await expect(prisma.auditLog.update({ where: { id: row.id }, data: { action: 'y' } })).rejects.toThrow(/append-only/);
      await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    } finally {
      await prisma.$disconnect();
    }
  });
});
