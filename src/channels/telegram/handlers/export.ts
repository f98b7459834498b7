// /export for leaders, admins and the monitoring office: which plans the officer may export
// (those with a task their units have a role on), a choice of plan when several match, and
// the plan's progress report (only the tasks in the officer's scope) sent as an .xlsx document.
import { InputFile, type Api } from 'grammy';
import type { MessageButton, OutgoingMessage } from '../../types.ts';
import { exportPlan } from '../../../messages/actions.ts';
import { escapeHtml, truncate } from '../../../messages/html.ts';
import { translator, type TranslateFn } from '../../../messages/i18n.ts';
import type { LoadedActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import { periodOfArgs, type ExportArgs } from '../../../reports/export-args.ts';
import { periodLabel } from '../../../reports/export-model.ts';
import { findPlans, planInScope, plansInScope, type PlanRef } from '../../../reports/export-query.ts';
import { defaultFileName, exportPlanReport } from '../../../reports/export-report.ts';
import { defaultYear, parsePeriodKey, PeriodError, periodKey, type ReportPeriod } from '../../../reports/periods.ts';
import type { BotServices } from '../context.ts';
import { sendOutgoing } from './send.ts';

/** Most plans offered as buttons; more are counted, and the officer names one. */
export const EXPORT_CHOICES = 8;
const BUTTON_CHARS = 48;

/** The plans the officer may export that the reference names (or all of theirs without one), newest first. */
async function exportablePlans(services: BotServices, actor: LoadedActor, planRef: string | undefined): Promise<PlanRef[]> {
  if (!planRef) return plansInScope(services.sql, actor.scope, EXPORT_CHOICES + 1);
  const named = await findPlans(services.sql, planRef);
  const allowed = await Promise.all(named.slice(0, EXPORT_CHOICES + 1).map((p) => planInScope(services.sql, actor.scope, p.id)));
  return allowed.filter((p): p is PlanRef => p !== undefined);
}

function periodFor(services: BotServices, args: ExportArgs, plan: PlanRef): ReportPeriod {
  const today = services.calendar.dateOf(services.now());
  return periodOfArgs(args, { today, defaultYear: defaultYear(Number(today.slice(0, 4)), plan) });
}

function planName(plan: PlanRef, max: number): string {
  return truncate(plan.number ?? plan.title, max);
}

/** The answer to `/export [plan] [period]`: the document, a choice of plans, or why not. */
export async function answerExportCommand(services: BotServices, api: Api, chatId: number, actor: LoadedActor, args: ExportArgs): Promise<void> {
  const t = translator(services.i18n, actor.language);
  const plans = await exportablePlans(services, actor, args.planRef);
  let periods: ReportPeriod[];
  try {
    periods = plans.map((plan) => periodFor(services, args, plan));
  } catch (err) {
    if (err instanceof PeriodError) return void (await sendOutgoing(api, chatId, [{ html: t('export-usage') }]));
    throw err;
  }
  if (plans.length === 0) {
    const html = args.planRef ? t('export-no-plan', { plan: escapeHtml(truncate(args.planRef, 100)) }) : t('export-no-plans');
    return void (await sendOutgoing(api, chatId, [{ html }]));
  }
  if (plans.length === 1) return sendPlanExport(services, api, chatId, actor, plans[0]!, periods[0]!);
  await sendOutgoing(api, chatId, [choiceMessage(t, actor, plans, periods)]);
}

function choiceMessage(t: TranslateFn, actor: LoadedActor, plans: PlanRef[], periods: ReportPeriod[]): OutgoingMessage {
  const shown = plans.slice(0, EXPORT_CHOICES);
  const lines = [t('export-choose'), ...shown.map((p) => `• <b>${escapeHtml(planName(p, 60))}</b> — ${escapeHtml(truncate(p.title, 120))}`)];
  if (plans.length > shown.length) lines.push(t('export-choose-more'));
  const buttons: MessageButton[][] = shown.map((p, i) => [{ text: planName(p, BUTTON_CHARS), data: exportPlan.pack({ planId: p.id, period: periodKey(periods[i]!), officerId: actor.id }) }]);
  return { html: lines.join('\n'), buttons };
}

/** A plan chosen with a button: checked again against the officer's scope (the button may be old). */
export async function answerExportChoice(services: BotServices, api: Api, chatId: number, actor: LoadedActor, choice: { planId: number; period: string }): Promise<boolean> {
  const plan = await planInScope(services.sql, actor.scope, choice.planId);
  if (!plan) return false;
  const period = parsePeriodKey(choice.period, services.calendar.dateOf(services.now()));
  await sendPlanExport(services, api, chatId, actor, plan, period);
  return true;
}

/** Builds the .xlsx of the tasks in the officer's scope and sends it as a document with a caption. */
export async function sendPlanExport(services: BotServices, api: Api, chatId: number, actor: LoadedActor, plan: PlanRef, period: ReportPeriod): Promise<void> {
  const t = translator(services.i18n, actor.language);
  await api.sendChatAction(chatId, 'upload_document');
  const result = await exportPlanReport(
    { plan, period, format: 'xlsx', ...(actor.scope === 'all' ? {} : { scope: actor.scope, scopeName: actor.unitName }) },
    { db: services.sql, calendar: services.calendar, t, now: services.now() },
  );
  if (result.tasks === 0) return void (await sendOutgoing(api, chatId, [{ html: t('export-empty') }]));
  const caption = t('export-caption', {
    plan: escapeHtml(planName(plan, 200)),
    period: escapeHtml(periodLabel(t, period)),
    date: formatDmy(result.statusDate),
    tasks: result.tasks,
  });
  await api.sendDocument(chatId, new InputFile(result.bytes, defaultFileName(plan, period, 'xlsx')), { caption, parse_mode: 'HTML' });
}
