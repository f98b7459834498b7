// What the scheduler sends, composed from the database: a reminder card, a leader's
// overdue digest, a group's weekly summary. Returns platform-neutral OutgoingMessages;
// the channel adapter only maps them. Composing never sends anything. /report and the
// weekly summary start with a chart (a photo part) before their text.
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { OutgoingMessage } from '../channels/types.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { splitMessage, TELEGRAM_MESSAGE_LIMIT, escapeHtml } from './html.ts';
import { translator, type TranslateFn, type Translator } from './i18n.ts';
import { canAnswerTask, canDemandExplanation, canSeeTask, isLeaderOrAdmin, type UnitScope } from './permissions.ts';
import { overdueTasks, reportData, reportRange, taskInScope, TASK_VIEW_COLUMNS, toTaskView, type TaskWithView } from './queries.ts';
import { formatDmy, isoOfDbDate } from './tracking-status.ts';
import { appendixOfPath, confirmationButtons, displayCode, explanationButtons, formatWhen, reportHtml, tallyLines, taskButtons, taskCardHtml, taskLine, type RenderEnv } from './render.ts';
import { taskAction } from './actions.ts';
import { EXPLANATION_REMINDER_KIND } from './explanations.ts';
import { EXPLANATION_ESCALATION_KIND, overdueExplanationLines } from './explanation-escalation.ts';
import { tallyTotal } from './statistics.ts';
import { canConfirmTask } from './confirmations.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { renderPng } from '../reports/charts/render-png.ts';
import { unitProgressPhoto, type RenderSvg } from '../reports/charts/unit-progress.ts';
import { overdueByDate, overdueHistories, trendDates, TREND_WEEKS } from '../reports/overdue-history.ts';
import { addDaysIso } from '../calendar/civil-date.ts';
import { actorJsonSql, actorOfRow, loadActor, scopeUnitIds, type ActorRow, type LoadedActor } from './scope.ts';

/** Most overdue tasks listed in one digest; the rest are counted. */
export const DIGEST_MAX_TASKS = 100;
/** Reminders about an explanation: they go while a "done" waits, and carry the explanation's date, not an occurrence's. */
const EXPLANATION_KINDS: ReadonlySet<string> = new Set([EXPLANATION_REMINDER_KIND, EXPLANATION_ESCALATION_KIND]);

export interface ComposerDeps {
  prisma: PrismaClient;
  i18n: Translator;
  calendar: WorkingCalendar;
  timeZone: string;
  /** Message length limit of the channel (Telegram 4,096; Zalo 2,000). */
  messageLimit?: number;
  /** SVG to PNG for the charts (resvg by default); null sends no charts. */
  renderChart?: RenderSvg | null;
}

