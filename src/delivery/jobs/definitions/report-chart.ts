// Draw the chart of a leader's /report (Zalo: `report`) and send it as a photo below the text the
// bot already answered with. Ids only: who asked, on which chat, for which period; the leader's role and
// chat are read again when the job runs, and the chart is drawn in the worker, not the bot.
import type { JobsOptions, Queue } from 'bullmq';
import { z } from 'zod';
import { queuedWithin } from '../add-within.ts';
import { REPORTS_QUEUE } from './queues.ts';

export const reportChartPayloadSchema = z.object({
  officerId: z.number().int().positive().max(2 ** 31 - 1),
  /** The platform and chat that asked (a private chat). */
  channel: z.enum(['TELEGRAM', 'ZALO']),
  chatId: z.string().regex(/^[\w-]{1,64}$/),
  period: z.enum(['week', 'quarter']),
  /** The update that asked (Telegram's update id, Zalo's message id): one request, one chart. */
  requestId: z.string().regex(/^[\w-]{1,64}$/),
});
export type ReportChartPayload = z.infer<typeof reportChartPayloadSchema>;

/** Queues a chart; false when the queue cannot be reached (the text has gone; the chart is left out). */
export type RequestReportChart = (payload: ReportChartPayload) => Promise<boolean>;

export const reportChartJob = {
  name: 'report-chart',
  queue: REPORTS_QUEUE,
  schema: reportChartPayloadSchema,
  jobId: (p: ReportChartPayload) => `report-chart-${p.channel.toLowerCase()}-${p.chatId}-${p.requestId}`,
} as const;

export function reportChartJobOptions(payload: ReportChartPayload): JobsOptions {
  return {
    jobId: reportChartJob.jobId(payload),
    attempts: 3,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export function reportChartRequester(queue: Queue, logger: { warn(obj: object): void }): RequestReportChart {
  return (payload) =>
    queuedWithin(queue, reportChartJob.name, () => reportChartJob.schema.parse(payload), reportChartJobOptions(payload), (err) => logger.warn({ err, msg: 'could not queue report-chart', officerId: payload.officerId }));
}
