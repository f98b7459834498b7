// The sender's scope computed in SQL (for the update claim's prefetch) is the scope unitScopeOf
// computes from the actor row, on any unit tree: forests, chains deeper than MAX_UNIT_DEPTH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { loadActor, officerScopeUnitsSql } from '../../src/tasks/actor.ts';
import { MAX_UNIT_DEPTH } from '../../src/access/permissions.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** A forest: each unit's parent is an earlier unit or none. */
const forest = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 30 }).map((parents) => parents.map((p, i) => (p === null || i === 0 ? null : p % i)));

async function insertTree(run: number, parents: Array<number | null>): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, parent] of parents.entries()) {
    const name = `r${run}-u${i}`;
    const unit = await db.prisma.unit.create({ data: { name, normalizedName: name, parentId: parent === null ? null : ids[parent]! } });
    ids.push(unit.id);
  }
  return ids;
}

async function sqlScope(officerId: number): Promise<number[]> {
  const [row] = await db.prisma.$queryRaw<Array<{ ids: number[] }>>(Prisma.sql`SELECT ${officerScopeUnitsSql(Prisma.sql`o`)} AS ids FROM "Officer" o WHERE o.id = ${officerId}`);
  return [...row!.ids].sort((a, b) => a - b);
}

async function jsScope(officerId: number): Promise<number[]> {
  const actor = (await loadActor(db.prisma, officerId))!;
  if (actor.scope === 'all') throw new Error('an admin has no unit list');
  return [...actor.scope].sort((a, b) => a - b);
}

describe('the officer scope in SQL', () => {
  it('equals unitScopeOf for leaders and officers on random forests', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(forest, fc.nat(), fc.constantFrom('LEADER' as const, 'OFFICER' as const), async (parents, at, role) => {
        const ids = await insertTree(++run, parents);
        const officer = await db.prisma.officer.create({ data: { name: `o${run}`, unitId: ids[at % ids.length]!, role } });
        expect(await sqlScope(officer.id)).toEqual(await jsScope(officer.id));
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });

  it('stops MAX_UNIT_DEPTH levels down, as unitScopeOf does', async () => {
    const chain = Array.from({ length: MAX_UNIT_DEPTH + 4 }, (_, i) => (i === 0 ? null : i - 1));
    const ids = await insertTree(1000, chain);
    const leader = await db.prisma.officer.create({ data: { name: 'deep', unitId: ids[0]!, role: 'LEADER' } });
    const scope = await sqlScope(leader.id);
    expect(scope).toEqual(await jsScope(leader.id));
    expect(scope).toHaveLength(MAX_UNIT_DEPTH + 1);
  });
});
