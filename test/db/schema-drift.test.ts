// The migrations and prisma/schema.prisma describe the same tables: every model's
// scalar fields (as the generated client knows them) are exactly the migrated columns.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('every model of the schema has exactly the migrated columns', async () => {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ table_name: string; column_name: string }>>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const migrated = new Map<string, string[]>();
  for (const r of rows) migrated.set(r.table_name, [...(migrated.get(r.table_name) ?? []), r.column_name].sort());

  const fromSchema = new Map<string, string[]>();
  const namespace = Prisma as unknown as Record<string, Record<string, string>>;
  for (const model of Object.values(Prisma.ModelName)) {
    const fields = namespace[`${model}ScalarFieldEnum`];
    expect(fields, `${model}ScalarFieldEnum`).toBeDefined();
    fromSchema.set(model, Object.values(fields!).sort());
  }
  expect(Object.fromEntries([...migrated].sort())).toEqual(Object.fromEntries([...fromSchema].sort()));
});
