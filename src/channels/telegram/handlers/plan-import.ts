// A plan sent to the bot as a document: who may, the download within the CLI's limits, the
// same parsing and unit directory as `import`, the preview kept in Redis until a button, and
// the write with the importer's choices. Texts come from plan-import-text.ts.
import { extname } from 'node:path';
import type { Message } from 'grammy/types';
import type { RequestPlanning } from '../../../delivery/jobs/definitions/plan-tasks.ts';
import { PAST_CODES, planImportAction } from '../../../messages/actions.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { plainTranslator } from '../../../messages/i18n.ts';
import { unitMonitorsPlans } from '../../../tasks/plan-import-access.ts';
import { confirmMessages, importedMessage, previewMessages } from '../../../messages/plan-import-preview.ts';
import type { PendingImports } from '../../../tasks/pending-imports.ts';
import { mayImportPlans } from '../../../access/permissions.ts';
import { parsePlanFile } from '../../../plans/import-plan.ts';
import { PlanInputError } from '../../../plans/input-errors.ts';
import { loadUnitDirectory, previewReimport, ReimportNeedsConfirmation, rememberedColumnsOf, writePlan } from '../../../plans/store/plan-writer.ts';
import { MAX_PLAN_BYTES } from '../../../plans/read-plan-file.ts';
import type { BotContext } from '../context.ts';
import { downloadTelegramFile, FileDownloadError } from './download-file.ts';
import { editButtons, sendOutgoing } from './send.ts';
import { refuseCallback, isOwnCallback } from './refuse.ts';

/** What the bot reads as a plan: the CLI's formats by their extension (a .doc or a photo is refused unread). */
const PLAN_EXTENSIONS = new Set(['.docx', '.docm', '.xlsx', '.xlsm', '.pdf', '.txt', '.csv', '.html', '.htm']);

export interface PlanImportServices {
  pending: PendingImports;
  /** Where files are downloaded from (TELEGRAM_API_ROOT). */
  apiRoot: string;
  /** Asks the workers to plan and queue the plan's reminders now; absent, reconcile does it within 10 minutes. */
  requestPlanning?: RequestPlanning;
}

async function mayImport(ctx: BotContext): Promise<boolean> {
  const officer = ctx.officer;
  return Boolean(officer && mayImportPlans(officer, officer.role === 'ADMIN' || (await unitMonitorsPlans(ctx.services.sql, officer.unitId))));
}

export async function receivePlanFile(ctx: BotContext, imports: PlanImportServices, document: NonNullable<Message['document']>): Promise<void> {
  const reply = (html: string) => ctx.reply(html, { parse_mode: 'HTML' });
  if (!(await mayImport(ctx))) {
    ctx.logger.warn({ msg: 'plan file from someone who may not import refused', from_id: ctx.from?.id, officer_id: ctx.officer?.id });
    await reply(ctx.t('plan-import-refused'));
    return;
  }
  const officer = ctx.officer!;
  const file = document.file_name ?? 'ke-hoach';
  if (!PLAN_EXTENSIONS.has(extname(file).toLowerCase())) return void (await reply(ctx.t('plan-import-bad-type', { file: escapeHtml(file) })));
  // Checked before the download, against the CLI's limit (also the most a bot may download).
  if ((document.file_size ?? 0) > MAX_PLAN_BYTES) return void (await reply(ctx.t('plan-import-too-big', { file: escapeHtml(file) })));

  let bytes: Buffer;
  try {
    bytes = await downloadTelegramFile(ctx.api, document.file_id, { apiRoot: imports.apiRoot, maxBytes: MAX_PLAN_BYTES });
  } catch (err) {
    if (!(err instanceof FileDownloadError)) throw err;
    ctx.logger.warn({ msg: 'plan file download failed', reason: err.reason, detail: err.message });
    await reply(err.reason === 'too-big' ? ctx.t('plan-import-too-big', { file: escapeHtml(file) }) : ctx.t('plan-import-download-failed'));
    return;
  }

  const { prisma } = ctx.services;
  const t = plainTranslator(ctx.services.i18n, officer.language);
  let parsed;
  try {
    // The unit directory and remembered columns exactly as the CLI's import reads them.
    parsed = await parsePlanFile(file, bytes, { ...(await loadUnitDirectory(prisma)), rememberedColumns: rememberedColumnsOf(prisma) });
  } catch (err) {
    if (!(err instanceof PlanInputError)) throw err;
    await reply(ctx.t('plan-import-unreadable', { reason: escapeHtml(err.message) }));
    return;
  }
  const today = ctx.services.calendar.dateOf(ctx.services.now());
  const reimport = await previewReimport(prisma, parsed);
  const pendingId = await imports.pending.save({ officerId: officer.id, chatId: ctx.chat!.id, today, parsed });
  ctx.logger.info({ msg: 'plan file previewed', file, tasks: parsed.tasks.length, reimport: reimport?.planId, pendingId });
  await sendOutgoing(ctx.api, ctx.chat!.id, previewMessages({ parsed, today, ...(reimport ? { reimport } : {}), pendingId, officerId: officer.id }, t));
}

export async function pressPlanImport(ctx: BotContext, imports: PlanImportServices, data: NonNullable<ReturnType<typeof planImportAction.unpack>>): Promise<void> {
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'plan import of another officer');
  const officer = ctx.officer!;
  const chatId = ctx.chat!.id;
  const messageId = ctx.callbackQuery!.message!.message_id;
  const pending = await imports.pending.load(data.pendingId);
  if (!pending || pending.officerId !== officer.id || pending.chatId !== chatId) {
    await ctx.answerCallbackQuery({ text: ctx.t('plan-import-expired') });
    await editButtons(ctx.api, chatId, messageId, { html: '' });
    return;
  }
  // A role taken away since the preview counts.
  if (!(await mayImport(ctx))) return refuseCallback(ctx, 'may no longer import plans');
  await ctx.answerCallbackQuery();
  await editButtons(ctx.api, chatId, messageId, { html: '' });
  if (data.action === 'no') {
    await imports.pending.drop(data.pendingId);
    await ctx.reply(ctx.t('plan-import-cancelled'), { parse_mode: 'HTML' });
    return;
  }

  const past = PAST_CODES[data.past];
  const t = plainTranslator(ctx.services.i18n, officer.language);
  let result;
  try {
    result = await writePlan(ctx.services.prisma, pending.parsed, { actor: String(officer.id), today: pending.today, now: ctx.services.now(), past, confirm: data.action === 'cf' });
  } catch (err) {
    if (!(err instanceof ReimportNeedsConfirmation)) throw err;
    const reimport = await previewReimport(ctx.services.prisma, pending.parsed);
    await sendOutgoing(ctx.api, chatId, confirmMessages({ planId: reimport?.planId ?? 0, diff: err.diff, past, pendingId: data.pendingId, officerId: officer.id }, t));
    return;
  }
  await imports.pending.drop(data.pendingId);
  const planningQueued = (await imports.requestPlanning?.({ planId: result.planId })) ?? false;
  ctx.logger.info({ msg: 'plan imported from the chat', planId: result.planId, past, created: result.created, updated: result.updated });
  await sendOutgoing(ctx.api, chatId, [importedMessage(result, past, planningQueued, t)]);
}
