// Builds a plan's report for the leader who asked and sends it as a document. Exactly once:
// the sent message id is recorded in the job's data right after the upload, so a retry (the
// closing edit failed, the worker died after sending) finds it and only finishes the message.
// The window left is the upload's response in flight, as for reminders.
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DeliveryError } from '../../../channels/types.ts';
import { translator, type TranslateFn } from '../../../messages/i18n.ts';
import { isLeaderOrAdmin } from '../../../access/permissions.ts';
import { loadActor } from '../../../tasks/actor.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { runnerOf } from '../../../db/sql.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import { periodLabel } from '../../../reports/export-model.ts';
import { planInScope, type PlanRef } from '../../../reports/export-query.ts';
import { exportPlanName, exportProgressText, type ExportStage } from '../../../reports/export-progress.ts';
import { defaultFileName, exportPlanReport, type ExportResult } from '../../../reports/export-report.ts';
import { parsePeriodKey, type ReportPeriod } from '../../../reports/periods.ts';
import { exportReportJob } from '../definitions/export-report.ts';
import type { DeliveryRoute, JobDeps } from '../deps.ts';
import { admitSend } from './admit-send.ts';
import { delayJob } from './delay-job.ts';

export type ExportReportOutcome = 'sent' | 'already-sent' | 'empty' | 'not-allowed';

export interface ExportReportInput {
  payload: unknown;
  job: Job;
  token?: string;
  deps: Pick<JobDeps, 'prisma' | 'sql' | 'channels' | 'calendar' | 'clock' | 'logger' | 'i18n'>;
}

export async function runExportReport({ payload, job, token, deps }: ExportReportInput): Promise<ExportReportOutcome> {
  const data = exportReportJob.schema.parse(payload);
  const sentMessageId = (payload as { sentMessageId?: string }).sentMessageId;
  const log = deps.logger.child({ jobId: job.id, job: exportReportJob.name, planId: data.planId, officerId: data.officerId });
  const route = deps.channels.TELEGRAM;
  if (!route?.channel.sendDocument || !deps.i18n) throw new UnrecoverableError('export-report needs the Telegram channel and translations');
  const sql = deps.sql ?? runnerOf(deps.prisma);
  const now = deps.clock.now();

  // Re-read who asked: still a leader or admin, still on this chat, and the plan still theirs.
  const actor = await loadActor(sql, data.officerId);
  const [linked] = actor
    ? await sql.rows<{ id: number }>(Prisma.sql`
        SELECT id FROM "ChatIdentity" WHERE "officerId" = ${data.officerId}::int AND channel = 'TELEGRAM' AND "externalId" = ${data.chatId} AND active`)
    : [];
  const plan = actor && linked && isLeaderOrAdmin(actor) ? await planInScope(sql, actor.scope, data.planId) : undefined;
  const t = translator(deps.i18n, actor?.language ?? 'vi');
  const progress = progressEditor(route, data.chatId, String(data.progressMessageId), log);
  if (!actor || !plan) {
    log.info({ hasActor: Boolean(actor), linked: Boolean(linked) }, 'export-report: not allowed any more; nothing built');
    if (actor && linked) await progress.say(t('export-no-plans'));
    return 'not-allowed';
  }
  const period = parsePeriodKey(data.period, deps.calendar.dateOf(now));
  const say = (stage: ExportStage) => progress.say(exportProgressText(t, plan, period, stage));

  try {
    if (sentMessageId) {
      log.info({ sentMessageId }, 'export-report: document sent by an earlier attempt; finishing the message only');
      await say({ stage: 'done' }).then(() => progress.mustHaveSucceeded());
      return 'already-sent';
    }
    await job.updateProgress({ stage: 'reading' });
    const result = await exportPlanReport(
      { plan, period, format: data.format, ...(actor.scope === 'all' ? {} : { scope: actor.scope, scopeName: actor.unitName }) },
      {
        db: sql, calendar: deps.calendar, t, now,
        onProgress: async (p) => {
          await job.updateProgress(p);
          await say(p);
        },
      },
    );
    if (result.tasks === 0) {
      await progress.say(t('export-empty'));
      log.info('export-report: no task in scope');
      return 'empty';
    }
    await admitSend(route, data.chatId, `${job.id}:${job.attemptsMade}`, job, token);
    const caption = captionOf(t, plan, period, result);
    const sent = await route.channel.sendDocument!(data.chatId, { bytes: result.bytes, fileName: defaultFileName(plan, period, data.format), captionHtml: caption });
    // The marker first: whatever fails after this, a retry must not upload again.
    await job.updateData({ ...data, sentMessageId: sent.messageId });
    await job.updateProgress({ stage: 'sent', bytes: result.bytes.length, tasks: result.tasks });
    log.info({ tasks: result.tasks, bytes: result.bytes.length, format: data.format }, 'export-report: document sent');
    await say({ stage: 'done' }).then(() => progress.mustHaveSucceeded());
    return 'sent';
  } catch (err) {
    if (err instanceof DelayedError) throw err;
    const classified = err instanceof DeliveryError ? err : undefined;
    if (classified?.kind === 'rate-limited') return delayJob(job, token, classified.retryAfterMs ?? 1000);
    const final = err instanceof UnrecoverableError || classified?.kind === 'recipient-gone' || classified?.kind === 'rejected' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const documentSent = Boolean((job.data as { sentMessageId?: string }).sentMessageId);
    log.warn({ err: err instanceof Error ? err.message : String(err), final, documentSent, attemptsMade: job.attemptsMade }, 'export-report failed');
    if (!final) throw err;
    // The document went and only the closing edit did not: the leader has what they asked for.
    if (documentSent) return 'already-sent';
    await progress.say(exportProgressText(t, plan, period, { stage: 'failed' }));
    throw err instanceof UnrecoverableError ? err : new UnrecoverableError(err instanceof Error ? err.message : String(err));
  }
}

function captionOf(t: TranslateFn, plan: Pick<PlanRef, 'number' | 'title'>, period: ReportPeriod, result: Pick<ExportResult, 'statusDate' | 'tasks'>): string {
  return t('export-caption', {
    plan: escapeHtml(exportPlanName(plan)),
    period: escapeHtml(periodLabel(t, period)),
    date: formatDmy(result.statusDate),
    tasks: String(result.tasks),
  });
}


/**
 * Edits of the progress message. A failed edit during the build is only logged (the file still
 * matters more than the words about it); the closing edit's transient failure is rethrown by
 * mustHaveSucceeded, so the job is retried to finish the message, not to send again.
 */
function progressEditor(route: DeliveryRoute, chatId: string, messageId: string, log: JobDeps['logger']) {
  let lastError: DeliveryError | undefined;
  let lastText: string | undefined;
  return {
    async say(html: string): Promise<void> {
      lastError = undefined;
      // Telegram refuses an edit that changes nothing.
      if (html === lastText || !route.channel.editText) return;
      try {
        await route.channel.editText(chatId, messageId, html);
        lastText = html;
      } catch (err) {
        lastError = err instanceof DeliveryError ? err : new DeliveryError('transient', String(err));
        log.info({ reason: lastError.message, kind: lastError.kind }, 'export-report: progress message not edited');
      }
    },
    mustHaveSucceeded(): void {
      if (lastError && (lastError.kind === 'transient' || lastError.kind === 'rate-limited')) throw lastError;
    },
  };
}
