// `plan set <plan> --confirmation on|off`: the plan's setting is written (other settings kept)
// and audited; bad arguments exit 2, an unknown plan exits 2 saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
let planId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  planId = (await db.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '336/KH-UBND', title: 'Kế hoạch CCHC', sourceFileName: 'kh.docx', sourceHash: 'x', settings: { reportDay: 25 } } })).id;
});
afterAll(async () => {
  await db.drop();
});

const cli = (...args: string[]) => runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, now: '2026-12-03T02:00:00Z' });

describe('plan set', () => {
  it('turns confirmation on by number and off by id, keeping the other settings, audited', async () => {
    const on = await cli('plan', 'set', '336/KH-UBND', '--confirmation', 'on');
    expect(on.code).toBe(0);
    expect(on.stdout).toBe(`plan #${planId} 336/KH-UBND: confirmation on\n`);
    expect((await db.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).settings).toEqual({ reportDay: 25, requireConfirmation: true });
    expect((await cli('plan', 'set', String(planId), '--confirmation', 'off')).code).toBe(0);
    expect((await db.prisma.plan.findUniqueOrThrow({ where: { id: planId } })).settings).toEqual({ reportDay: 25, requireConfirmation: false });
    expect(await db.prisma.auditLog.count({ where: { action: 'plan.settings' } })).toBe(2);
  });

  it('refuses bad arguments and unknown plans', async () => {
    expect((await cli('plan', 'set', '336/KH-UBND', '--confirmation', 'maybe')).code).toBe(2);
    expect((await cli('plan', 'set', '336/KH-UBND')).code).toBe(2);
    expect((await cli('plan', 'get', '336/KH-UBND')).code).toBe(2);
    const unknown = await cli('plan', 'set', '999/KH-UBND', '--confirmation', 'on');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no plan "999/KH-UBND"');
  });
});
