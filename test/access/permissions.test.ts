import { describe, expect, it } from 'vitest';
import {
  canAnswerTask, canDecideExtension, canManageSubscription, canSeeTask, roleOnTask, unitScopeOf, type Actor,
} from '../../src/access/permissions.ts';

// Unit tree: 1 UBND huyện → 2 Phòng Nội vụ → 4 Tổ CCHC; 1 → 3 Phòng Tài chính; 5 UBND xã (separate).
const UNITS = [
  { id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 1 }, { id: 4, parentId: 2 }, { id: 5, parentId: null },
];
const officer = (unitId: number, role: Actor['role'] = 'OFFICER', active = true): Actor => ({ id: 10 + unitId, role, unitId, active });

describe('unit scope', () => {
  it('an officer acts for their own unit only', () => {
    expect([...(unitScopeOf(officer(2), UNITS) as Set<number>)]).toEqual([2]);
  });
  it('a leader acts for their unit and every unit below it', () => {
    expect([...(unitScopeOf(officer(1, 'LEADER'), UNITS) as Set<number>)].sort()).toEqual([1, 2, 3, 4]);
    expect([...(unitScopeOf(officer(2, 'LEADER'), UNITS) as Set<number>)].sort()).toEqual([2, 4]);
  });
  it('an admin acts for all units', () => {
    expect(unitScopeOf(officer(5, 'ADMIN'), UNITS)).toBe('all');
  });
  it('a cycle in the unit tree does not loop', () => {
    expect([...(unitScopeOf(officer(1, 'LEADER'), [{ id: 1, parentId: 2 }, { id: 2, parentId: 1 }]) as Set<number>)].sort()).toEqual([1, 2]);
  });
});

describe('seeing and answering tasks', () => {
  const task = [{ unitId: 2, role: 'LEAD' as const }, { unitId: 3, role: 'COORDINATE' as const }];
  it.each([
    ['officer of the lead unit', officer(2), true],
    ['officer of a coordinating unit', officer(3), true],
    ['officer of an unrelated unit', officer(5), false],
    ['officer of a unit below the lead unit', officer(4), false],
    ['leader above the lead unit', officer(1, 'LEADER'), true],
    ['leader of an unrelated unit', officer(5, 'LEADER'), false],
    ['admin of an unrelated unit', officer(5, 'ADMIN'), true],
    ['inactive officer of the lead unit', officer(2, 'OFFICER', false), false],
  ])('%s → %s', (_name, actor, allowed) => {
    const scope = unitScopeOf(actor, UNITS);
    expect(canSeeTask(actor, scope, task)).toBe(allowed);
    expect(canAnswerTask(actor, scope, task)).toBe(allowed);
  });
});

describe('who may approve an extension', () => {
  const task = [{ unitId: 2, role: 'LEAD' as const }, { unitId: 3, role: 'COORDINATE' as const }];
  it.each([
    ['leader of the lead unit', officer(2, 'LEADER'), true],
    ['leader of a coordinating unit', officer(3, 'LEADER'), false],
    ['leader above the lead unit', officer(1, 'LEADER'), false],
    ['officer of the lead unit', officer(2), false],
    ['admin', officer(5, 'ADMIN'), true],
    ['inactive leader of the lead unit', officer(2, 'LEADER', false), false],
  ])('%s → %s', (_name, actor, allowed) => {
    expect(canDecideExtension(actor, task)).toBe(allowed);
  });
});

describe('group subscriptions and roles', () => {
  it('needs a group admin who is a leader, for units in scope', () => {
    const leader = officer(1, 'LEADER');
    const scope = unitScopeOf(leader, UNITS);
    expect(canManageSubscription(leader, scope, true, [2, 3])).toBe(true);
    expect(canManageSubscription(leader, scope, false, [2])).toBe(false);
    expect(canManageSubscription(leader, scope, true, [5])).toBe(false);
    expect(canManageSubscription(officer(2), unitScopeOf(officer(2), UNITS), true, [2])).toBe(false);
  });
  it('the strongest role of the officer\'s own unit is shown', () => {
    const task = [{ unitId: 2, role: 'COORDINATE' as const }, { unitId: 2, role: 'LEAD' as const }, { unitId: 3, role: 'LEAD' as const }];
    expect(roleOnTask(new Set([2]), task, 2)).toBe('LEAD');
    expect(roleOnTask(new Set([3]), [{ unitId: 3, role: 'COORDINATE' }], 3)).toBe('COORDINATE');
    expect(roleOnTask(new Set([9]), task, 9)).toBeUndefined();
  });
});
