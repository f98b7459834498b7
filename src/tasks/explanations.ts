// Explanations (giải trình): a leader demands one for an overdue task, by a date; an officer of
// the responsible unit answers in text; the answer is stored with the task and reaches the
// leader. Each step is one transaction with its audit entry. Unanswered requests are reminded
// on their due day through the ordinary reminder rows (kind "explanation"), and escalated to the
// leaders the day after (explanation-escalation.ts).
import { ACTIVE_CHATS_NEWEST_FIRST, reminderChat } from './reminder-channel.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { audit } from './audit.ts';
import { canAnswerTask, canDemandExplanation } from '../access/permissions.ts';
import { loadActor, PermissionError } from './actor.ts';
import { writeNotices } from './notices.ts';
import { dbDateOf, isoOfDbDate } from '../status/tracking-status.ts';
import { EXPLANATION_ESCALATION_KIND, planExplanationEscalation } from './explanation-escalation.ts';

/** Working days given to answer when the leader names no date. */
export const EXPLANATION_DEFAULT_WORKING_DAYS = 3;
export const MAX_EXPLANATION_LENGTH = 4_000;
export const EXPLANATION_REMINDER_KIND = 'explanation';

export type ExplanationRequestResult =
  | { outcome: 'requested'; requestId: number; dueOn: IsoDate; taskCode: string; recipientIds: number[]; noticeIds: number[] }
  | { outcome: 'already-requested'; requestId: number; dueOn: IsoDate }
  | { outcome: 'not-overdue' | 'closed' };

/** The responsible units: the lead unit, or the executing unit where the plan names no lead. */
function responsibleUnitIds(units: Array<{ unitId: number; role: string }>): number[] {
  const lead = units.filter((u) => u.role === 'LEAD').map((u) => u.unitId);
  return lead.length ? lead : units.filter((u) => u.role === 'EXECUTE').map((u) => u.unitId);
}

