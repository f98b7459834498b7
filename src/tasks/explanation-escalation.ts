// Escalation of an unanswered explanation (quá hạn giải trình): when the day by which an explanation
// was demanded passes unanswered, the leader who demanded it, and the leaders of the responsible
// unit when they are someone else, are told once. It is planned at the demand, as reminder rows
// (unique delivery keys, delivered once by the workers like any reminder), at the start of the
// first working day after the due day; the answer cancels them with the due-day reminder. Overdue
// explanations are also listed in the leader's overdue digest (messages/overdue-explanations.ts).
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { Db } from './actor.ts';
import { dbDateOf } from '../status/tracking-status.ts';

export const EXPLANATION_ESCALATION_KIND = 'explanation-overdue';

/** When an explanation due on `dueOn` is overdue and escalated: the start of the first working day after it. */
export function explanationEscalationAt(calendar: WorkingCalendar, dueOn: IsoDate): Date {
  return calendar.instantOn(calendar.nextWorkingDay(dueOn));
}

/** The escalation's row key: beside the due-day reminder's `t<task>:expl<request>:o<officer>`, so the answer's cancel finds both. */
export function escalationDeliveryKey(taskId: number, requestId: number, officerId: number): string {
  return `t${taskId}:expl${requestId}:esc:o${officerId}`;
}

/**
 * Plans the escalation of a new explanation request (inside its transaction): the requester and the
 * active leaders of the responsible units, each on the chat they linked last (unlinked: nobody to
 * tell). Returns who will be told.
 */
export async function planExplanationEscalation(
  tx: Db,
  calendar: WorkingCalendar,
  input: { taskId: number; requestId: number; requesterId: number; responsibleUnitIds: number[]; dueOn: IsoDate },
): Promise<number[]> {
  const recipients = await tx.officer.findMany({
    where: { active: true, OR: [{ id: input.requesterId }, { role: 'LEADER', unitId: { in: input.responsibleUnitIds } }] },
    orderBy: { id: 'asc' },
    select: { id: true, chatIdentities: { where: { active: true }, orderBy: [{ linkedAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true } } },
  });
  const linked = recipients.filter((o) => o.chatIdentities.length);
  if (!linked.length) return [];
  const plannedAt = explanationEscalationAt(calendar, input.dueOn);
  await tx.reminder.createMany({
    data: linked.map((o) => ({
      deliveryKey: escalationDeliveryKey(input.taskId, input.requestId, o.id),
      taskId: input.taskId,
      officerId: o.id,
      chatIdentityId: o.chatIdentities[0]!.id,
      occurrenceDue: dbDateOf(input.dueOn),
      kind: EXPLANATION_ESCALATION_KIND,
      plannedAt,
    })),
    skipDuplicates: true,
  });
  return linked.map((o) => o.id);
}
