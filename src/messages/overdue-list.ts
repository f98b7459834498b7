// The overdue tasks of some units as lines (one per task, units named), the most a digest
// lists and the rest counted. Part of the leader's digest, a group's digest and the weekly summary.
import { overdueTasks } from '../tasks/queries.ts';
import { taskLine, type RenderEnv } from './render.ts';
import { toTaskView } from '../tasks/queries.ts';
import type { UnitScope } from '../access/permissions.ts';
import type { MessageContext } from './context.ts';

/** Most overdue tasks listed in one digest; the rest are counted. */
export const DIGEST_MAX_TASKS = 100;

export async function overdueLines(ctx: MessageContext, scope: UnitScope, e: RenderEnv): Promise<string[]> {
  const { total, tasks } = await overdueTasks(ctx.prisma, scope, e.today, { skip: 0, take: DIGEST_MAX_TASKS });
  const lines = tasks.map((task) => taskLine(e, toTaskView(task, scope, undefined, ctx.dateOf), { withUnits: true }));
  if (total > tasks.length) lines.push(e.t('list-more', { count: String(total - tasks.length) }));
  return lines;
}
