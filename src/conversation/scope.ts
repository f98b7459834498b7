// Database side of the permission rules: who an officer is, which units they act for.
import type { Officer, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { unitScopeOf, type Actor, type UnitScope } from './permissions.ts';

export type Db = PrismaClient | Prisma.TransactionClient;

export interface LoadedActor extends Actor {
  name: string;
  language: 'vi' | 'en';
  snoozeHours: number | null;
  unitName: string;
  scope: UnitScope;
}

export class PermissionError extends Error {
  override name = 'PermissionError';
  constructor(readonly reason: string) {
    super(`not allowed: ${reason}`);
  }
}

export async function loadActor(db: Db, officerId: number): Promise<LoadedActor | undefined> {
  const officer = await db.officer.findUnique({ where: { id: officerId }, include: { unit: true } });
  return officer ? actorOf(db, officer) : undefined;
}

/** The actor of an officer row already read (with its unit); leaders need the unit tree. */
export async function actorOf(db: Db, officer: Officer & { unit: { name: string } }): Promise<LoadedActor> {
  const actor: Actor = { id: officer.id, role: officer.role, unitId: officer.unitId, active: officer.active };
  const units = officer.role === 'LEADER' ? await db.unit.findMany({ select: { id: true, parentId: true } }) : [];
  return {
    ...actor,
    name: officer.name,
    language: officer.language,
    snoozeHours: officer.snoozeHours,
    unitName: officer.unit.name,
    scope: unitScopeOf(actor, units),
  };
}

/** Prisma filter for tasks in a scope (a unit of the scope has any role). */
export function taskScopeWhere(scope: UnitScope): Prisma.TaskWhereInput {
  return scope === 'all' ? {} : { units: { some: { unitId: { in: [...scope] } } } };
}

/** The unit ids of a scope, or every unit's id for 'all'. */
export async function scopeUnitIds(db: Db, scope: UnitScope): Promise<number[]> {
  if (scope !== 'all') return [...scope];
  return (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
}

/** The officer linked to a chat account, if active. */
export async function officerIdOfChat(db: Db, channel: 'TELEGRAM' | 'ZALO', externalId: string): Promise<number | undefined> {
  const identity = await db.chatIdentity.findUnique({ where: { channel_externalId: { channel, externalId } } });
  return identity?.active ? identity.officerId : undefined;
}
