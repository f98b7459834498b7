// Passing a task down (giao tiếp), the use cases with their SQL: who may give it and to whom
// (the rules are in pass-down-rules.ts), the gift itself (one transaction with its audit entry;
// a gift from higher up replaces the chain below it), and who hears of the holder's answers.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { unitKey } from '../plans/unit-names.ts';
import { audit } from './audit.ts';
import { internalDueRefusal, linksReplaced, mayReceive, passDownFrom, type ChainLink, type InternalDueRefusal } from '../access/pass-down-rules.ts';
import { loadActor, PermissionError, type LoadedActor } from './actor.ts';
import { dbDateOf, isoOfDbDate } from '../status/tracking-status.ts';
import { writeNotices } from './notices.ts';

export const MAX_PASS_DOWN_NOTE_LENGTH = 1_000;

type Tx = Prisma.TransactionClient | PrismaClient;

async function chainOf(db: Tx, taskId: number): Promise<ChainLink[]> {
  const rows = await db.taskAssignment.findMany({ where: { taskId, revokedAt: null }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ id: r.id, fromOfficerId: r.fromOfficerId, fromUnitId: r.fromUnitId, toUnitId: r.toUnitId, toOfficerId: r.toOfficerId, internalDue: r.internalDue ? isoOfDbDate(r.internalDue) : null }));
}

async function taskFor(db: Tx, taskId: number) {
  const task = await db.task.findUnique({ where: { id: taskId }, select: { id: true, code: true, status: true, due: true, isGroup: true, units: { select: { unitId: true, role: true } } } });
  if (!task || task.isGroup) throw new PermissionError('no such task');
  return task;
}

/** The unit the actor gives from; PermissionError when they may not pass the task down. */
async function givingUnit(db: Tx, actor: LoadedActor | undefined, taskId: number) {
  if (!actor) throw new PermissionError('unknown officer');
  const task = await taskFor(db, taskId);
  const chain = await chainOf(db, taskId);
  const fromUnitId = passDownFrom(actor, task.units, chain);
  if (fromUnitId === undefined) throw new PermissionError('only a leader of the unit holding the task, or an admin, passes it down');
  return { task, chain, fromUnitId };
}

export interface PassDownOptions {
  fromUnitId: number;
  /** Child units of the giving unit, with every spelling they are known by (folded). */
  units: Array<{ id: number; name: string; keys: string[] }>;
  /** Active officers of the giving unit and of its child units, the giver left out. */
  officers: Array<{ id: number; name: string; unitName: string }>;
}

