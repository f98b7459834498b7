// A planned reminder as the officer receives it: the task card under a header that says
// why it comes now (before the deadline, on the day, overdue, escalated, snoozed, an
// explanation due), with the answer buttons. Null when it no longer needs saying.
// Texts: locales/<lang>/task-card.ftl (reminder-header-*).
import type { OutgoingMessage } from '../channels/types.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { TranslateFn } from './i18n.ts';
import { canSeeTask } from '../access/permissions.ts';
import { TASK_VIEW_COLUMNS, toTaskView, type TaskWithView } from '../tasks/queries.ts';
import { taskButtons, taskCardHtml } from './render.ts';
import { isoOfDbDate } from '../status/tracking-status.ts';
import { EXPLANATION_REMINDER_KIND } from '../tasks/explanations.ts';
import { EXPLANATION_ESCALATION_KIND } from '../tasks/explanation-escalation.ts';
import { actorJsonSql, actorOfRow, type ActorRow } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';
import { explanationExtras } from './task-card.ts';

/** Reminders about an explanation: they go while a "done" waits, and carry the explanation's date, not an occurrence's. */
const EXPLANATION_KINDS: ReadonlySet<string> = new Set([EXPLANATION_REMINDER_KIND, EXPLANATION_ESCALATION_KIND]);

export function reminderHeader(t: TranslateFn, kind: string): string {
  if (kind === EXPLANATION_REMINDER_KIND) return t('reminder-header-explanation');
  if (kind === EXPLANATION_ESCALATION_KIND) return t('reminder-header-explanation-overdue');
  if (kind.startsWith('overdue')) return t('reminder-header-overdue');
  if (kind.startsWith('escalation')) return t('reminder-header-escalation');
  if (kind.startsWith('snooze')) return t('reminder-header-snoozed');
  if (kind.startsWith('due-day')) return t('reminder-header-due-day');
  return t('reminder-header');
}

type ReminderRow = TaskWithView & { reminderStatus: string; reminderKind: string; reminderOccurrenceDue: Date | null; reminderOfficerId: number; actor: ActorRow | null };

export async function reminderCard(ctx: MessageContext, reminderId: number, now: Date): Promise<OutgoingMessage | null> {
  // One statement: the reminder, its task's view and the recipient (the send path runs this per message).
  const rows = await ctx.prisma.$queryRaw<ReminderRow[]>`
    SELECT r.status::text AS "reminderStatus", r.kind AS "reminderKind", r."occurrenceDue" AS "reminderOccurrenceDue", r."officerId" AS "reminderOfficerId",
           ${actorJsonSql(Prisma.sql`r."officerId"`)} AS actor, ${TASK_VIEW_COLUMNS}
    FROM "Reminder" r JOIN "Task" t ON t.id = r."taskId" JOIN "Plan" p ON p.id = t."planId"
    WHERE r.id = ${reminderId}`;
  const row = rows[0];
  if (!row || row.reminderStatus === 'CANCELLED') return null;
  if (row.status === 'DONE' || row.status === 'CANCELLED' || !row.actor?.active) return null;
  // Waiting for the monitoring unit's confirmation: the officer has answered (an explanation's reminder still goes).
  if (row.confirmationPendingAt && !EXPLANATION_KINDS.has(row.reminderKind)) return null;
  const actor = actorOfRow(row.actor);
  if (!canSeeTask(actor, actor.scope, row.units)) return null;
  const e = ctx.env(actor.language, now);
  const view = toTaskView(row, actor.scope, actor.unitId, ctx.dateOf);
  // An occurrence's due date, for recurring tasks (an explanation's row carries the explanation's date instead).
  if (row.reminderOccurrenceDue && !EXPLANATION_KINDS.has(row.reminderKind)) view.due = isoOfDbDate(row.reminderOccurrenceDue);
  return {
    html: taskCardHtml(e, view, { header: reminderHeader(e.t, row.reminderKind) }),
    buttons: taskButtons(e.t, row.id, row.reminderOfficerId, explanationExtras(actor, row, e.today)),
  };
}
