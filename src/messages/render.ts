// Platform-neutral texts: task cards, lists and reports as HTML with every piece of
// user or plan text escaped. Cards are kept short enough to be edited in place (one
// message); lists and reports may be long and are split by the caller (splitMessage).
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { MessageButton } from '../channels/types.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { confirmationDecision, SNOOZE_NEXT_MORNING, SNOOZE_PICK_DAY, taskAction, type TaskActionName } from './actions.ts';
import { escapeHtml, shorten, truncate } from './html.ts';
import type { TranslateFn } from './i18n.ts';
import { formatDmy, trackingStatus, TRACKING_STATUSES } from '../status/tracking-status.ts';
import { appendixOfPath, emptyCounts, type ReportRow, type TaskView } from '../status/task-view.ts';
import { OFFICIAL_BUCKETS, type BucketCounts, type Tally } from '../status/statistics.ts';

/** Plan text can be long; a card must stay one editable message. */
export const CARD_TITLE_MAX = 700;
export const CARD_FIELD_MAX = 400;
export const CARD_NOTE_MAX = 300;
export const LIST_TITLE_MAX = 120;
export const LIST_PAGE_SIZE = 10;

export interface RenderEnv {
  t: TranslateFn;
  calendar: WorkingCalendar;
  today: IsoDate;
}

export function describeDue(env: RenderEnv, due: IsoDate | undefined): string {
  const { t, calendar, today } = env;
  if (!due) return t('due-none');
  const date = formatDmy(due);
  if (due === today) return t('due-today', { date });
  if (due > today) return t('due-left', { date, days: String(calendar.workingDaysBetween(today, due)) });
  return t('due-overdue', { date, days: String(Math.max(1, calendar.workingDaysBetween(due, today))) });
}

export function statusLabel(t: TranslateFn, view: Pick<TaskView, 'status' | 'due' | 'completedOn' | 'progress' | 'awaitingConfirmation'>, today: IsoDate): string {
  const tracking = trackingStatus(view, today);
  if (view.awaitingConfirmation && tracking) return t('status-awaiting-confirmation', { status: t(`status-${tracking}`) });
  if (!tracking) return t('status-cancelled');
  const label = t(`status-${tracking}`);
  return view.status === 'IN_PROGRESS' && view.progress > 0 && view.progress < 100 ? `${label} (${view.progress}%)` : label;
}

/** Plan headings run to 300 characters ("Kế hoạch thực hiện ... năm 2024"): a card shows the number and the start. */
export const PLAN_LABEL_TITLE_MAX = 80;

export function planLabel(view: Pick<TaskView, 'planTitle' | 'planNumber'>): string {
  const title = escapeHtml(shorten(view.planTitle, PLAN_LABEL_TITLE_MAX));
  return view.planNumber ? `${escapeHtml(view.planNumber)} — ${title}` : title;
}

/** A task among several of one code, as a choice: "PL2 · 1.2 — 336/KH-UBND". */
export function choiceLabel(task: { code: string; path: string; plan: { number: string | null; title: string } }): string {
  const appendix = appendixOfPath(task.path);
  return `${displayCode({ code: task.code, ...(appendix ? { appendix } : {}) })} — ${(task.plan.number ?? task.plan.title).slice(0, 40)}`;
}

/**
 * The code as people see and type it: unique within the plan, so in a plan with several
 * appendices the appendix goes with it ("PL2 · 1.2"); "xong PL2 1.2" finds it.
 */
export function displayCode(view: Pick<TaskView, 'code' | 'appendix'>): string {
  return view.appendix ? `${view.appendix} · ${view.code}` : view.code;
}