/** Whom the actor may give the task to; PermissionError when they may not pass it down at all. */
export async function passDownOptions(prisma: PrismaClient, officerId: number, taskId: number): Promise<PassDownOptions> {
  const { fromUnitId } = await givingUnit(prisma, await loadActor(prisma, officerId), taskId);
  const units = await prisma.unit.findMany({ where: { parentId: fromUnitId }, orderBy: { name: 'asc' }, select: { id: true, name: true, normalizedName: true, aliases: { select: { normalizedName: true } } } });
  const officers = await prisma.officer.findMany({
    where: { active: true, id: { not: officerId }, unitId: { in: [fromUnitId, ...units.map((u) => u.id)] } },
    orderBy: [{ unitId: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, unit: { select: { name: true } } },
  });
  return {
    fromUnitId,
    units: units.map((u) => ({ id: u.id, name: u.name, keys: [u.normalizedName, ...u.aliases.map((a) => a.normalizedName)] })),
    officers: officers.map((o) => ({ id: o.id, name: o.name, unitName: o.unit.name })),
  };
}

/** Hyphens and spaces are how a name is written, not which unit it is ("Phòng Tài chính Kế hoạch"). */
const bareKey = (key: string) => key.replace(/[\s-]+/g, ' ').trim();

/** The child unit a typed name or alias means among the options (compared folded, as the directory is). */
export function childUnitNamed(options: PassDownOptions, name: string): number | undefined {
  const key = unitKey(name);
  if (!key) return undefined;
  const exact = options.units.find((u) => u.keys.includes(key));
  if (exact) return exact.id;
  const same = options.units.filter((u) => u.keys.some((k) => bareKey(k) === bareKey(key)));
  return same.length === 1 ? same[0]!.id : undefined;
}

export type PassDownTargetInput = { unitId: number } | { officerId: number };

export type PassDownResult =
  | { outcome: 'given'; assignmentId: number; taskId: number; taskCode: string; toUnitId: number; toOfficerId: number | null; toName: string; internalDue?: IsoDate; replaced: number[]; recipientIds: number[]; noticeIds: number[] }
  | { outcome: 'closed' }
  | { outcome: 'refused'; refusal: InternalDueRefusal; taskDue?: IsoDate };

/**
 * Gives the task to a child unit or an officer. PermissionError when the actor may not pass it
 * down or the target is not theirs to give to (not a child unit, not an officer of their unit or
 * a child unit, or inactive).
 */
export async function passDownTask(
  prisma: PrismaClient,
  input: { officerId: number; taskId: number; target: PassDownTargetInput; internalDue?: IsoDate; note?: string; now: Date; today: IsoDate },
): Promise<PassDownResult> {
  const note = input.note?.trim().slice(0, MAX_PASS_DOWN_NOTE_LENGTH) || null;
  return prisma.$transaction(async (tx) => {
    // Lock the task: two gifts at once are applied one after the other, each on the chain as it is.
    await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${input.taskId} FOR UPDATE`;
    const actor = await loadActor(tx, input.officerId);
    const { task, chain, fromUnitId } = await givingUnit(tx, actor, input.taskId);
    if (task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'closed' } as const;
    if (input.internalDue) {
      const taskDue = task.due ? isoOfDbDate(task.due) : undefined;
      const refusal = internalDueRefusal(input.internalDue, input.today, taskDue);
      if (refusal) return { outcome: 'refused', refusal, ...(taskDue ? { taskDue } : {}) } as const;
    }

    let toUnitId: number;
    let toOfficerId: number | null = null;
    let toName: string;
    if ('officerId' in input.target) {
      const officer = await tx.officer.findUnique({ where: { id: input.target.officerId }, select: { id: true, name: true, active: true, unitId: true, unit: { select: { parentId: true } } } });
      if (!officer || officer.id === input.officerId || !mayReceive(fromUnitId, { officerId: officer.id, unitId: officer.unitId, unitParentId: officer.unit.parentId, active: officer.active })) {
        throw new PermissionError('the officer is not of the giving unit or a child unit');
      }
      toUnitId = officer.unitId;
      toOfficerId = officer.id;
      toName = officer.name;
    } else {
      const unit = await tx.unit.findUnique({ where: { id: input.target.unitId }, select: { id: true, name: true, parentId: true } });
      if (!unit || !mayReceive(fromUnitId, { unitId: unit.id, parentId: unit.parentId })) throw new PermissionError('the unit is not a child of the giving unit');
      toUnitId = unit.id;
      toName = unit.name;
    }

    const replaced = linksReplaced(chain, fromUnitId);
    if (replaced.length) await tx.taskAssignment.updateMany({ where: { id: { in: replaced }, revokedAt: null }, data: { revokedAt: input.now } });
    const assignment = await tx.taskAssignment.create({
      data: { taskId: task.id, fromOfficerId: input.officerId, fromUnitId, toUnitId, toOfficerId, note, internalDue: input.internalDue ? dbDateOf(input.internalDue) : null, createdAt: input.now },
    });
    await audit(tx, {
      actor: String(input.officerId),
      action: 'task.pass-down',
      entityType: 'Task',
      entityId: task.id,
      data: { assignmentId: assignment.id, fromUnitId, toUnitId, toOfficerId, internalDue: input.internalDue ?? null, replaced, ...(note ? { noteLength: note.length } : {}) },
    });
    // Who is told: the officer given it; for a unit, its leaders (who pass it on), else all its officers.
    let recipientIds = toOfficerId ? [toOfficerId] : [];
    if (!toOfficerId) {
      const officers = await tx.officer.findMany({ where: { unitId: toUnitId, active: true }, select: { id: true, role: true }, orderBy: { id: 'asc' } });
      const leaders = officers.filter((o) => o.role === 'LEADER');
      recipientIds = (leaders.length ? leaders : officers).map((o) => o.id);
    }
    recipientIds = recipientIds.filter((id) => id !== input.officerId);
    // Each of them gets the task's card, headed by who gave it and the note.
    const noticeIds = await writeNotices(tx, [{ payload: { kind: 'pass-down-given', assignmentId: assignment.id }, event: `a${assignment.id}`, recipientIds }], input.now);
    return {
      outcome: 'given', assignmentId: assignment.id, taskId: task.id, taskCode: task.code, toUnitId, toOfficerId, toName,
      ...(input.internalDue ? { internalDue: input.internalDue } : {}), replaced, recipientIds, noticeIds,
    } as const;
  });
}

/** The givers up the task's chain who hear of an answer (the one answering left out); none when it was not passed down. */
export async function giverIds(prisma: Tx, taskId: number, answererId: number): Promise<number[]> {
  const chain = await chainOf(prisma, taskId);
  return [...new Set(chain.map((l) => l.fromOfficerId))].filter((id) => id !== answererId);
}
