// Officers and their units: adding one officer or a whole roster, each with an invite code;
// listing, re-inviting, deactivating and changing roles. Units are matched by the importer's
// normalised key (unitKey) against names and aliases. An officer added again (same name,
// same unit) is the same person: reused with a fresh invite, never duplicated.
import type { PrismaClient, Unit } from '../generated/prisma/client.ts';
import { fold } from '../plans/fold.ts';
import { audit } from './audit.ts';
import { createInvite, revokeInvites } from './invites.ts';
import type { Db } from './actor.ts';
import { findUnit, unitSuggestions } from './units.ts';

export const OFFICER_ROLES = ['officer', 'leader', 'admin'] as const;
export type OfficerRoleInput = (typeof OFFICER_ROLES)[number];
export const MAX_NAME_LENGTH = 200;

/** Role names as clerks write them, folded: the English ones and the Vietnamese ones. */
const ROLE_NAMES: Record<string, OfficerRoleInput> = {
  officer: 'officer',
  'can bo': 'officer',
  'cong chuc': 'officer',
  'chuyen vien': 'officer',
  leader: 'leader',
  'lanh dao': 'leader',
  admin: 'admin',
  'quan tri': 'admin',
  'quan tri vien': 'admin',
};

/** "lãnh đạo", "Lanh dao", "leader" → leader; undefined for a name that is no role. */
export function parseRoleName(value: string): OfficerRoleInput | undefined {
  return ROLE_NAMES[fold(value)];
}

const DB_ROLE = { officer: 'OFFICER', leader: 'LEADER', admin: 'ADMIN' } as const;
const roleOf = (db: 'OFFICER' | 'LEADER' | 'ADMIN'): OfficerRoleInput => db.toLowerCase() as OfficerRoleInput;

/** Two spellings of one person's name: case and spacing aside, tone marks count ("Lê" is not "Le"). */
export function sameOfficerName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

/** The unit a name or alias means (see units.ts findUnit). */
export async function findUnitByName(db: Db, name: string): Promise<Unit | undefined> {
  return findUnit(db, name);
}

export interface NewOfficer {
  name: string;
  unit: string;
  /** As written (English or Vietnamese); absent: officer for someone new, unchanged for someone known. */
  role?: string;
}

export interface CreatedOfficer {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  role: OfficerRoleInput;
  inviteCode: string;
  expiresAt: Date;
  /** The officer existed (same name and unit): reused, given a fresh invite (older unused ones revoked). */
  reused: boolean;
}

export type RosterProblem =
  | { line: number; code: 'name-empty' | 'unit-empty' }
  | { line: number; code: 'name-too-long'; max: number }
  | { line: number; code: 'role-invalid'; role: string }
  | { line: number; code: 'unit-not-found'; unit: string; suggestions: string[] };

function problemText(p: RosterProblem): string {
  switch (p.code) {
    case 'name-empty':
      return 'name is empty';
    case 'unit-empty':
      return 'unit is empty';
    case 'name-too-long':
      return `name longer than ${p.max} characters`;
    case 'role-invalid':
      return `role "${p.role}" is not one of ${OFFICER_ROLES.join(', ')}`;
    case 'unit-not-found':
      return `unit "${p.unit}" not found${p.suggestions.length ? ` (did you mean ${p.suggestions.map((s) => `"${s}"`).join(', ')}?)` : ' (add it with `unit add`, or import a plan naming it)'}`;
  }
}