/** The body of a task card: code and title, plan, raw deadline and its meaning, target, role, status. */
export function taskCardHtml(env: RenderEnv, view: TaskView, options: { header?: string } = {}): string {
  const { t } = env;
  const lines: string[] = [];
  if (options.header) lines.push(options.header);
  lines.push(`<b>${escapeHtml(displayCode(view))}. ${escapeHtml(truncate(view.title, CARD_TITLE_MAX))}</b>`);
  lines.push(t('card-plan', { plan: planLabel(view) }));
  if (view.deadlineRaw) lines.push(t('card-deadline-raw', { text: escapeHtml(truncate(view.deadlineRaw, CARD_FIELD_MAX)) }));
  lines.push(t('card-due', { due: describeDue(env, view.due) }));
  if (view.target) lines.push(t('card-target', { target: escapeHtml(truncate(view.target, CARD_FIELD_MAX)) }));
  if (view.role) lines.push(t('card-role', { role: t(`role-${view.role.toLowerCase()}`) }));
  lines.push(t('card-status', { status: statusLabel(t, view, env.today) }));
  if (view.lastNote) lines.push(t('card-last-note', { note: escapeHtml(truncate(view.lastNote, CARD_NOTE_MAX)) }));
  if (view.explanation) {
    const { by, dueOn, answer } = view.explanation;
    lines.push(answer
      ? t('card-explanation-answered', { by: escapeHtml(by), answer: escapeHtml(truncate(answer, CARD_NOTE_MAX)) })
      : t('card-explanation-open', { by: escapeHtml(by), due: formatDmy(dueOn) }));
  }
  return lines.join('\n');
}

function button(t: TranslateFn, key: string, action: TaskActionName, taskId: number, officerId: number, value = 0): MessageButton {
  return { text: t(key), data: taskAction.pack({ action, taskId, officerId, value }) };
}

/**
 * ✅ Hoàn thành, 🔄 Đang thực hiện, ⚠️ Vướng mắc, ⏳ Xin gia hạn, 💤 Nhắc lại sau; and, where they
 * apply, 📝 Yêu cầu giải trình (a leader, on an overdue task) and ✍️ Trả lời giải trình.
 */
export function taskButtons(t: TranslateFn, taskId: number, officerId: number, extra: { askExplanation?: boolean; answerExplanation?: boolean } = {}): MessageButton[][] {
  return [
    ...(extra.answerExplanation ? [[button(t, 'btn-explain-answer', 'exa', taskId, officerId)]] : []),
    [button(t, 'btn-done', 'done', taskId, officerId), button(t, 'btn-in-progress', 'prog', taskId, officerId)],
    [button(t, 'btn-blocked', 'blk', taskId, officerId), button(t, 'btn-extend', 'ext', taskId, officerId)],
    [button(t, 'btn-snooze', 'snz', taskId, officerId)],
    ...(extra.askExplanation ? [[button(t, 'btn-explain-ask', 'exq', taskId, officerId)]] : []),
  ];
}

/** ✅ Xác nhận / ↩️ Trả lại on a result waiting for the monitoring unit. */
export function confirmationButtons(t: TranslateFn, taskId: number, officerId: number): MessageButton[][] {
  return [[
    { text: t('btn-confirm'), data: confirmationDecision.pack({ decision: 'c', taskId, officerId }) },
    { text: t('btn-return'), data: confirmationDecision.pack({ decision: 'r', taskId, officerId }) },
  ]];
}

/** Which explanation buttons a card shows to this viewer. */
export function explanationButtons(
  view: { status: string; due?: IsoDate; explanation?: { answer?: string } | undefined },
  today: IsoDate,
  may: { demand: boolean; answer: boolean; isRequester: boolean },
): { askExplanation: boolean; answerExplanation: boolean } {
  const open = Boolean(view.explanation && !view.explanation.answer);
  const overdue = Boolean(view.due && view.due < today && view.status !== 'DONE' && view.status !== 'CANCELLED');
  return { askExplanation: may.demand && overdue && !open, answerExplanation: open && may.answer && !may.isRequester };
}

export const PROGRESS_CHOICES = [25, 50, 75] as const;

export function progressButtons(t: TranslateFn, taskId: number, officerId: number): MessageButton[][] {
  return [
    PROGRESS_CHOICES.map((p) => ({ text: `${p}%`, data: taskAction.pack({ action: 'pv', taskId, officerId, value: p }) })),
    [button(t, 'btn-back', 'back', taskId, officerId)],
  ];
}

