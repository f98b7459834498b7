// /status without a code: how the officer's tasks stand, counted by the tracking statuses.
// One definition for every chat platform.
import { escapeHtml } from './html.ts';
import { translator } from './i18n.ts';
import type { LoadedActor } from '../tasks/actor.ts';
import { taskScopeWhere } from '../tasks/actor.ts';
import { isoOfDbDate, trackingStatus, TRACKING_STATUSES } from '../status/tracking-status.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Translator } from './i18n.ts';

export async function statusSummaryHtml(deps: { prisma: PrismaClient; calendar: WorkingCalendar; i18n: Translator }, officer: LoadedActor, now: Date): Promise<string> {
  const t = translator(deps.i18n, officer.language);
  const tasks = await deps.prisma.task.findMany({
    where: { isGroup: false, ...taskScopeWhere(officer.scope) },
    select: { status: true, due: true, completedAt: true },
  });
  const today = deps.calendar.dateOf(now);
  const counts = new Map<string, number>();
  for (const task of tasks) {
    const s = trackingStatus({ status: task.status, ...(task.due ? { due: isoOfDbDate(task.due) } : {}), ...(task.completedAt ? { completedOn: deps.calendar.dateOf(task.completedAt) } : {}) }, today);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const lines = [t('status-summary-title', { unit: escapeHtml(officer.unitName) })];
  for (const s of TRACKING_STATUSES) if (counts.get(s)) lines.push(`• ${t(`status-${s}`)}: ${counts.get(s)}`);
  if (lines.length === 1) lines.push(t('tasks-empty'));
  lines.push('', t('status-summary-hint'));
  return lines.join('\n');
}
