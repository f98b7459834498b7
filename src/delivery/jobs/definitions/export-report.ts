// Build a plan's progress report (.xlsx or .docx) and send it to the leader who asked with
// /export, editing the "Đang lập báo cáo…" message as the work goes. Ids only: the officer,
// plan and scope are read again when the job runs; the file is built in the worker.
import type { JobsOptions, Queue } from 'bullmq';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../../reports/export-report.ts';
import { REPORTS_QUEUE } from './queues.ts';
import { queuedWithin } from '../add-within.ts';

const id = z.number().int().positive().max(2 ** 31 - 1);

export const exportReportPayloadSchema = z
  .object({
    officerId: id,
    /** The Telegram chat that asked (a private chat: the officer's user id). */
    chatId: z.string().regex(/^-?\d{1,20}$/),
    planId: id,
    /** A periodKey: "Q4-2024", "6T-2025", "2024-10-01..2025-03-31". */
    period: z.string().regex(/^(?:(?:Q[1-4]|6T|9T|year)-\d{4}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/),
    format: z.enum(EXPORT_FORMATS),
    /** The message that says "Đang lập báo cáo…", edited with the progress and the outcome. */
    progressMessageId: id,
  });
export type ExportReportPayload = z.infer<typeof exportReportPayloadSchema>;

/** Queues an export; false when the queue cannot be reached (the caller says so to the person). */
export type RequestExport = (payload: ExportReportPayload) => Promise<boolean>;

export const exportReportJob = {
  name: 'export-report',
  queue: REPORTS_QUEUE,
  schema: exportReportPayloadSchema,
  /** One request, one job: the progress message is unique to the request, so adding it twice adds nothing. */
  jobId: (p: ExportReportPayload) => `export-${p.chatId}-${p.progressMessageId}`,
} as const;

/** A few retries for a database or network hiccup; a person is waiting, so not many. */
export const EXPORT_JOB_ATTEMPTS = 3;

export function exportJobOptions(payload: ExportReportPayload): JobsOptions {
  return {
    jobId: exportReportJob.jobId(payload),
    attempts: EXPORT_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export function exportRequester(queue: Queue, logger: { warn(obj: object): void }, options: { timeoutMs?: number } = {}): RequestExport {
  return (payload) =>
    queuedWithin(queue, exportReportJob.name, () => exportReportJob.schema.parse(payload), exportJobOptions(payload), (err) => logger.warn({ err, msg: 'could not queue export-report', planId: payload.planId, officerId: payload.officerId }), options.timeoutMs);
}
