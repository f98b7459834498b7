// What the "Đang lập báo cáo…" message says at each stage of an export job. Pure: texts only.
import { escapeHtml, truncate } from '../messages/html.ts';
import type { TranslateFn } from '../messages/i18n.ts';
import { periodLabel } from './export-model.ts';
import type { PlanRef } from './export-query.ts';
import type { ReportPeriod } from './periods.ts';

export type ExportStage =
  | { stage: 'started' }
  | { stage: 'read'; tasks: number }
  | { stage: 'written'; bytes: number }
  | { stage: 'done' }
  | { stage: 'failed' };

/** "336/KH-UBND", or the title where the plan has no number, shortened for one line. */
export function exportPlanName(plan: Pick<PlanRef, 'number' | 'title'>, max = 200): string {
  return truncate(plan.number ?? plan.title, max);
}

/** "48 KB", "1.2 MB": a file size as people read it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function exportProgressText(t: TranslateFn, plan: Pick<PlanRef, 'number' | 'title'>, period: ReportPeriod, progress: ExportStage): string {
  const common = { plan: escapeHtml(exportPlanName(plan)), period: escapeHtml(periodLabel(t, period)) };
  switch (progress.stage) {
    case 'started':
      return t('export-job-started', common);
    case 'read':
      return t('export-job-read', { ...common, tasks: String(progress.tasks) });
    case 'written':
      return t('export-job-written', { ...common, size: fileSize(progress.bytes) });
    case 'done':
      return t('export-job-done', common);
    case 'failed':
      return t('export-job-failed', common);
  }
}
