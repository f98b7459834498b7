// Confirmation per monitoring unit: a unit's setting (unit.settings.requireConfirmation) makes every
// "done" on a task it monitors (role MONITOR) wait for its confirmation, across plans. The rule a
// "done" follows is one: confirmation is required when the task has a monitoring unit and the plan
// requires it OR one of its monitoring units does (NEEDS_CONFIRMATION_SQL in confirmations.ts).
import type { PrismaClient, Unit } from '../generated/prisma/client.ts';
import { audit } from './audit.ts';
import { REQUIRE_CONFIRMATION_SETTING } from './confirmations.ts';
import { requireUnit } from './units.ts';

/**
 * Sets a unit's confirmation setting by its name or alias (CLI `unit set`, an admin's /confirmation);
 * the unit's other settings are kept. UnitError('not-found') for a name that means no unit.
 */
export async function setUnitConfirmation(prisma: PrismaClient, input: { unit: string; on: boolean; actor: string }): Promise<Unit> {
  return prisma.$transaction(async (tx) => {
    const unit = await requireUnit(tx, input.unit);
    const kept = typeof unit.settings === 'object' && unit.settings !== null && !Array.isArray(unit.settings) ? unit.settings : {};
    const updated = await tx.unit.update({ where: { id: unit.id }, data: { settings: { ...kept, [REQUIRE_CONFIRMATION_SETTING]: input.on } } });
    await audit(tx, { actor: input.actor, action: 'unit.settings', entityType: 'Unit', entityId: unit.id, data: { [REQUIRE_CONFIRMATION_SETTING]: input.on } });
    return updated;
  });
}
