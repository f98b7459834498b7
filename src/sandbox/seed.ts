// The demo database's first start: the demo plan imported by the real importer, the
// sandbox people added by the real officer code (invites included), each linked to
// their sandbox chat. Runs once: a database that has a plan is left as it is.
import { addOfficers } from '../tasks/officers.ts';
import { addUnit, findUnit } from '../tasks/units.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { parsePlanFile } from '../plans/import-plan.ts';
import { loadUnitDirectory, writePlan } from '../plans/store/plan-writer.ts';
import { DEMO_PLAN_FILE, demoPlanCsv, SANDBOX_OFFICE_UNIT, SANDBOX_PEOPLE } from './demo-plan.ts';

const ACTOR = 'sandbox';

export async function seedDemo(prisma: PrismaClient, today: string, now: Date): Promise<{ seeded: boolean; tasks: number }> {
  if (await prisma.plan.count()) return { seeded: false, tasks: await prisma.task.count({ where: { isGroup: false } }) };
  const parsed = await parsePlanFile(DEMO_PLAN_FILE, Buffer.from(demoPlanCsv(today)), { issued: today, ...(await loadUnitDirectory(prisma)) });
  await writePlan(prisma, parsed, { today });
  const office = (await findUnit(prisma, SANDBOX_OFFICE_UNIT)) ?? (await addUnit(prisma, { name: SANDBOX_OFFICE_UNIT }, { actor: ACTOR }));
  // The plan's units sit under the office, so its leader's /report and digests cover them.
  await prisma.unit.updateMany({ where: { id: { not: office.id }, parentId: null }, data: { parentId: office.id } });
  const created = await addOfficers(prisma, SANDBOX_PEOPLE.map((p, i) => ({ line: i + 1, name: p.name, unit: p.unit, role: p.role })), { now, actor: ACTOR });
  for (const [i, officer] of created.entries()) {
    const externalId = String(SANDBOX_PEOPLE[i]!.chatId);
    await prisma.chatIdentity.upsert({
      where: { channel_externalId: { channel: 'TELEGRAM', externalId } },
      create: { officerId: officer.id, channel: 'TELEGRAM', externalId },
      update: { officerId: officer.id, active: true },
    });
  }
  return { seeded: true, tasks: parsed.tasks.length };
}
