// Results waiting for the monitoring unit (chờ xác nhận): send the confirmation card to its
// officers after a "done" that waits; confirm or return through the core, show the outcome on the
// card, tell the reporting officer on the chat they linked last. A return plans reminders again.
import type { Api } from 'grammy';
import { confirmationRecipients, confirmTask, returnTask } from '../../../tasks/confirmations.ts';
import { chatsOf, reachableChat } from '../../../messages/extension-notice.ts';
import { escapeHtml, truncate } from '../../../messages/html.ts';
import { translator } from '../../../messages/i18n.ts';
import { loadActor } from '../../../tasks/actor.ts';
import type { BotServices } from '../context.ts';
import { sendToChat, showCardWithFooter, type CardTarget } from './answers.ts';
import { formatDmy } from '../../../status/tracking-status.ts';

const REASON_PREVIEW = 300;

/** After a "done" that waits: each officer of the monitoring unit gets the card with ✅ / ↩️. */
export async function askConfirmation(services: BotServices, api: Api, taskId: number, reporterId: number): Promise<void> {
  const now = services.now();
  for (const recipientId of await confirmationRecipients(services.prisma, taskId, reporterId)) {
    const card = await services.composer.confirmationCard(recipientId, taskId, now);
    if (card) await sendToChat(services, api, reachableChat(await chatsOf(services.prisma, recipientId), 'TELEGRAM', Boolean(services.sendElsewhere)), [card]);
  }
}

async function tellReporter(services: BotServices, api: Api, reporterId: number | undefined, taskId: number, header: (t: ReturnType<typeof translator>) => string, buttons: boolean): Promise<void> {
  if (reporterId === undefined) return;
  const reporter = await loadActor(services.sql, reporterId);
  if (!reporter) return;
  const card = await services.composer.taskCard(reporter.id, taskId, services.now(), { buttons, header: header(translator(services.i18n, reporter.language)) });
  if (card) await sendToChat(services, api, reachableChat(await chatsOf(services.prisma, reporter.id), 'TELEGRAM', Boolean(services.sendElsewhere)), [card]);
}

export async function confirmAndNotify(services: BotServices, target: CardTarget, input: { officerId: number; taskId: number }): Promise<void> {
  const actor = await loadActor(services.sql, input.officerId);
  const t = translator(services.i18n, actor?.language ?? 'vi');
  const result = await confirmTask(services.prisma, { ...input, now: services.now() });
  if (result.outcome !== 'confirmed') {
    await showCardWithFooter(services, target, input.officerId, input.taskId, t('confirmation-not-waiting'));
    return;
  }
  await showCardWithFooter(services, target, input.officerId, input.taskId, t('confirmation-confirmed', { date: formatDmy(services.calendar.dateOf(result.completedAt)) }));
  await tellReporter(services, target.api, result.reporterId, input.taskId, (rt) => rt('confirmation-confirmed-notice', { name: escapeHtml(actor?.name ?? '') }), false);
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
  await tellReporter(services, target.api, result.reporterId, input.taskId, (rt) => rt('confirmation-returned-notice', { name: escapeHtml(actor?.name ?? ''), reason }), true);
}
