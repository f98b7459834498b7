import { describe, expect, it } from 'vitest';
import { effectiveInternalDue, holdingUnits, internalDueRefusal, linksReplaced, mayReceive, passDownFrom, type ChainLink } from '../../src/access/pass-down-rules.ts';
import type { Actor, TaskUnitRole } from '../../src/access/permissions.ts';

// Units: 1 = Sở (named LEAD), 2 = its Phòng, 3 = another Sở (COORDINATE), 4 = Phòng of 2's sibling.
const units: TaskUnitRole[] = [{ unitId: 1, role: 'LEAD' }, { unitId: 3, role: 'COORDINATE' }];
const link = (id: number, fromUnitId: number, toUnitId: number, toOfficerId: number | null = null, internalDue: string | null = null): ChainLink =>
  ({ id, fromOfficerId: 100 + id, fromUnitId, toUnitId, toOfficerId, internalDue });
const actor = (role: Actor['role'], unitId: number, active = true): Actor => ({ id: 9, role, unitId, active });

describe('who passes a task down, from which unit', () => {
  const chain = [link(1, 1, 2)];
  it.each([
    ['a leader of the named lead unit', actor('LEADER', 1), [], 1],
    ['a leader of the unit it was passed to', actor('LEADER', 2), chain, 2],
    ['the lead unit\'s leader again, once passed down (giving again)', actor('LEADER', 1), chain, 1],
    ['a leader of a coordinating unit', actor('LEADER', 3), chain, undefined],
    ['a leader of another unit', actor('LEADER', 4), chain, undefined],
    ['an officer of the holding unit', actor('OFFICER', 2), chain, undefined],
    ['an inactive leader', actor('LEADER', 2, false), chain, undefined],
    ['an admin: from the last holder', actor('ADMIN', 7), chain, 2],
    ['an admin, not passed down yet: from the lead unit', actor('ADMIN', 7), [], 1],
  ] as const)('%s', (_what, who, links, expected) => {
    expect(passDownFrom(who, units, links)).toBe(expected);
  });

  it('the holding units are the named responsible ones (chủ trì, else thực hiện) and the chain\'s', () => {
    expect(holdingUnits(units, chain)).toEqual([1, 2]);
    expect(holdingUnits([{ unitId: 5, role: 'EXECUTE' }, { unitId: 6, role: 'MONITOR' }], [])).toEqual([5]);
  });
});

describe('to whom', () => {
  it.each([
    ['a child unit', { unitId: 2, parentId: 1 }, true],
    ['a grandchild unit', { unitId: 4, parentId: 2 }, false],
    ['an unrelated unit', { unitId: 3, parentId: null }, false],
    ['an officer of the unit', { officerId: 5, unitId: 1, unitParentId: null, active: true }, true],
    ['an officer of a child unit', { officerId: 5, unitId: 2, unitParentId: 1, active: true }, true],
    ['an inactive officer', { officerId: 5, unitId: 2, unitParentId: 1, active: false }, false],
    ['an officer of another unit', { officerId: 5, unitId: 3, unitParentId: null, active: true }, false],
  ] as const)('%s', (_what, target, expected) => {
    expect(mayReceive(1, target)).toBe(expected);
  });
});

describe('the chain', () => {
  const chain = [link(1, 1, 2), link(2, 2, 2, 50)];
  it('giving again from a unit replaces what it gave and everything below', () => {
    expect(linksReplaced(chain, 1)).toEqual([1, 2]);
    expect(linksReplaced(chain, 2)).toEqual([2]);
    expect(linksReplaced(chain, 4)).toEqual([]);
  });

  it('the internal deadline in force is the chain\'s earliest, when before the task\'s', () => {
    expect(effectiveInternalDue([link(1, 1, 2, null, '2024-12-20'), link(2, 2, 2, 50, '2024-12-18')], '2024-12-31')).toBe('2024-12-18');
    expect(effectiveInternalDue([link(1, 1, 2, null, '2024-12-31')], '2024-12-31')).toBeUndefined();
    expect(effectiveInternalDue(chain, '2024-12-31')).toBeUndefined();
  });

  it.each([
    ['2024-11-25', 'pass-down-due-past'],
    ['2024-11-26', undefined],
    ['2024-12-31', undefined],
    ['2025-01-02', 'pass-down-due-after-deadline'],
  ])('an internal deadline %s → %s', (due, expected) => {
    expect(internalDueRefusal(due, '2024-11-26', '2024-12-31')).toBe(expected);
  });
});
