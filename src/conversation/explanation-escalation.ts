// Escalation of an unanswered explanation (quá hạn giải trình): when the day by which an explanation
// was demanded passes unanswered, the leader who demanded it, and the leaders of the responsible
// unit when they are someone else, are told once. It is planned at the demand, as reminder rows
// (unique delivery keys, delivered once by the workers like any reminder), at the start of the
// first working day after the due day; the answer cancels them with the due-day reminder. Overdue
// explanations are also listed in the leader's overdue digest.
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { escapeHtml, truncate } from './html.ts';
import type { TranslateFn } from './i18n.ts';
import type { UnitScope } from './permissions.ts';
import type { Db } from './scope.ts';
import { dbDateOf, formatDmy, isoOfDbDate } from './tracking-status.ts';

export const EXPLANATION_ESCALATION_KIND = 'explanation-overdue';
/** Overdue explanations listed in one digest; the rest are counted. */
export const DIGEST_MAX_EXPLANATIONS = 30;
const DIGEST_TITLE_MAX = 80;

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

/** The digest's lines for explanations past their day, unanswered, on open tasks in the leader's scope. */
export async function overdueExplanationLines(db: Db, t: TranslateFn, scope: UnitScope, today: IsoDate): Promise<string[]> {
  const inScope = scope === 'all' ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM "TaskUnit" tu WHERE tu."taskId" = t.id AND tu."unitId" = ANY(${[...scope]}::int[]))`;
  const rows = await db.$queryRaw<Array<{ code: string; title: string; by: string; dueOn: Date; total: number }>>`
    SELECT t.code, t.title, o.name AS by, e."dueOn", (count(*) OVER ())::int AS total
    FROM "ExplanationRequest" e JOIN "Task" t ON t.id = e."taskId" JOIN "Officer" o ON o.id = e."requesterId"
    WHERE e."answeredAt" IS NULL AND e."dueOn" < ${dbDateOf(today)}::date AND t.status NOT IN ('DONE', 'CANCELLED') AND ${inScope}
    ORDER BY e."dueOn", t.id
    LIMIT ${DIGEST_MAX_EXPLANATIONS}`;
  if (!rows.length) return [];
  const lines = rows.map((r) => t('digest-explanation-line', { code: escapeHtml(r.code), title: escapeHtml(truncate(r.title, DIGEST_TITLE_MAX)), by: escapeHtml(r.by), due: formatDmy(isoOfDbDate(r.dueOn)) }));
  const more = rows[0]!.total - rows.length;
  return [t('digest-overdue-explanations'), ...lines, ...(more > 0 ? [t('list-more', { count: String(more) })] : [])];
}
