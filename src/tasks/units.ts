// The unit directory an office keeps before and between plans: units added by hand,
// other spellings (aliases), renames. Plans match it by name or alias (unitKey), so
// officers and rosters can be registered before the plan that names their unit.
import type { PrismaClient, Unit } from '../generated/prisma/client.ts';
import { displayUnitName, unitKey } from '../plans/unit-names.ts';
import { suggestUnits } from '../plans/unit-suggest.ts';
import { audit } from './audit.ts';
import { requiresConfirmation } from './confirmations.ts';
import type { Db } from './actor.ts';

export const MAX_UNIT_NAME_LENGTH = 200;

/** Why a change to the directory was refused; the CLI words it in the clerk's language. */
export class UnitError extends Error {
  override name = 'UnitError';
  constructor(
    readonly code: 'not-found' | 'empty' | 'too-long' | 'taken' | 'same-name',
    readonly values: { unit?: string; other?: string; suggestions?: string[] } = {},
  ) {
    super(`${code}${values.unit ? ` "${values.unit}"` : ''}${values.other ? ` (${values.other})` : ''}`);
  }
}

async function findByKey(db: Db, key: string): Promise<Unit | undefined> {
  const unit = await db.unit.findUnique({ where: { normalizedName: key } });
  if (unit) return unit;
  return (await db.unitAlias.findUnique({ where: { normalizedName: key }, include: { unit: true } }))?.unit;
}

async function spellings(db: Db) {
  const units = await db.unit.findMany({ include: { aliases: { select: { normalizedName: true } } } });
  return units.map((u) => ({ unit: u, name: u.name, keys: [u.normalizedName, ...u.aliases.map((a) => a.normalizedName)] }));
}

/** The units whose name or alias is closest to a name that matched none. */
export async function unitSuggestions(db: Db, typed: string): Promise<string[]> {
  return suggestUnits(typed, await spellings(db));
}

/** Hyphens and spaces are how a name is written, not which unit it is ("Văn phòng Thống kê"). */
const bareKey = (key: string) => key.replace(/[\s-]+/g, ' ').trim();

/**
 * The unit a name or alias means. Typed by hand, a name without its hyphen ("Văn phòng
 * Thống kê") still means the one unit it can only mean.
 */
export async function findUnit(db: Db, name: string): Promise<Unit | undefined> {
  const key = unitKey(name);
  if (!key) return undefined;
  const unit = await findByKey(db, key);
  if (unit) return unit;
  const same = (await spellings(db)).filter((u) => u.keys.some((k) => bareKey(k) === bareKey(key)));
  return same.length === 1 ? same[0]!.unit : undefined;
}

/** The unit a name means, else UnitError('not-found') with the likeliest units. */
export async function requireUnit(db: Db, name: string): Promise<Unit> {
  const unit = await findUnit(db, name);
  if (unit) return unit;
  throw new UnitError('not-found', { unit: name.trim(), suggestions: await unitSuggestions(db, name) });
}

function checkName(raw: string): { name: string; key: string } {
  const name = displayUnitName(raw);
  const key = unitKey(name);
  if (!key) throw new UnitError('empty');
  if (name.length > MAX_UNIT_NAME_LENGTH) throw new UnitError('too-long', { unit: name.slice(0, 40) });
  return { name, key };
}

/** A key may belong to one unit only: as its name or as one of its aliases. */
async function assertFree(db: Db, key: string, name: string, except?: number): Promise<void> {
  const owner = await findByKey(db, key);
  if (owner && owner.id !== except) throw new UnitError('taken', { unit: name, other: owner.name });
}

export interface UnitSummary {
  id: number;
  name: string;
  aliases: string[];
  /** Active officers, and how many of them have linked a chat. */
  officers: number;
  linked: number;
  /** Tasks the unit has a role in (cancelled ones aside). */
  tasks: number;
  /** Every "done" on a task it monitors waits for its confirmation (unit set --confirmation). */
  requiresConfirmation: boolean;
}

