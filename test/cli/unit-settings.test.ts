// `unit set <unit> --confirmation on|off`: the unit's setting is written (other settings kept) and
// audited as unit.settings; the unit is found by name or alias; bad arguments and unknown units exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKey } from '../../src/plans/unit-names.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
let unitId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  const name = 'Văn phòng HĐND - UBND';
  unitId = (await db.prisma.unit.create({ data: { name, normalizedName: unitKey(name), settings: { note: 'kept' }, aliases: { create: [{ alias: 'VP UBND', normalizedName: unitKey('VP UBND') }] } } })).id;
});
afterAll(async () => {
  await db.drop();
});

const cli = (...args: string[]) => runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, now: '2026-12-04T02:00:00Z' });
const settings = async () => (await db.prisma.unit.findUniqueOrThrow({ where: { id: unitId } })).settings;

describe('unit set --confirmation', () => {
  it('turns it on by name and off by alias, keeping the other settings, audited', async () => {
    const audits = await db.prisma.auditLog.count({ where: { action: 'unit.settings', entityId: String(unitId) } });
    const on = await cli('unit', 'set', 'Văn phòng HĐND - UBND', '--confirmation', 'on', '--lang', 'en');
    expect(on).toMatchObject({ code: 0, stderr: '' });
    expect(on.stdout).toBe(`Unit #${unitId} Văn phòng HĐND - UBND: every reported "done" on a task this unit monitors must be confirmed by it.\n`);
    expect(await settings()).toEqual({ note: 'kept', requireConfirmation: true });
    // unit list says so, in its table and its JSON.
    const listed = await cli('unit', 'list');
    expect(listed.stdout.split('\n').find((l) => l.includes('Văn phòng HĐND - UBND'))).toMatch(/bắt buộc\s*$/);
    expect((JSON.parse((await cli('unit', 'list', '--json')).stdout) as Array<{ id: number; requiresConfirmation: boolean }>).find((u) => u.id === unitId)!.requiresConfirmation).toBe(true);

    const off = await cli('unit', 'set', 'VP UBND', '--confirmation', 'off', '--json');
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toEqual({ id: unitId, name: 'Văn phòng HĐND - UBND', requireConfirmation: false });
    expect(await settings()).toEqual({ note: 'kept', requireConfirmation: false });

    const entries = await db.prisma.auditLog.findMany({ where: { action: 'unit.settings', entityId: String(unitId) }, orderBy: { id: 'asc' }, skip: audits });
    expect(entries.map((a) => [a.actor, a.entityType, a.data])).toEqual([['cli', 'Unit', { requireConfirmation: true }], ['cli', 'Unit', { requireConfirmation: false }]]);
  });

  it('refuses bad arguments and unknown units (exit 2), changing nothing', async () => {
    const before = await settings();
    expect((await cli('unit', 'set', 'VP UBND', '--confirmation', 'maybe')).code).toBe(2);
    expect((await cli('unit', 'set', 'VP UBND')).code).toBe(2);
    expect((await cli('unit', 'set', '--confirmation', 'on')).code).toBe(2);
    expect((await cli('unit', 'list', '--confirmation', 'on')).code).toBe(2);
    const unknown = await cli('unit', 'set', 'Phòng Không Có', '--confirmation', 'on');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không có đơn vị "Phòng Không Có"');
    expect(await settings()).toEqual(before);
  });
});
