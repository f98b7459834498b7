// /export with workers: the bot answers at once with "Đang lập báo cáo…" and queues an
// export-report job carrying ids only; the job edits that message with its progress and
// sends the document. The bot never waits for a large plan's file.
import type { Api } from 'grammy';
import type { RequestExport } from '../../../delivery/jobs/definitions/export-report.ts';
import { translator, type Translator } from '../../../messages/i18n.ts';
import type { LoadedActor } from '../../../tasks/actor.ts';
import type { PlanRef } from '../../../reports/export-query.ts';
import { exportProgressText } from '../../../reports/export-progress.ts';
import type { ExportFormat } from '../../../reports/export-report.ts';
import { periodKey, type ReportPeriod } from '../../../reports/periods.ts';

export async function queuePlanExport(requestExport: RequestExport, i18n: Translator, api: Api, chatId: number, actor: LoadedActor, plan: PlanRef, period: ReportPeriod, format: ExportFormat): Promise<void> {
  const t = translator(i18n, actor.language);
  const started = await api.sendMessage(chatId, exportProgressText(t, plan, period, { stage: 'started' }), { parse_mode: 'HTML' });
  const queued = await requestExport({ officerId: actor.id, chatId: String(chatId), planId: plan.id, period: periodKey(period), format, progressMessageId: started.message_id });
  if (!queued) await api.editMessageText(chatId, started.message_id, t('export-job-unqueued'), { parse_mode: 'HTML' });
}
