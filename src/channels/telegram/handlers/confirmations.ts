// Results waiting for the monitoring unit (chờ xác nhận): confirm or return through the core and
// show the outcome on the card. The confirmation card itself, and what the reporting officer hears
// of the decision, are notices the use cases wrote (sent by delivery). A return plans reminders again.
import { confirmTask, returnTask } from '../../../tasks/confirmations.ts';
import { escapeHtml, truncate } from '../../../messages/html.ts';
import { translator } from '../../../messages/i18n.ts';
import { loadActor } from '../../../tasks/actor.ts';
import type { BotServices } from '../context.ts';
import { showCardWithFooter, type CardTarget } from './answers.ts';
import { formatDmy } from '../../../status/tracking-status.ts';

const REASON_PREVIEW = 300;

export async function confirmAndNotify(services: BotServices, target: CardTarget, input: { officerId: number; taskId: number }): Promise<void> {
  const actor = await loadActor(services.sql, input.officerId);
  const t = translator(services.i18n, actor?.language ?? 'vi');
  const result = await confirmTask(services.prisma, { ...input, now: services.now() });
  if (result.outcome !== 'confirmed') {
    await showCardWithFooter(services, target, input.officerId, input.taskId, t('confirmation-not-waiting'));
    return;
  }
  await showCardWithFooter(services, target, input.officerId, input.taskId, t('confirmation-confirmed', { date: formatDmy(services.calendar.dateOf(result.completedAt)) }));
  await services.sendNotices(result.noticeIds);
}

export async function returnAndNotify(services: BotServices, target: CardTarget, input: { officerId: number; taskId: number; reason: string }): Promise<void> {
  const actor = await loadActor(services.sql, input.officerId);
  const t = translator(services.i18n, actor?.language ?? 'vi');
  const result = await returnTask(services.prisma, { ...input, now: services.now() });
  if (result.outcome !== 'returned') {
    await showCardWithFooter(services, target, input.officerId, input.taskId, t('confirmation-not-waiting'));
    return;
  }
  // Reminders of the task are planned again at once (reconcile would within 10 minutes).
  await services.requestPlanning?.({ taskIds: [input.taskId] });
  const reason = escapeHtml(truncate(result.reason, REASON_PREVIEW)) || t('no-reason');
  await showCardWithFooter(services, target, input.officerId, input.taskId, t('confirmation-returned', { reason }));
  await services.sendNotices(result.noticeIds);
}
