// Several overdue reminders due at once to one person (a leader who just linked, an old plan
// imported): one list with a card button per task instead of a card each. Null when none of
// them still needs saying. Texts: locales/<lang>/reminder-list.ftl.
import type { OutgoingMessage } from '../channels/types.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { taskAction } from './actions.ts';
import { canSeeTask } from '../access/permissions.ts';
import { TASK_VIEW_COLUMNS, toTaskView, type TaskWithView } from '../tasks/queries.ts';
import { displayCode, taskLine } from './render.ts';
import { appendixOfPath } from '../status/task-view.ts';
import { actorJsonSql, actorOfRow, type ActorRow } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';

/** Card buttons under the list, five to a row. */
const BUTTONS_SHOWN = 20;

export async function reminderList(ctx: MessageContext, reminderIds: number[], now: Date): Promise<OutgoingMessage | null> {
  const rows = await ctx.prisma.$queryRaw<Array<TaskWithView & { reminderOfficerId: number; actor: ActorRow | null }>>`
    SELECT r."officerId" AS "reminderOfficerId", ${actorJsonSql(Prisma.sql`r."officerId"`)} AS actor, ${TASK_VIEW_COLUMNS}
    FROM "Reminder" r JOIN "Task" t ON t.id = r."taskId" JOIN "Plan" p ON p.id = t."planId"
    WHERE r.id = ANY(${reminderIds}::int[]) AND r.status <> 'CANCELLED'
    ORDER BY t.due ASC NULLS LAST, t.id`;
  const first = rows.find((r) => r.actor?.active);
  if (!first) return null;
  const actor = actorOfRow(first.actor!);
  const e = ctx.env(actor.language, now);
  const seen = new Set<number>();
  const open = rows.filter((r) => r.status !== 'DONE' && r.status !== 'CANCELLED' && canSeeTask(actor, actor.scope, r.units) && !seen.has(r.id) && seen.add(r.id));
  if (!open.length) return null;
  const lines = [e.t('reminder-list-header', { count: open.length }), ''];
  const shown: TaskWithView[] = [];
  for (const task of open) {
    const line = taskLine(e, toTaskView(task, actor.scope, actor.unitId, ctx.dateOf), { withUnits: actor.role !== 'OFFICER' });
    // One message: the tasks that fit, the rest counted (the list is in /overdue).
    if ([...lines, line].join('\n').length > ctx.messageLimit - 300) break;
    lines.push(line);
    shown.push(task);
  }
  if (shown.length < open.length) lines.push(e.t('reminder-list-more', { count: open.length - shown.length }));
  lines.push('', e.t('reminder-list-hint'));
  const cardButtons = shown.slice(0, BUTTONS_SHOWN).map((task) => {
    const appendix = appendixOfPath(task.path);
    return { text: displayCode({ code: task.code, ...(appendix ? { appendix } : {}) }).slice(0, 24), data: taskAction.pack({ action: 'card', taskId: task.id, officerId: actor.id, value: 0 }) };
  });
  const buttons = [];
  for (let i = 0; i < cardButtons.length; i += 5) buttons.push(cardButtons.slice(i, i + 5));
  return { html: lines.join('\n'), buttons };
}