export function snoozeButtons(t: TranslateFn, taskId: number, officerId: number): MessageButton[][] {
  return [
    [button(t, 'btn-snooze-morning', 'sv', taskId, officerId, SNOOZE_NEXT_MORNING)],
    [button(t, 'btn-snooze-2days', 'sv', taskId, officerId, 2), button(t, 'btn-snooze-week', 'sv', taskId, officerId, 5)],
    [button(t, 'btn-snooze-pick', 'sv', taskId, officerId, SNOOZE_PICK_DAY), button(t, 'btn-back', 'back', taskId, officerId)],
  ];
}

/** One line of a task list: code, title, due and status. */
export function taskLine(env: RenderEnv, view: TaskView, options: { withUnits?: boolean } = {}): string {
  const { t } = env;
  const units = options.withUnits && view.units?.length
    ? ` — ${view.units.map((u) => `${escapeHtml(u.name)} (${t(`role-${u.role.toLowerCase()}`)})`).join(', ')}`
    : '';
  return `• <b>${escapeHtml(displayCode(view))}</b> ${escapeHtml(truncate(view.title, LIST_TITLE_MAX))} — ${describeDue(env, view.due)} — ${statusLabel(t, view, env.today)}${units}`;
}

/**
 * The official buckets of one tally as lines: time-bound tasks in the four buckets with their
 * calendar days overdue, then the "thường xuyên" ones apart, then how many wait for confirmation.
 */
export function tallyLines(t: TranslateFn, tally: Tally, indent = '  '): string[] {
  const lines: string[] = [];
  const side = (counts: BucketCounts, regular: boolean) => {
    for (const b of OFFICIAL_BUCKETS) {
      const n = counts.counts[b];
      if (!n) continue;
      const days = b === 'done-late' ? counts.daysLate : b === 'open-overdue' ? counts.daysOverdue : 0;
      const extra = days ? t('stats-days-overdue', { days: String(days) }) : b === 'open-in-time' && !regular && tally.blocked ? t('stats-blocked', { count: String(tally.blocked) }) : '';
      lines.push(`${indent}${regular ? '  ' : ''}${t(`status-${b}`)}: ${n}${extra}`);
    }
  };
  side(tally.timeBound, false);
  const regular = OFFICIAL_BUCKETS.reduce((n, b) => n + tally.regular.counts[b], 0);
  if (regular) {
    lines.push(`${indent}${t('stats-regular', { count: String(regular) })}`);
    side(tally.regular, true);
  }
  if (tally.awaiting) lines.push(`${indent}${t('stats-awaiting', { count: String(tally.awaiting) })}`);
  return lines;
}

/** Counts by unit in the official buckets (or by tracking status where no tally was made), then by officer. */
export function reportHtml(t: TranslateFn, title: string, rows: ReportRow[], officers: Array<{ officerName: string; tally: Tally }> = []): string {
  const lines = [title];
  if (!rows.length) lines.push(t('report-empty'));
  for (const row of rows) {
    const total = TRACKING_STATUSES.reduce((n, s) => n + row.counts[s], 0);
    lines.push('', t('report-unit', { unit: escapeHtml(row.unitName), total: String(total) }));
    if (row.tally) lines.push(...tallyLines(t, row.tally));
    else for (const s of TRACKING_STATUSES) if (row.counts[s]) lines.push(`  ${t(`status-${s}`)}: ${row.counts[s]}`);
  }
  if (officers.length) {
    lines.push('', t('report-officers'));
    for (const o of officers) lines.push(`• ${escapeHtml(o.officerName)}`, ...tallyLines(t, o.tally));
  }
  return lines.join('\n');
}

/** "08:00 25/11/2024" in the calendar's time zone. */
export function formatWhen(calendar: WorkingCalendar, instant: Date): string {
  const local = calendar.formatInstant(instant); // 2024-11-25T08:00:00+07:00
  return `${local.slice(11, 16)} ${formatDmy(local.slice(0, 10))}`;
}
