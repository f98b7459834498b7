// The list a giver picks from after ↘️ Giao tiếp: the child units, then the officers of the unit
// and of its child units, one button each (numbered choices on Zalo). Pure.
import type { MessageButton, OutgoingMessage } from '../channels/types.ts';
import { passDownAction } from './actions.ts';
import { escapeHtml, truncate } from './html.ts';
import type { TranslateFn } from './i18n.ts';
import type { PassDownOptions } from '../tasks/pass-down.ts';

/** Most targets listed; a longer list is the command's (/giao <code> #<id>). */
export const PASS_DOWN_MENU_MAX = 30;

export function passDownMenu(t: TranslateFn, input: { code: string; taskId: number; officerId: number; options: PassDownOptions }): OutgoingMessage {
  const { options, taskId, officerId } = input;
  const buttons: MessageButton[][] = [
    ...options.units.map((u) => [{ text: `🏢 ${truncate(u.name, 40)}`, data: passDownAction.pack({ step: 'u', taskId, targetId: u.id, officerId }) }]),
    ...options.officers.map((o) => [{ text: `👤 ${truncate(o.name, 30)} (${truncate(o.unitName, 24)})`, data: passDownAction.pack({ step: 'o', taskId, targetId: o.id, officerId }) }]),
  ].slice(0, PASS_DOWN_MENU_MAX);
  if (!buttons.length) return { html: t('pass-down-pick-empty') };
  return { html: t('pass-down-pick', { code: escapeHtml(input.code) }), buttons };
}
