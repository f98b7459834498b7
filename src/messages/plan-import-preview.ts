// What the bot says about a plan sent to it: the preview (the CLI dry run's own lines, from
// plan-preview.ts and the CLI's formatters, so the chat and the CLI never disagree, plus units per
// role and the overdue tasks by name), the re-import confirmation, and the result. Pure.
// The formatters are imported from src/cli/commands where they were written for the dry run;
// they are pure text over a TranslateFn and could move here if more of the chat needs them.
import type { OutgoingMessage, MessageButton } from '../channels/types.ts';
import { countsLine, previewHeader, understoodDeadline } from '../cli/commands/import-preview.ts';
import { diffLines } from '../cli/commands/import-diff.ts';
import type { ParsedPlanFile } from '../plans/import-plan.ts';
import { planPreview, unitsByRole } from '../plans/plan-preview.ts';
import type { PastDeadlines, WriteResult } from '../plans/store/plan-writer.ts';
import { riskyChanges, type PlanDiff } from '../plans/task-matching.ts';
import { planImportAction } from './actions.ts';
import { escapeHtml, splitMessage, TELEGRAM_MESSAGE_LIMIT, truncate } from './html.ts';
import type { TranslateFn } from './i18n.ts';

/** Tasks listed by name under "overdue" and "not understood"; the counts say how many more. */
const LISTED = 15;
const TITLE_MAX = 80;

export interface PreviewInput {
  parsed: ParsedPlanFile;
  today: string;
  /** The stored plan this file updates, and what would change. */
  reimport?: { planId: number; diff: PlanDiff };
  pendingId: string;
  officerId: number;
}

const PAST_CODE = { remind: 'r', done: 'd', skip: 's' } as const;

function button(t: TranslateFn, key: string, action: 'go' | 'cf' | 'no', past: PastDeadlines, input: Pick<PreviewInput, 'pendingId' | 'officerId'>): MessageButton {
  return { text: t(key), data: planImportAction.pack({ action, past: PAST_CODE[past], pendingId: input.pendingId, officerId: input.officerId }) };
}

/** Plain lines escaped for HTML, split under Telegram's limit at line ends, buttons on the last part. */
function messages(lines: string[], buttons: MessageButton[][]): OutgoingMessage[] {
  const parts = splitMessage(lines.join('\n'), TELEGRAM_MESSAGE_LIMIT);
  return parts.map((html, i) => (i === parts.length - 1 ? { html, buttons } : { html }));
}

const listed = (t: TranslateFn, items: string[]) => [
  ...items.slice(0, LISTED).map((line) => `• ${line}`),
  ...(items.length > LISTED ? [escapeHtml(t('plan-import-more', { count: String(items.length - LISTED) }))] : []),
];

export function previewMessages(input: PreviewInput, t: TranslateFn): OutgoingMessage[] {
  const { parsed, today } = input;
  const preview = planPreview(parsed, today);
  const plain = (text: string) => escapeHtml(text);
  const lines = [t('plan-import-title', { file: escapeHtml(parsed.file) }), '', ...previewHeader(parsed, t).map(plain), ''];

  const roles = unitsByRole(parsed);
  for (const role of ['monitor', 'lead', 'coordinate', 'execute'] as const) {
    if (!roles[role].length) continue;
    lines.push(plain(t('plan-import-role', { role, count: String(roles[role].length), names: roles[role].map((u) => `${u.name} (${u.tasks})`).join('; ') })));
  }
  lines.push(plain(t('plan-import-deadlines', { understood: String(preview.rows.length - preview.unscheduled), tasks: String(preview.rows.length) })));
  const unscheduled = preview.rows.filter((r) => r.deadline.kind === 'unscheduled');
  if (unscheduled.length) {
    lines.push(plain(t('plan-import-unscheduled')), ...listed(t, unscheduled.map((r) => plain(`${r.code} ${truncate(r.title, TITLE_MAX)}: "${r.deadline.raw ?? ''}"`))));
  }
  lines.push(plain(countsLine(preview, t, today)));
  const overdue = preview.rows.filter((r) => r.overdue);
  if (overdue.length) {
    lines.push(plain(t('plan-import-overdue-list', { count: String(overdue.length) })), ...listed(t, overdue.map((r) => plain(`${r.code} ${truncate(r.title, TITLE_MAX)} (${understoodDeadline(r.deadline, t)})`))));
  }
  if (input.reimport) lines.push('', ...diffLines(input.reimport.planId, input.reimport.diff, t).map(plain));
  lines.push('', `<b>${plain(overdue.length ? t('plan-import-ask-past', { count: String(overdue.length) }) : t('plan-import-ask'))}</b>`);

  const cancel = button(t, 'btn-plan-import-cancel', 'no', 'remind', input);
  const buttons = overdue.length
    ? [[button(t, 'btn-plan-import-remind', 'go', 'remind', input)], [button(t, 'btn-plan-import-done', 'go', 'done', input)], [button(t, 'btn-plan-import-skip', 'go', 'skip', input)], [cancel]]
    : [[button(t, 'btn-plan-import', 'go', 'remind', input), cancel]];
  return messages(lines, buttons);
}

/** A re-import that would move or drop officers' reported work: what would, and a Confirm button. */
export function confirmMessages(input: { planId: number; diff: PlanDiff; past: PastDeadlines; pendingId: string; officerId: number }, t: TranslateFn): OutgoingMessage[] {
  const risky = riskyChanges(input.diff);
  const lines = [
    `<b>${escapeHtml(t('plan-import-needs-confirm', { reason: t('cli-import-risky', { removed: String(risky.removed.length), retitled: String(risky.retitled.length) }) }))}</b>`,
    ...diffLines(input.planId, input.diff, t).map(escapeHtml),
    '',
    escapeHtml(t('plan-import-confirm-hint')),
  ];
  return messages(lines, [[button(t, 'btn-plan-import-confirm', 'cf', input.past, input), button(t, 'btn-plan-import-cancel', 'no', input.past, input)]]);
}

/** After the write: the CLI's own summary line, what happened to the overdue tasks, and when reminders are planned. */
export function importedMessage(result: WriteResult, past: PastDeadlines, planningQueued: boolean, t: TranslateFn): OutgoingMessage {
  const extra =
    (result.cancelled ? t('cli-import-cancelled', { count: String(result.cancelled) }) : '') +
    (result.diff.renumbered.length ? t('cli-import-renumbered', { count: String(result.diff.renumbered.length) }) : '') +
    (result.restored ? t('cli-import-restored', { count: String(result.restored) }) : '') +
    (result.newUnits.length ? t('cli-import-new-units', { count: String(result.newUnits.length) }) : '');
  const lines = [
    `<b>${escapeHtml(t('cli-import-done', { again: result.reimport ? 'yes' : 'no', plan: String(result.planId), created: String(result.created), updated: String(result.updated), unchanged: String(result.unchanged), removed: String(result.removed), extra }))}</b>`,
    ...(result.overdueAtImport ? [escapeHtml(t('plan-import-past', { choice: past, count: String(past === 'done' ? result.markedDone : result.overdueAtImport) }))] : []),
    escapeHtml(t(planningQueued ? 'plan-import-planning-now' : 'plan-import-planning-later')),
  ];
  return { html: lines.join('\n') };
}
