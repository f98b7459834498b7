// Confirmation (chờ xác nhận): with the plan's setting on, an officer's "done" on a task with a
// monitoring unit (MONITOR) does not finish it; the task stays open at 100% with the report's time
// in Task.confirmationPendingAt and its reminders stop, until an officer of the monitoring unit
// (or an admin) confirms it — DONE, completed at the report's time, so on time or late is judged
// by when the work was done — or returns it with a reason — in progress again, the officer told,
// reminders planned again. Each step is one transaction with its audit entry.
//
// What a waiting task is to the rest of the code: its status is not DONE, so every query that
// tests 'DONE' (lists, overdue, statistics, export) counts it as not done, which is the rule; the
// reminder planner and the reminder composer skip it (the officer has answered); its card says
// "chờ xác nhận". A return is written as a RETURNED StatusReport by the returning officer with
// the reason as its note, so the history (export, trend) sees the "done" undone, while the
// officer who answered last (statistics per officer) stays the one who did the work.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { audit } from './audit.ts';
import type { Actor, TaskUnitRole } from '../access/permissions.ts';
import { loadActor, PermissionError } from './actor.ts';
import { writeNotices } from './notices.ts';

export const MAX_RETURN_REASON_LENGTH = 2_000;

/** The settings key (plan.settings and unit.settings JSON). */
export const REQUIRE_CONFIRMATION_SETTING = 'requireConfirmation';

/** Is confirmation required by these plan or unit settings (default off)? */
export function requiresConfirmation(settings: unknown): boolean {
  return typeof settings === 'object' && settings !== null && (settings as Record<string, unknown>)[REQUIRE_CONFIRMATION_SETTING] === true;
}

/**
 * SQL: does task `t` need confirmation of a "done"? It has a monitoring unit, and its plan requires
 * it OR one of its monitoring units does (unit.settings, see unit-confirmation.ts). Never NULL: a
 * setting that is absent is off (a NULL here would leave a plain "done" without its completedAt).
 */
export const NEEDS_CONFIRMATION_SQL = Prisma.sql`EXISTS (
  SELECT 1 FROM "TaskUnit" cu JOIN "Unit" cun ON cun.id = cu."unitId"
  WHERE cu."taskId" = t.id AND cu.role = 'MONITOR'
    AND ((cun.settings -> ${REQUIRE_CONFIRMATION_SETTING}) = 'true'::jsonb
         OR COALESCE((SELECT (cp.settings -> ${REQUIRE_CONFIRMATION_SETTING}) = 'true'::jsonb FROM "Plan" cp WHERE cp.id = t."planId"), false)))`;

/** Only officers of the task's monitoring unit (any role), or admins, confirm or return a result. */
export function canConfirmTask(actor: Actor, taskUnits: readonly TaskUnitRole[]): boolean {
  if (!actor.active) return false;
  if (actor.role === 'ADMIN') return true;
  return taskUnits.some((tu) => tu.role === 'MONITOR' && tu.unitId === actor.unitId);
}

/** Throws PermissionError unless the officer may confirm or return this task's result: checked before the reason is asked. */
export async function assertMayConfirm(prisma: PrismaClient, officerId: number, taskId: number): Promise<void> {
  const actor = await loadActor(prisma, officerId);
  const units = await prisma.taskUnit.findMany({ where: { taskId }, select: { unitId: true, role: true } });
  if (!actor || !canConfirmTask(actor, units)) throw new PermissionError('only an officer of the monitoring unit, or an admin, confirms or returns a result');
}

/** Who gets the confirmation card: the active officers of the monitoring units, but not the reporter. */
export async function confirmationRecipients(prisma: PrismaClient | Prisma.TransactionClient, taskId: number, reporterId: number): Promise<number[]> {
  const units = await prisma.taskUnit.findMany({ where: { taskId, role: 'MONITOR' }, select: { unitId: true } });
  const officers = await prisma.officer.findMany({ where: { active: true, unitId: { in: units.map((u) => u.unitId) }, id: { not: reporterId } }, select: { id: true }, orderBy: { id: 'asc' } });
  return officers.map((o) => o.id);
}

export type ConfirmationResult =
  | { outcome: 'confirmed'; taskId: number; reporterId: number | undefined; completedAt: Date; noticeIds: number[] }
  | { outcome: 'returned'; taskId: number; reporterId: number | undefined; reason: string; noticeIds: number[] }
  | { outcome: 'not-waiting' };

