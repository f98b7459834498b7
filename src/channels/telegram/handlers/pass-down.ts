// Passing a task down on Telegram: record through the core, show the outcome on the giver's card,
// send the new holder the card, plan the task's reminders again at once (they now go to the
// holder); and tell the givers up the chain of the holder's answers. Every notice goes to the
// chat its reader linked last, on whichever platform (sendToChat), never a bare sendMessage.
import type { Api } from 'grammy';
import { reachableChat } from '../../../messages/extension-notice.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { translator } from '../../../messages/i18n.ts';
import { passDownTask, type PassDownTargetInput } from '../../../tasks/pass-down.ts';
import { giverNotices, holderNotices, type HolderAnswer } from '../../../messages/pass-down-notice.ts';
import { loadActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import type { IsoDate } from '../../../deadlines/types.ts';
import type { BotServices } from '../context.ts';
import { sendOutgoing } from './send.ts';
import { sendToChat, showCardWithFooter, type CardTarget } from './answers.ts';

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
  for (const notice of await holderNotices(services, { taskId: result.taskId, giverName: actor?.name ?? '', toName: result.toName, note: input.note, recipientIds: result.recipientIds, now })) {
    await sendToChat(services, target.api, reachableChat(notice.chats, 'TELEGRAM', Boolean(services.sendElsewhere)), [notice.message]);
  }
}

/** The givers up the chain hear of the holder's answer (nothing when the task was not passed down). */
export async function notifyGivers(services: BotServices, api: Api, input: { taskId: number; answererId: number; answer: HolderAnswer }): Promise<void> {
  for (const notice of await giverNotices(services.prisma, services.i18n, input)) {
    await sendToChat(services, api, reachableChat(notice.chats, 'TELEGRAM', Boolean(services.sendElsewhere)), [notice.message]);
  }
}
