// Officers and their units: adding one officer or a whole roster, each with an invite code.
// Units are matched by the importer's normalised key (unitKey) against names and aliases.
import type { PrismaClient, Unit } from '../generated/prisma/client.ts';
import { unitKey } from '../plans/unit-names.ts';
import { audit } from './audit.ts';
import { createInvite } from './invites.ts';
import type { Db } from './scope.ts';

export const OFFICER_ROLES = ['officer', 'leader', 'admin'] as const;
export type OfficerRoleInput = (typeof OFFICER_ROLES)[number];
export const MAX_NAME_LENGTH = 200;

export async function findUnitByName(db: Db, name: string): Promise<Unit | undefined> {
  const key = unitKey(name);
  if (!key) return undefined;
  const unit = await db.unit.findUnique({ where: { normalizedName: key } });
  if (unit) return unit;
  const alias = await db.unitAlias.findUnique({ where: { normalizedName: key }, include: { unit: true } });
  return alias?.unit;
}

export interface NewOfficer {
  name: string;
  unit: string;
  role: OfficerRoleInput;
}

export interface CreatedOfficer {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  role: OfficerRoleInput;
  inviteCode: string;
  expiresAt: Date;
}

export class RosterError extends Error {
  override name = 'RosterError';
  constructor(readonly problems: Array<{ line: number; message: string }>) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join('\n'));
  }
}

/** Validates every row first (names, roles, units), then creates all officers in one transaction or none. */
export async function addOfficers(
  prisma: PrismaClient,
  rows: Array<NewOfficer & { line: number }>,
  options: { now: Date; actor?: string },
): Promise<CreatedOfficer[]> {
  const problems: Array<{ line: number; message: string }> = [];
  const resolved: Array<{ row: NewOfficer & { line: number }; unit: Unit }> = [];
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) problems.push({ line: row.line, message: 'name is empty' });
    else if (name.length > MAX_NAME_LENGTH) problems.push({ line: row.line, message: `name longer than ${MAX_NAME_LENGTH} characters` });
    if (!(OFFICER_ROLES as readonly string[]).includes(row.role)) {
      problems.push({ line: row.line, message: `role "${row.role}" is not one of ${OFFICER_ROLES.join(', ')}` });
    }
    if (!row.unit.trim()) {
      problems.push({ line: row.line, message: 'unit is empty' });
      continue;
    }
    const unit = await findUnitByName(prisma, row.unit);
    if (!unit) problems.push({ line: row.line, message: `unit "${row.unit.trim()}" not found (import a plan naming it, or check the spelling)` });
    else resolved.push({ row: { ...row, name }, unit });
  }
  if (problems.length) throw new RosterError(problems);

  return prisma.$transaction(async (tx) => {
    const created: CreatedOfficer[] = [];
    for (const { row, unit } of resolved) {
      const officer = await tx.officer.create({ data: { name: row.name, unitId: unit.id, role: row.role.toUpperCase() as 'OFFICER' | 'LEADER' | 'ADMIN' } });
      const invite = await createInvite(tx, officer.id, options.now);
      await audit(tx, { actor: options.actor ?? 'cli', action: 'officer.create', entityType: 'Officer', entityId: officer.id, data: { unitId: unit.id, role: officer.role } });
      created.push({ id: officer.id, name: officer.name, unitId: unit.id, unitName: unit.name, role: row.role, inviteCode: invite.code, expiresAt: invite.expiresAt });
    }
    return created;
  });
}
