// After a leader demands an explanation or an officer gives one: record through the core,
// show the outcome on the card; the other side is told by the notices the use case wrote.
import { answerExplanation, requestExplanation } from '../../../tasks/explanations.ts';
import { translator } from '../../../messages/i18n.ts';
import { loadActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import type { IsoDate } from '../../../deadlines/types.ts';
import type { BotServices } from '../context.ts';
import { showCardWithFooter, type CardTarget } from './answers.ts';

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
  await services.sendNotices(result.noticeIds);
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
  await services.sendNotices(result.noticeIds);
}