export async function listUnits(db: Db): Promise<UnitSummary[]> {
  const units = await db.unit.findMany({
    orderBy: { name: 'asc' },
    include: {
      aliases: { orderBy: { alias: 'asc' } },
      officers: { where: { active: true }, select: { chatIdentities: { where: { active: true }, select: { id: true }, take: 1 } } },
      taskUnits: { where: { task: { status: { not: 'CANCELLED' }, isGroup: false } }, select: { taskId: true } },
    },
  });
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    aliases: u.aliases.map((a) => a.alias),
    officers: u.officers.length,
    linked: u.officers.filter((o) => o.chatIdentities.length > 0).length,
    tasks: new Set(u.taskUnits.map((t) => t.taskId)).size,
    requiresConfirmation: requiresConfirmation(u.settings),
  }));
}

/** A unit registered before any plan names it, with other spellings plans may use. */
export async function addUnit(prisma: PrismaClient, input: { name: string; aliases?: string[] }, options: { actor?: string } = {}): Promise<Unit & { aliases: string[] }> {
  const { name, key } = checkName(input.name);
  const aliases = (input.aliases ?? []).map(checkName).filter((a, i, all) => a.key !== key && all.findIndex((b) => b.key === a.key) === i);
  return prisma.$transaction(async (tx) => {
    await assertFree(tx, key, name);
    for (const a of aliases) await assertFree(tx, a.key, a.name);
    const unit = await tx.unit.create({ data: { name, normalizedName: key } });
    if (aliases.length) await tx.unitAlias.createMany({ data: aliases.map((a) => ({ unitId: unit.id, alias: a.name, normalizedName: a.key })) });
    await audit(tx, { actor: options.actor ?? 'cli', action: 'unit.create', entityType: 'Unit', entityId: unit.id, data: { name, aliases: aliases.map((a) => a.name) } });
    return { ...unit, aliases: aliases.map((a) => a.name) };
  });
}

/** Another spelling of a unit, matched by the next import and by every command that takes a unit. */
export async function addUnitAlias(prisma: PrismaClient, unitName: string, alias: string, options: { actor?: string } = {}): Promise<{ unit: Unit; alias: string; added: boolean }> {
  const spelling = checkName(alias);
  return prisma.$transaction(async (tx) => {
    const unit = await requireUnit(tx, unitName);
    const owner = await findByKey(tx, spelling.key);
    if (owner?.id === unit.id) return { unit, alias: spelling.name, added: false };
    if (owner) throw new UnitError('taken', { unit: spelling.name, other: owner.name });
    await tx.unitAlias.create({ data: { unitId: unit.id, alias: spelling.name, normalizedName: spelling.key } });
    await audit(tx, { actor: options.actor ?? 'cli', action: 'unit.alias', entityType: 'Unit', entityId: unit.id, data: { alias: spelling.name } });
    return { unit, alias: spelling.name, added: true };
  });
}

/**
 * A unit's new name. The old name stays as an alias: plans already on paper still
 * say it, and their re-import must find the same unit.
 */
export async function renameUnit(prisma: PrismaClient, unitName: string, newName: string, options: { actor?: string } = {}): Promise<{ unit: Unit; from: string }> {
  const next = checkName(newName);
  return prisma.$transaction(async (tx) => {
    const unit = await requireUnit(tx, unitName);
    if (unit.name === next.name) throw new UnitError('same-name', { unit: unit.name });
    await assertFree(tx, next.key, next.name, unit.id);
    // The new name may have been one of its aliases; an alias equal to the name is redundant.
    await tx.unitAlias.deleteMany({ where: { unitId: unit.id, normalizedName: next.key } });
    if (unit.normalizedName !== next.key) {
      await tx.unitAlias.create({ data: { unitId: unit.id, alias: unit.name, normalizedName: unit.normalizedName } });
    }
    const renamed = await tx.unit.update({ where: { id: unit.id }, data: { name: next.name, normalizedName: next.key } });
    await audit(tx, { actor: options.actor ?? 'cli', action: 'unit.rename', entityType: 'Unit', entityId: unit.id, data: { from: unit.name, to: next.name } });
    return { unit: renamed, from: unit.name };
  });
}