export async function requestExplanation(
  prisma: PrismaClient,
  calendar: WorkingCalendar,
  input: { officerId: number; taskId: number; dueOn?: IsoDate; note?: string; now: Date },
): Promise<ExplanationRequestResult> {
  return prisma.$transaction(async (tx) => {
    const actor = await loadActor(tx, input.officerId);
    if (!actor) throw new PermissionError('unknown officer');
    // Lock the task: two leaders pressing at once make one request.
    await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${input.taskId} FOR UPDATE`;
    const task = await tx.task.findUnique({ where: { id: input.taskId }, include: { units: true } });
    if (!task) throw new PermissionError('no such task');
    if (!canDemandExplanation(actor, task.units)) throw new PermissionError('only a leader of a unit with a role on the task, or an admin, demands explanations');
    if (task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'closed' } as const;
    const today = calendar.dateOf(input.now);
    if (!task.due || isoOfDbDate(task.due) >= today) return { outcome: 'not-overdue' } as const;
    const open = await tx.explanationRequest.findFirst({ where: { taskId: task.id, answeredAt: null }, orderBy: { id: 'desc' } });
    if (open) return { outcome: 'already-requested', requestId: open.id, dueOn: isoOfDbDate(open.dueOn) } as const;

    const dueOn = input.dueOn && input.dueOn > today ? input.dueOn : calendar.addWorkingDays(today, EXPLANATION_DEFAULT_WORKING_DAYS);
    const note = input.note?.trim().slice(0, MAX_EXPLANATION_LENGTH) || null;
    const request = await tx.explanationRequest.create({ data: { taskId: task.id, requesterId: actor.id, dueOn: dbDateOf(dueOn), note, createdAt: input.now } });
    // A task passed down (giao tiếp) is answered by its holder: the officer given it last, or that unit's officers.
    const holder = await tx.taskAssignment.findFirst({ where: { taskId: task.id, revokedAt: null }, orderBy: { id: 'desc' }, select: { toUnitId: true, toOfficerId: true } });
    const answerers = holder ? (holder.toOfficerId ? { id: holder.toOfficerId } : { unitId: holder.toUnitId }) : { unitId: { in: responsibleUnitIds(task.units) } };
    const officers = await tx.officer.findMany({
      where: { active: true, ...answerers, AND: [{ id: { not: actor.id } }] },
      select: { id: true, reminderChannel: true, chatIdentities: { ...ACTIVE_CHATS_NEWEST_FIRST, select: { id: true, channel: true } } },
    });
    // Reminded on the due day if still unanswered (the answer cancels these rows).
    const remindAt = calendar.instantOn(calendar.isWorkingDay(dueOn) ? dueOn : calendar.nextWorkingDay(dueOn));
    const linked = officers.filter((o) => o.chatIdentities.length);
    if (linked.length) {
      await tx.reminder.createMany({
        data: linked.map((o) => ({
          deliveryKey: `t${task.id}:expl${request.id}:o${o.id}`,
          taskId: task.id,
          officerId: o.id,
          chatIdentityId: reminderChat(o.chatIdentities, o.reminderChannel)!.id,
          occurrenceDue: dbDateOf(dueOn),
          kind: EXPLANATION_REMINDER_KIND,
          plannedAt: remindAt,
        })),
        skipDuplicates: true,
      });
    }
    // Escalated once the day passes unanswered (explanation-escalation.ts; the answer cancels it too).
    const escalateTo = await planExplanationEscalation(tx, calendar, { taskId: task.id, requestId: request.id, requesterId: actor.id, responsibleUnitIds: responsibleUnitIds(task.units), dueOn });
    await audit(tx, { actor: String(actor.id), action: 'explanation.request', entityType: 'ExplanationRequest', entityId: request.id, data: { taskId: task.id, dueOn, recipients: officers.map((o) => o.id), escalateTo } });
    // Each of them is asked, with the task's card (its answer buttons).
    const noticeIds = await writeNotices(tx, [{ payload: { kind: 'explanation-asked', requestId: request.id }, event: `r${request.id}`, recipientIds: officers.map((o) => o.id) }], input.now);
    return { outcome: 'requested', requestId: request.id, dueOn, taskCode: task.code, recipientIds: officers.map((o) => o.id), noticeIds } as const;
  });
}

export type ExplanationAnswerResult =
  | { outcome: 'answered'; requestId: number; requesterId: number; taskId: number; noticeIds: number[] }
  | { outcome: 'none-open' };

export async function answerExplanation(
  prisma: PrismaClient,
  input: { officerId: number; taskId: number; text: string; now: Date },
): Promise<ExplanationAnswerResult> {
  const text = input.text.trim().slice(0, MAX_EXPLANATION_LENGTH);
  return prisma.$transaction(async (tx) => {
    const actor = await loadActor(tx, input.officerId);
    if (!actor) throw new PermissionError('unknown officer');
    // The units that hold it: named by the plan, or passed down to (giao tiếp).
    const task = await tx.task.findUnique({ where: { id: input.taskId }, include: { units: true, assignments: { where: { revokedAt: null }, select: { toUnitId: true } } } });
    if (!task || !canAnswerTask(actor, actor.scope, [...task.units, ...task.assignments.map((a) => ({ unitId: a.toUnitId }))])) throw new PermissionError('task outside the officer\'s units');
    const open = await tx.explanationRequest.findFirst({ where: { taskId: task.id, answeredAt: null }, orderBy: { id: 'desc' } });
    if (!open || !text) return { outcome: 'none-open' } as const;
    // Compare-and-set: the first answer stands, a second one finds nothing open.
    const claimed = await tx.explanationRequest.updateMany({ where: { id: open.id, answeredAt: null }, data: { answer: text, answeredById: actor.id, answeredAt: input.now } });
    if (claimed.count === 0) return { outcome: 'none-open' } as const;
    await tx.reminder.updateMany({ where: { taskId: task.id, kind: { in: [EXPLANATION_REMINDER_KIND, EXPLANATION_ESCALATION_KIND] }, status: 'PENDING', deliveryKey: { startsWith: `t${task.id}:expl${open.id}:` } }, data: { status: 'CANCELLED', lastError: 'explanation answered' } });
    await audit(tx, { actor: String(actor.id), action: 'explanation.answer', entityType: 'ExplanationRequest', entityId: open.id, data: { taskId: task.id, length: text.length } });
    // The leader who asked reads the answer.
    const noticeIds = await writeNotices(tx, [{ payload: { kind: 'explanation-answered', requestId: open.id }, event: `r${open.id}`, recipientIds: [open.requesterId] }], input.now);
    return { outcome: 'answered', requestId: open.id, requesterId: open.requesterId, taskId: task.id, noticeIds } as const;
  });
}