async function lockWaiting(tx: Prisma.TransactionClient, officerId: number, taskId: number) {
  const actor = await loadActor(tx, officerId);
  if (!actor) throw new PermissionError('unknown officer');
  // Lock the task: a confirmation and a return pressed at once decide once.
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
  const task = await tx.task.findUnique({ where: { id: taskId }, include: { units: true } });
  if (!task) throw new PermissionError('no such task');
  if (!canConfirmTask(actor, task.units)) throw new PermissionError('only an officer of the monitoring unit, or an admin, confirms or returns a result');
  // The officer whose "done" waits: the latest DONE answer.
  const report = await tx.statusReport.findFirst({ where: { taskId, status: 'DONE' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, officerId: true } });
  return { actor, task, report };
}

/** An officer of the monitoring unit confirms the reported result: the task is done as of the report. */
export async function confirmTask(prisma: PrismaClient, input: { officerId: number; taskId: number; now: Date }): Promise<ConfirmationResult> {
  return prisma.$transaction(async (tx) => {
    const { actor, task, report } = await lockWaiting(tx, input.officerId, input.taskId);
    if (!task.confirmationPendingAt || task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'not-waiting' } as const;
    const completedAt = task.confirmationPendingAt;
    await tx.task.update({ where: { id: task.id }, data: { status: 'DONE', progress: 100, completedAt, confirmationPendingAt: null } });
    await tx.reminder.updateMany({ where: { taskId: task.id, status: 'PENDING' }, data: { status: 'CANCELLED' } });
    await audit(tx, { actor: String(actor.id), action: 'task.confirm', entityType: 'Task', entityId: task.id, data: { reportId: report?.id ?? null, completedAt: completedAt.toISOString() } });
    // The officer whose "done" it was hears it was confirmed.
    const noticeIds = report ? await writeNotices(tx, [{ payload: { kind: 'confirmation-confirmed', taskId: task.id, reportId: report.id, byOfficerId: actor.id }, event: `r${report.id}`, recipientIds: [report.officerId] }], input.now) : [];
    return { outcome: 'confirmed', taskId: task.id, reporterId: report?.officerId, completedAt, noticeIds } as const;
  });
}

/** An officer of the monitoring unit returns the result with a reason: in progress again. */
export async function returnTask(prisma: PrismaClient, input: { officerId: number; taskId: number; reason: string; now: Date }): Promise<ConfirmationResult> {
  const reason = input.reason.trim().slice(0, MAX_RETURN_REASON_LENGTH);
  return prisma.$transaction(async (tx) => {
    const { actor, task, report } = await lockWaiting(tx, input.officerId, input.taskId);
    if (!task.confirmationPendingAt || task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'not-waiting' } as const;
    await tx.task.update({ where: { id: task.id }, data: { status: 'IN_PROGRESS', confirmationPendingAt: null } });
    const back = await tx.statusReport.create({ data: { taskId: task.id, officerId: actor.id, occurrenceDue: task.due, status: 'RETURNED', progress: task.progress, note: reason || null, createdAt: input.now } });
    await audit(tx, { actor: String(actor.id), action: 'task.return', entityType: 'Task', entityId: task.id, data: { reportId: report?.id ?? null, returnReportId: back.id, reasonLength: reason.length } });
    // The officer whose "done" it was hears it came back, and why (the RETURNED report holds the reason).
    const noticeIds = report ? await writeNotices(tx, [{ payload: { kind: 'confirmation-returned', taskId: task.id, returnReportId: back.id }, event: `r${back.id}`, recipientIds: [report.officerId] }], input.now) : [];
    return { outcome: 'returned', taskId: task.id, reporterId: report?.officerId, reason, noticeIds } as const;
  });
}

/** Sets a plan's confirmation setting (CLI `plan set`, an admin in the chat); the other settings are kept. */
export async function setPlanConfirmation(prisma: PrismaClient, input: { planId: number; on: boolean; actor: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: input.planId }, select: { settings: true } });
    const settings = { ...(typeof plan.settings === 'object' && plan.settings !== null && !Array.isArray(plan.settings) ? plan.settings : {}), [REQUIRE_CONFIRMATION_SETTING]: input.on };
    await tx.plan.update({ where: { id: input.planId }, data: { settings } });
    await audit(tx, { actor: input.actor, action: 'plan.settings', entityType: 'Plan', entityId: input.planId, data: { [REQUIRE_CONFIRMATION_SETTING]: input.on } });
  });
}
