// /confirmation <plan or unit> on|off, for admins: a plan's confirmation setting (as `plan set`), or
// a monitoring unit's (as `unit set`). The plan is looked up first (by number or id, as on the CLI);
// when the words name no plan they are read as a unit's name or alias.
import type { TranslateFn } from '../../../messages/i18n.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { setPlanConfirmation } from '../../../tasks/confirmations.ts';
import { setUnitConfirmation } from '../../../tasks/unit-confirmation.ts';
import { findUnit } from '../../../tasks/units.ts';
import { findPlans } from '../../../reports/export-query.ts';
import type { BotServices } from '../context.ts';

/** "336/KH-UBND on" / "Văn phòng HĐND - UBND off": the target (may hold spaces) and the setting; undefined when malformed. */
export function parseConfirmationArgs(text: string): { target: string; on: boolean } | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const setting = words.at(-1)?.toLowerCase();
  if (words.length < 2 || (setting !== 'on' && setting !== 'off')) return undefined;
  return { target: words.slice(0, -1).join(' '), on: setting === 'on' };
}

/** Applies an admin's /confirmation (the caller checked the role) and returns the reply's HTML. */
export async function setConfirmationFromChat(services: Pick<BotServices, 'prisma' | 'sql'>, t: TranslateFn, adminId: number, text: string): Promise<string> {
  const args = parseConfirmationArgs(text);
  if (!args) return t('confirmation-target-usage');
  const on = args.on ? 'on' : 'off';
  const plans = await findPlans(services.sql, args.target);
  if (plans.length > 1) return t('plan-confirmation-ambiguous', { plan: escapeHtml(args.target) });
  if (plans.length === 1) {
    const plan = plans[0]!;
    await setPlanConfirmation(services.prisma, { planId: plan.id, on: args.on, actor: String(adminId) });
    return t('plan-confirmation', { on, plan: escapeHtml(plan.number ?? `#${plan.id}`) });
  }
  if (!(await findUnit(services.prisma, args.target))) return t('confirmation-target-not-found', { target: escapeHtml(args.target) });
  const unit = await setUnitConfirmation(services.prisma, { unit: args.target, on: args.on, actor: String(adminId) });
  return t('unit-confirmation', { on, unit: escapeHtml(unit.name) });
}