export class RosterError extends Error {
  override name = 'RosterError';
  constructor(readonly problems: RosterProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${problemText(p)}`).join('\n'));
  }
}

/** Validates every row first (names, roles, units), then creates or reuses all officers in one transaction, or none. */
export async function addOfficers(
  prisma: PrismaClient,
  rows: Array<NewOfficer & { line: number }>,
  options: { now: Date; actor?: string },
): Promise<CreatedOfficer[]> {
  const problems: RosterProblem[] = [];
  const resolved: Array<{ line: number; name: string; role: OfficerRoleInput | undefined; unit: Unit }> = [];
  for (const row of rows) {
    const name = row.name.replace(/\s+/g, ' ').trim();
    if (!name) problems.push({ line: row.line, code: 'name-empty' });
    else if (name.length > MAX_NAME_LENGTH) problems.push({ line: row.line, code: 'name-too-long', max: MAX_NAME_LENGTH });
    const role = row.role?.trim() ? parseRoleName(row.role) : undefined;
    if (row.role?.trim() && !role) problems.push({ line: row.line, code: 'role-invalid', role: row.role.trim() });
    if (!row.unit.trim()) {
      problems.push({ line: row.line, code: 'unit-empty' });
      continue;
    }
    const unit = await findUnitByName(prisma, row.unit);
    if (!unit) problems.push({ line: row.line, code: 'unit-not-found', unit: row.unit.trim(), suggestions: await unitSuggestions(prisma, row.unit) });
    else resolved.push({ line: row.line, name, role, unit });
  }
  if (problems.length) throw new RosterError(problems);

  return prisma.$transaction(async (tx) => {
    const created: CreatedOfficer[] = [];
    const existingByUnit = new Map<number, Array<{ id: number; name: string; role: 'OFFICER' | 'LEADER' | 'ADMIN'; active: boolean }>>();
    for (const { name, role, unit } of resolved) {
      let known = existingByUnit.get(unit.id);
      if (!known) existingByUnit.set(unit.id, (known = await tx.officer.findMany({ where: { unitId: unit.id }, orderBy: { id: 'asc' }, select: { id: true, name: true, role: true, active: true } })));
      // The active one first: a person deactivated and added again is the same person back.
      const same = known.filter((o) => sameOfficerName(o.name, name)).sort((a, b) => Number(b.active) - Number(a.active))[0];
      if (same) {
        const nextRole = role ? DB_ROLE[role] : same.role;
        if (nextRole !== same.role || !same.active) {
          await tx.officer.update({ where: { id: same.id }, data: { role: nextRole, active: true } });
          Object.assign(same, { role: nextRole, active: true });
        }
        await revokeInvites(tx, same.id, options.now);
        const invite = await createInvite(tx, same.id, options.now);
        await audit(tx, { actor: options.actor ?? 'cli', action: 'officer.reinvite', entityType: 'Officer', entityId: same.id, data: { unitId: unit.id, role: nextRole, reused: true } });
        created.push({ id: same.id, name: same.name, unitId: unit.id, unitName: unit.name, role: roleOf(nextRole), inviteCode: invite.code, expiresAt: invite.expiresAt, reused: true });
        continue;
      }
      const officer = await tx.officer.create({ data: { name, unitId: unit.id, role: DB_ROLE[role ?? 'officer'] } });
      known.push({ id: officer.id, name: officer.name, role: officer.role, active: true });
      const invite = await createInvite(tx, officer.id, options.now);
      await audit(tx, { actor: options.actor ?? 'cli', action: 'officer.create', entityType: 'Officer', entityId: officer.id, data: { unitId: unit.id, role: officer.role } });
      created.push({ id: officer.id, name: officer.name, unitId: unit.id, unitName: unit.name, role: roleOf(officer.role), inviteCode: invite.code, expiresAt: invite.expiresAt, reused: false });
    }
    return created;
  });
}

export interface OfficerSummary {
  id: number;
  name: string;
  unit: string;
  role: OfficerRoleInput;
  active: boolean;
  /** Has an active chat account: reminders can reach them. */
  linked: boolean;
  /** The platforms of their active chats, and where they chose to be reminded (null: the chat linked last). */
  platforms: Array<'TELEGRAM' | 'ZALO'>;
  reminderChannel: 'TELEGRAM' | 'ZALO' | null;
  /** An unused, unexpired invite is waiting. */
  invitePending: boolean;
}

export async function listOfficers(db: Db, options: { unitId?: number; now: Date; includeInactive?: boolean }): Promise<OfficerSummary[]> {
  const officers = await db.officer.findMany({
    where: { ...(options.unitId === undefined ? {} : { unitId: options.unitId }), ...(options.includeInactive ? {} : { active: true }) },
    orderBy: [{ unit: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
    include: {
      unit: { select: { name: true } },
      chatIdentities: { where: { active: true }, select: { channel: true } },
      inviteCodes: { where: { usedAt: null, expiresAt: { gt: options.now } }, select: { id: true }, take: 1 },
    },
  });
  return officers.map((o) => ({
    id: o.id,
    name: o.name,
    unit: o.unit.name,
    role: roleOf(o.role),
    active: o.active,
    linked: o.chatIdentities.length > 0,
    platforms: (['TELEGRAM', 'ZALO'] as const).filter((p) => o.chatIdentities.some((c) => c.channel === p)),
    reminderChannel: o.reminderChannel,
    invitePending: o.inviteCodes.length > 0,
  }));
}

/** Why an officer command was refused. */
export class OfficerError extends Error {
  override name = 'OfficerError';
  constructor(readonly code: 'not-found' | 'inactive', readonly officerId: number) {
    super(`officer ${officerId}: ${code}`);
  }
}

async function requireOfficer(db: Db, id: number) {
  const officer = await db.officer.findUnique({ where: { id }, include: { unit: true } });
  if (!officer) throw new OfficerError('not-found', id);
  return officer;
}

/** A fresh invite for an officer; every earlier unused code stops working at once. */
export async function reinviteOfficer(prisma: PrismaClient, id: number, options: { now: Date; actor?: string }): Promise<CreatedOfficer & { revoked: number }> {
  return prisma.$transaction(async (tx) => {
    const officer = await requireOfficer(tx, id);
    if (!officer.active) throw new OfficerError('inactive', id);
    const revoked = await revokeInvites(tx, id, options.now);
    const invite = await createInvite(tx, id, options.now);
    await audit(tx, { actor: options.actor ?? 'cli', action: 'officer.reinvite', entityType: 'Officer', entityId: id, data: { revoked } });
    return { id, name: officer.name, unitId: officer.unitId, unitName: officer.unit.name, role: roleOf(officer.role), inviteCode: invite.code, expiresAt: invite.expiresAt, reused: true, revoked };
  });
}

/**
 * Someone who left or moved: no more reminders (pending ones are cancelled now, not at the
 * next reconcile), no invite left to redeem. Reports and history stay.
 */
export async function deactivateOfficer(prisma: PrismaClient, id: number, options: { now: Date; actor?: string }): Promise<{ id: number; name: string; unit: string; wasActive: boolean; cancelledReminders: number }> {
  return prisma.$transaction(async (tx) => {
    const officer = await requireOfficer(tx, id);
    if (!officer.active) return { id, name: officer.name, unit: officer.unit.name, wasActive: false, cancelledReminders: 0 };
    await tx.officer.update({ where: { id }, data: { active: false } });
    await revokeInvites(tx, id, options.now);
    const cancelled = await tx.reminder.updateMany({ where: { officerId: id, status: 'PENDING' }, data: { status: 'CANCELLED', lastError: 'officer deactivated' } });
    await audit(tx, { actor: options.actor ?? 'cli', action: 'officer.deactivate', entityType: 'Officer', entityId: id, data: { cancelledReminders: cancelled.count } });
    return { id, name: officer.name, unit: officer.unit.name, wasActive: true, cancelledReminders: cancelled.count };
  });
}

export async function setOfficerRole(prisma: PrismaClient, id: number, role: OfficerRoleInput, options: { actor?: string } = {}): Promise<{ id: number; name: string; unit: string; from: OfficerRoleInput; to: OfficerRoleInput }> {
  return prisma.$transaction(async (tx) => {
    const officer = await requireOfficer(tx, id);
    if (officer.role !== DB_ROLE[role]) {
      await tx.officer.update({ where: { id }, data: { role: DB_ROLE[role] } });
      await audit(tx, { actor: options.actor ?? 'cli', action: 'officer.role', entityType: 'Officer', entityId: id, data: { from: officer.role, to: DB_ROLE[role] } });
    }
    return { id, name: officer.name, unit: officer.unit.name, from: roleOf(officer.role), to: role };
  });
}
