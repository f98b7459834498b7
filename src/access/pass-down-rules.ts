// Passing a task down (giao tiếp), the rules over plain data:
// - The task is held by its named responsible unit (chủ trì, else thực hiện) and, once passed
//   down, by each unit of its chain; the last link holds it (its reminders go there).
// - A leader of a unit that holds it (or an admin, for the last holder) gives it to a child unit
//   of that unit, or to an officer of that unit or of a child unit.
// - Giving again from a unit higher up replaces the part of the chain below it.
// - An internal deadline (hạn nội bộ) is not before today nor after the task's deadline.
import type { IsoDate } from '../deadlines/types.ts';
import type { Actor, TaskUnitRole } from './permissions.ts';

export interface ChainLink {
  id: number;
  fromOfficerId: number;
  fromUnitId: number;
  toUnitId: number;
  toOfficerId: number | null;
  internalDue: IsoDate | null;
}

/** The units the plan names as responsible: chủ trì, else thực hiện. */
export function responsibleUnits(taskUnits: readonly TaskUnitRole[]): number[] {
  const lead = taskUnits.filter((u) => u.role === 'LEAD').map((u) => u.unitId);
  return lead.length ? lead : taskUnits.filter((u) => u.role === 'EXECUTE').map((u) => u.unitId);
}

/** Every unit that holds the task: the responsible units and the units of its chain. */
export function holdingUnits(taskUnits: readonly TaskUnitRole[], chain: readonly ChainLink[]): number[] {
  return [...new Set([...responsibleUnits(taskUnits), ...chain.map((l) => l.toUnitId)])];
}

/**
 * The unit the actor gives the task from, or undefined when they may not pass it down: a leader
 * gives from their own unit when it holds the task; an admin from the last holder.
 */
export function passDownFrom(actor: Actor, taskUnits: readonly TaskUnitRole[], chain: readonly ChainLink[]): number | undefined {
  if (!actor.active) return undefined;
  if (actor.role === 'ADMIN') return chain.at(-1)?.toUnitId ?? responsibleUnits(taskUnits)[0];
  if (actor.role !== 'LEADER') return undefined;
  return holdingUnits(taskUnits, chain).includes(actor.unitId) ? actor.unitId : undefined;
}

export type PassDownTargetData = { unitId: number; parentId: number | null } | { officerId: number; unitId: number; unitParentId: number | null; active: boolean };

/** May a task given from `fromUnitId` go to this target: a child unit, or an active officer of the unit or a child unit. */
export function mayReceive(fromUnitId: number, target: PassDownTargetData): boolean {
  if ('officerId' in target) return target.active && (target.unitId === fromUnitId || target.unitParentId === fromUnitId);
  return target.parentId === fromUnitId;
}

/** The links a new gift from `fromUnitId` replaces: the first link given from that unit and every one after it. */
export function linksReplaced(chain: readonly ChainLink[], fromUnitId: number): number[] {
  const first = chain.findIndex((l) => l.fromUnitId === fromUnitId);
  return first < 0 ? [] : chain.slice(first).map((l) => l.id);
}

export type InternalDueRefusal = 'pass-down-due-past' | 'pass-down-due-after-deadline';

/** Why an internal deadline cannot be used, or undefined when it can. */
export function internalDueRefusal(internalDue: IsoDate, today: IsoDate, taskDue: IsoDate | undefined): InternalDueRefusal | undefined {
  if (internalDue < today) return 'pass-down-due-past';
  if (taskDue && internalDue > taskDue) return 'pass-down-due-after-deadline';
  return undefined;
}

/** The deadline the holder works to: the earliest internal deadline of the chain when it is before the task's. */
export function effectiveInternalDue(chain: readonly ChainLink[], taskDue: IsoDate | undefined): IsoDate | undefined {
  const dues = chain.map((l) => l.internalDue).filter((d): d is IsoDate => d !== null).sort();
  const first = dues[0];
  return first && (!taskDue || first < taskDue) ? first : undefined;
}
