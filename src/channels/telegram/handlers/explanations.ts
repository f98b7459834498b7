// After a leader demands an explanation or an officer gives one: record through the core,
// show the outcome on the card, and tell the other side on the chat they linked last.
import { answerExplanation, requestExplanation } from '../../../tasks/explanations.ts';
import { chatsOf, reachableChat } from '../../../messages/extension-notice.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { translator } from '../../../messages/i18n.ts';
import { loadActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import type { IsoDate } from '../../../deadlines/types.ts';
import type { BotServices } from '../context.ts';
import { sendToChat, showCardWithFooter, type CardTarget } from './answers.ts';

export async function demandAndNotify(services: BotServices, target: CardTarget, input: { officerId: number; taskId: number; dueOn?: IsoDate }): Promise<void> {
  const now = services.now();
  const actor = await loadActor(services.sql, input.officerId);
  const t = translator(services.i18n, actor?.language ?? 'vi');
  const result = await requestExplanation(services.prisma, services.calendar, { ...input, now });
  if (result.outcome !== 'requested') {
    const footer = result.outcome === 'already-requested' ? t('explanation-already-requested', { due: formatDmy(result.dueOn) }) : t(`explanation-${result.outcome}`);
    await showCardWithFooter(services, target, input.officerId, input.taskId, footer);
    return;
  }
  // Its due-day reminder rows are queued at once (reconcile would within 10 minutes).
  await services.requestPlanning?.({ taskIds: [input.taskId] });
  await showCardWithFooter(services, target, input.officerId, input.taskId, t('explanation-requested', { due: formatDmy(result.dueOn), count: result.recipientIds.length }));
  for (const recipientId of result.recipientIds) {
    const recipient = await loadActor(services.sql, recipientId);
    if (!recipient) continue;
    const rt = translator(services.i18n, recipient.language);
    const card = await services.composer.taskCard(recipientId, input.taskId, now, { buttons: true, header: rt('explanation-asked', { name: escapeHtml(actor?.name ?? ''), due: formatDmy(result.dueOn) }) });
    if (card) await sendToChat(services, target.api, reachableChat(await chatsOf(services.prisma, recipientId), 'TELEGRAM', Boolean(services.sendElsewhere)), [card]);
  }
}

export async function explainAndNotify(services: BotServices, target: CardTarget, input: { officerId: number; taskId: number; text: string }): Promise<void> {
  const now = services.now();
  const actor = await loadActor(services.sql, input.officerId);
  const t = translator(services.i18n, actor?.language ?? 'vi');
  const result = await answerExplanation(services.prisma, { ...input, now });
  if (result.outcome !== 'answered') {
    await showCardWithFooter(services, target, input.officerId, input.taskId, t('explanation-none-open'));
    return;
  }
  await showCardWithFooter(services, target, input.officerId, input.taskId, t('explanation-recorded'));
  const requester = await loadActor(services.sql, result.requesterId);
  if (!requester) return;
  const rt = translator(services.i18n, requester.language);
  const card = await services.composer.taskCard(requester.id, input.taskId, now, { header: rt('explanation-answered-notice', { name: escapeHtml(actor?.name ?? '') }) });
  if (card) await sendToChat(services, target.api, reachableChat(await chatsOf(services.prisma, requester.id), 'TELEGRAM', Boolean(services.sendElsewhere)), [card]);
}
