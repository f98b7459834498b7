// Passing a task down on Telegram: record through the core, show the outcome on the giver's card,
// plan the task's reminders again at once (they now go to the holder). The new holder's card is a
// notice the use case wrote, sent by delivery like every notice (the givers up the chain hear of
// the holder's answers the same way, from the answer's notices).
import { escapeHtml } from '../../../messages/html.ts';
import { translator } from '../../../messages/i18n.ts';
import { passDownTask, type PassDownTargetInput } from '../../../tasks/pass-down.ts';
import { loadActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import type { IsoDate } from '../../../deadlines/types.ts';
import type { BotServices } from '../context.ts';
import { sendOutgoing } from './send.ts';
import { showCardWithFooter, type CardTarget } from './answers.ts';

export async function passDownAndNotify(
  services: BotServices,
  target: CardTarget,
  input: { officerId: number; taskId: number; target: PassDownTargetInput; internalDue?: IsoDate; note?: string },
): Promise<void> {
  const now = services.now();
  const actor = await loadActor(services.sql, input.officerId);
  const t = translator(services.i18n, actor?.language ?? 'vi');
  const result = await passDownTask(services.prisma, { ...input, now, today: services.calendar.dateOf(now) });
  if (result.outcome === 'closed') return showCardWithFooter(services, target, input.officerId, input.taskId, t('pass-down-closed'));
  if (result.outcome === 'refused') {
    await sendOutgoing(target.api, target.chatId, [{ html: t(result.refusal, { due: result.taskDue ? formatDmy(result.taskDue) : '' }) }]);
    return;
  }
  // The holder's reminders are planned at once (reconcile would within 10 minutes).
  await services.requestPlanning?.({ taskIds: [result.taskId] });
  const to = escapeHtml(result.toName);
  await showCardWithFooter(services, target, input.officerId, input.taskId, result.internalDue ? t('pass-down-given-due', { to, due: formatDmy(result.internalDue) }) : t('pass-down-given', { to }));
  await services.sendNotices(result.noticeIds);
}