export function createComposer({ prisma, i18n, calendar, messageLimit = TELEGRAM_MESSAGE_LIMIT, renderChart = renderPng }: ComposerDeps) {
  const dateOf = (d: Date) => calendar.dateOf(d);
  const env = (locale: string, now: Date): RenderEnv => ({ t: translator(i18n, locale), calendar, today: calendar.dateOf(now) });
  const split = (html: string): OutgoingMessage[] => splitMessage(html, messageLimit).map((part) => ({ html: part }));

  /** The explanation buttons this viewer gets on this task's card. */
  function explanationExtras(actor: LoadedActor, task: TaskWithView, today: IsoDate) {
    const view = { status: task.status, ...(task.due ? { due: isoOfDbDate(task.due) } : {}), ...(task.explanation ? { explanation: { ...(task.explanation.answer ? { answer: task.explanation.answer } : {}) } } : {}) };
    return explanationButtons(view, today, { demand: canDemandExplanation(actor, task.units), answer: canAnswerTask(actor, actor.scope, task.units), isRequester: task.explanation?.requesterId === actor.id });
  }

  function reminderHeader(t: TranslateFn, kind: string): string {
    if (kind === EXPLANATION_REMINDER_KIND) return t('reminder-header-explanation');
    if (kind === EXPLANATION_ESCALATION_KIND) return t('reminder-header-explanation-overdue');
    if (kind.startsWith('overdue')) return t('reminder-header-overdue');
    if (kind.startsWith('escalation')) return t('reminder-header-escalation');
    if (kind.startsWith('snooze')) return t('reminder-header-snoozed');
    if (kind.startsWith('due-day')) return t('reminder-header-due-day');
    return t('reminder-header');
  }

  /** A task card for one officer, with or without the answer buttons; undefined when they may not see it. */
  async function taskCard(
    officerId: number,
    taskId: number,
    now: Date,
    options: { buttons?: boolean; header?: string; footer?: string; actor?: LoadedActor; /** The task's view as just read or written (saves the read). */ view?: TaskWithView } = {},
  ): Promise<OutgoingMessage | undefined> {
    const actor = options.actor?.id === officerId ? options.actor : await loadActor(prisma, officerId);
    if (!actor?.active) return undefined;
    const known = options.view?.id === taskId ? options.view : undefined;
    const task = known ? (canSeeTask(actor, actor.scope, known.units) ? known : undefined) : await taskInScope(prisma, actor.scope, taskId);
    if (!task) return undefined;
    const e = env(actor.language, now);
    const body = taskCardHtml(e, toTaskView(task, actor.scope, actor.unitId, dateOf), options.header ? { header: options.header } : {});
    const html = options.footer ? `${body}\n\n${options.footer}` : body;
    const open = task.status !== 'DONE' && task.status !== 'CANCELLED';
    // A result waiting for confirmation: the monitoring unit's officers (and admins) get ✅ / ↩️ first.
    const confirmRow = task.confirmationPendingAt && canConfirmTask(actor, task.units) ? confirmationButtons(e.t, task.id, actor.id) : [];
    return { html, ...(options.buttons && open ? { buttons: [...confirmRow, ...taskButtons(e.t, task.id, actor.id, explanationExtras(actor, task, e.today))] } : {}) };
  }

  /**
   * The card an officer of the monitoring unit gets for a result waiting for confirmation: the task,
   * who reported it done and when, the report's note and evidence, ✅ Xác nhận / ↩️ Trả lại.
   * Undefined when nothing waits or the officer may not see the task.
   */
  async function confirmationCard(officerId: number, taskId: number, now: Date): Promise<OutgoingMessage | undefined> {
    const actor = await loadActor(prisma, officerId);
    if (!actor?.active) return undefined;
    const task = await taskInScope(prisma, actor.scope, taskId);
    if (!task?.confirmationPendingAt) return undefined;
    const report = await prisma.statusReport.findFirst({
      where: { taskId, status: 'DONE' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { officer: { select: { name: true } }, evidence: { orderBy: { id: 'asc' }, select: { kind: true, reference: true, fileName: true } } },
    });
    const e = env(actor.language, now);
    const header = e.t('confirmation-asked', { name: escapeHtml(report?.officer.name ?? ''), when: formatWhen(calendar, task.confirmationPendingAt) });
    const items = (report?.evidence ?? []).map((x) => escapeHtml(x.kind === 'LINK' ? x.reference : x.fileName ?? e.t(x.kind === 'PHOTO' ? 'export-evidence-photo-unnamed' : 'export-evidence-document-unnamed')));
    const evidence = items.length ? e.t('confirmation-evidence', { items: items.join(', ') }) : e.t('confirmation-no-evidence');
    return { html: `${taskCardHtml(e, toTaskView(task, actor.scope, actor.unitId, dateOf), { header })}\n${evidence}`, buttons: confirmationButtons(e.t, taskId, officerId) };
  }

  async function reminder(reminderId: number, now: Date): Promise<OutgoingMessage | null> {
    // One statement: the reminder, its task's view and the recipient (the send path runs this per message).
    const rows = await prisma.$queryRaw<Array<TaskWithView & { reminderStatus: string; reminderKind: string; reminderOccurrenceDue: Date | null; reminderOfficerId: number; actor: ActorRow | null }>>`
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
    const e = env(actor.language, now);
    const view = toTaskView(row, actor.scope, actor.unitId, dateOf);
    // An occurrence's due date, for recurring tasks (an explanation's row carries the explanation's date instead).
    if (row.reminderOccurrenceDue && !EXPLANATION_KINDS.has(row.reminderKind)) view.due = isoOfDbDate(row.reminderOccurrenceDue);
    return {
      html: taskCardHtml(e, view, { header: reminderHeader(e.t, row.reminderKind) }),
      buttons: taskButtons(e.t, row.id, row.reminderOfficerId, explanationExtras(actor, row, e.today)),
    };
  }

  /**
   * Several overdue reminders due at once to one person (a leader who just linked, an old plan
   * imported): one list with a card button per task instead of a card each. Null when none of
   * them still needs saying.
   */
  async function reminderList(reminderIds: number[], now: Date): Promise<OutgoingMessage | null> {
    const rows = await prisma.$queryRaw<Array<TaskWithView & { reminderOfficerId: number; actor: ActorRow | null }>>`
      SELECT r."officerId" AS "reminderOfficerId", ${actorJsonSql(Prisma.sql`r."officerId"`)} AS actor, ${TASK_VIEW_COLUMNS}
      FROM "Reminder" r JOIN "Task" t ON t.id = r."taskId" JOIN "Plan" p ON p.id = t."planId"
      WHERE r.id = ANY(${reminderIds}::int[]) AND r.status <> 'CANCELLED'
      ORDER BY t.due ASC NULLS LAST, t.id`;
    const first = rows.find((r) => r.actor?.active);
    if (!first) return null;
    const actor = actorOfRow(first.actor!);
    const e = env(actor.language, now);
    const seen = new Set<number>();
    const open = rows.filter((r) => r.status !== 'DONE' && r.status !== 'CANCELLED' && canSeeTask(actor, actor.scope, r.units) && !seen.has(r.id) && seen.add(r.id));
    if (!open.length) return null;
    const lines = [e.t('reminder-list-header', { count: open.length }), ''];
    const shown: TaskWithView[] = [];
    for (const task of open) {
      const line = taskLine(e, toTaskView(task, actor.scope, actor.unitId, dateOf), { withUnits: actor.role !== 'OFFICER' });
      // One message: the tasks that fit, the rest counted (the list is in /overdue).
      if ([...lines, line].join('\n').length > messageLimit - 300) break;
      lines.push(line);
      shown.push(task);
    }
    if (shown.length < open.length) lines.push(e.t('reminder-list-more', { count: open.length - shown.length }));
    lines.push('', e.t('reminder-list-hint'));
    const cardButtons = shown.slice(0, 20).map((task) => ({ text: displayCode({ code: task.code, ...(appendixOfPath(task.path) ? { appendix: appendixOfPath(task.path)! } : {}) }).slice(0, 24), data: taskAction.pack({ action: 'card', taskId: task.id, officerId: actor.id, value: 0 }) }));
    const buttons = [];
    for (let i = 0; i < cardButtons.length; i += 5) buttons.push(cardButtons.slice(i, i + 5));
    return { html: lines.join('\n'), buttons };
  }

  async function overdueList(scope: UnitScope, e: RenderEnv): Promise<string[]> {
    const { total, tasks } = await overdueTasks(prisma, scope, e.today, { skip: 0, take: DIGEST_MAX_TASKS });
    const lines = tasks.map((task) => taskLine(e, toTaskView(task, scope, undefined, dateOf), { withUnits: true }));
    if (total > tasks.length) lines.push(e.t('list-more', { count: String(total - tasks.length) }));
    return lines;
  }

  async function overdueDigest(leaderOfficerId: number, now: Date): Promise<{ parts: OutgoingMessage[]; unreachableShown: number[] }> {
    const nothing = { parts: [], unreachableShown: [] };
    const actor = await loadActor(prisma, leaderOfficerId);
    if (!actor || !isLeaderOrAdmin(actor)) return nothing;
    const e = env(actor.language, now);
    const taskLines = await overdueList(actor.scope, e);

    const unitFilter = actor.scope === 'all' ? {} : { officer: { unitId: { in: [...actor.scope] } } };
    const gone = await prisma.chatIdentity.findMany({
      where: { deactivationReason: { not: null }, deactivationReportedAt: null, ...unitFilter },
      include: { officer: { include: { unit: true } } },
      orderBy: { deactivatedAt: 'asc' },
      take: 200,
    });
    if (!taskLines.length && !gone.length) return nothing;
    const parts = [e.t('digest-title', { date: formatDmy(e.today) })];
    // The quarter so far in the official buckets, each task once.
    const quarter = reportRange(e.today, 'quarter');
    const { total } = await reportData(prisma, await scopeUnitIds(prisma, actor.scope), quarter, e.today, dateOf);
    if (tallyTotal(total)) parts.push('', e.t('digest-stats', { from: formatDmy(quarter.from), to: formatDmy(quarter.to) }), ...tallyLines(e.t, total));
    if (taskLines.length) parts.push('', e.t('digest-overdue'), ...taskLines);
    const explanations = await overdueExplanationLines(prisma, e.t, actor.scope, e.today);
    if (explanations.length) parts.push('', ...explanations);
    if (gone.length) {
      parts.push('', e.t('digest-unreachable'));
      for (const identity of gone) {
        parts.push(e.t('digest-unreachable-line', {
          name: escapeHtml(identity.officer.name),
          unit: escapeHtml(identity.officer.unit.name),
          reason: e.t(identity.deactivationReason === 'blocked' ? 'unreachable-blocked' : 'unreachable-other', { reason: escapeHtml(identity.deactivationReason ?? '') }),
        }));
      }
    }
    return { parts: split(parts.join('\n')), unreachableShown: gone.map((g) => g.id) };
  }

  /** After a digest went out: the chats it told of are not told of again. */
  async function markUnreachableReported(chatIdentityIds: number[], now: Date): Promise<void> {
    if (!chatIdentityIds.length) return;
    await prisma.chatIdentity.updateMany({ where: { id: { in: chatIdentityIds }, deactivationReportedAt: null }, data: { deactivationReportedAt: now } });
  }

  /** The counts by unit and status as text, and the chart part that shows them (when there is one to draw). */
  async function report(unitIds: number[], locale: string, now: Date, period: 'week' | 'quarter', options: { byOfficer?: boolean } = {}): Promise<{ html: string; chart?: OutgoingMessage }> {
    const e = env(locale, now);
    const range = reportRange(e.today, period);
    const { rows, officers } = await reportData(prisma, unitIds, range, e.today, dateOf);
    const dates = { from: formatDmy(range.from), to: formatDmy(range.to) };
    const title = e.t(period === 'week' ? 'report-title-week' : 'report-title-quarter', dates);
    // Counts by officer are for the leader's own /report, not for a group's summary.
    const html = reportHtml(e.t, title, rows, options.byOfficer ? officers : []);
    if (!renderChart) return { html };
    const chartTitle = e.t(period === 'week' ? 'chart-title-week' : 'chart-title-quarter', dates);
    // Overdue tasks at the end of each of the last weeks, as the history tells (not as the tasks are now).
    const histories = rows.length ? await overdueHistories(prisma, unitIds, e.today, calendar.startOfDay(addDaysIso(e.today, 1))) : [];
    const trend = { title: e.t('chart-title-overdue-trend', { weeks: TREND_WEEKS }), points: overdueByDate(histories, trendDates(e.today), calendar) };
    const photo = unitProgressPhoto(e.t, { title: chartTitle, rows, trend, fileName: `tien-do-${period === 'week' ? 'tuan' : 'quy'}-${range.from}.png` }, renderChart);
    return photo ? { html, chart: { html: e.t('chart-caption', { title: chartTitle }), photo } } : { html };
  }

  /** A group's subscription while it takes this digest: its units and its language (the subscriber's). */
  async function subscriptionTaking(subscriptionId: number, digest: 'weeklySummary' | 'overdueDigest') {
    const sub = await prisma.chatSubscription.findUnique({ where: { id: subscriptionId }, include: { units: true, createdBy: true } });
    if (!sub || !sub.active || !sub[digest]) return undefined;
    return { unitIds: sub.units.map((u) => u.unitId), language: sub.createdBy.language };
  }

  async function weeklySummary(subscriptionId: number, now: Date): Promise<OutgoingMessage[]> {
    const sub = await subscriptionTaking(subscriptionId, 'weeklySummary');
    if (!sub) return [];
    const { unitIds } = sub;
    const { html, chart } = await report(unitIds, sub.language, now, 'week');
    const e = env(sub.language, now);
    const overdue = await overdueList(new Set(unitIds), e);
    const parts = [html];
    if (overdue.length) parts.push('', e.t('digest-overdue'), ...overdue);
    return [...(chart ? [chart] : []), ...split(parts.join('\n'))];
  }

  async function groupOverdueDigest(subscriptionId: number, now: Date): Promise<OutgoingMessage[]> {
    const sub = await subscriptionTaking(subscriptionId, 'overdueDigest');
    if (!sub) return [];
    const e = env(sub.language, now);
    const overdue = await overdueList(new Set(sub.unitIds), e);
    if (!overdue.length) return [];
    return split([e.t('digest-title', { date: formatDmy(e.today) }), '', e.t('digest-overdue'), ...overdue].join('\n'));
  }

  /** /report for a leader: the chart, then counts by unit and status for this week or quarter. */
  async function leaderReport(officerId: number, now: Date, period: 'week' | 'quarter'): Promise<OutgoingMessage[]> {
    const actor = await loadActor(prisma, officerId);
    if (!actor || !isLeaderOrAdmin(actor)) return [];
    const { html, chart } = await report(await scopeUnitIds(prisma, actor.scope), actor.language, now, period, { byOfficer: true });
    return [...(chart ? [chart] : []), ...split(html)];
  }

  return { reminder, reminderList, confirmationCard, overdueDigest, markUnreachableReported, groupOverdueDigest, weeklySummary, taskCard, leaderReport, split };
}

export type Composer = ReturnType<typeof createComposer>;
