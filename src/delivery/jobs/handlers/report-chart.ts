// Draws a leader's /report chart and sends it as a photo below the text the bot answered with,
// on Telegram (an upload) or Zalo (by URL, where a public address is set).
// Once: the sent message id is written into the job's data right after the upload, so a retry
// after that sends nothing. A chart Telegram refuses (400) is dropped: the text is already there.
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { DeliveryError } from '../../../channels/types.ts';
import { Prisma } from '../../../generated/prisma/client.ts';
import { runnerOf } from '../../../db/sql.ts';
import { reportChartJob } from '../definitions/report-chart.ts';
import type { JobDeps } from '../deps.ts';
import { admitSend } from './admit-send.ts';
import { delayJob } from './delay-job.ts';

export type ReportChartOutcome = 'sent' | 'already-sent' | 'no-chart' | 'not-allowed' | 'refused';

export interface ReportChartInput {
  payload: unknown;
  job: Job;
  token?: string;
  deps: Pick<JobDeps, 'prisma' | 'sql' | 'channels' | 'composer' | 'clock' | 'logger'>;
}

export async function runReportChart({ payload, job, token, deps }: ReportChartInput): Promise<ReportChartOutcome> {
  const data = reportChartJob.schema.parse(payload);
  const log = deps.logger.child({ jobId: job.id, job: reportChartJob.name, officerId: data.officerId });
  if ((payload as { sentMessageId?: string }).sentMessageId) return 'already-sent';
  const route = deps.channels[data.channel];
  if (!route) throw new UnrecoverableError(`report-chart: this process does not send on ${data.channel}`);
  // Zalo takes photos only by URL: without a public address there is no chart to send (the text went).
  if (!route.channel.sendsPhotos) return 'no-chart';
  const sql = deps.sql ?? runnerOf(deps.prisma);
  // Still this officer's chat; the leader check is the composer's (no chart for anyone else).
  const [linked] = await sql.rows<{ id: number }>(Prisma.sql`
    SELECT id FROM "ChatIdentity" WHERE "officerId" = ${data.officerId}::int AND channel = ${data.channel}::"Channel" AND "externalId" = ${data.chatId} AND active`);
  if (!linked) {
    log.info('report-chart: the chat is no longer the officer\'s; nothing drawn');
    return 'not-allowed';
  }
  const chart = await deps.composer.leaderReportChart(data.officerId, deps.clock.now(), data.period);
  if (!chart) return 'no-chart';
  try {
    await admitSend(route, data.chatId, `${job.id}:${job.attemptsMade}`, job, token);
    const sent = await route.channel.send(data.chatId, chart);
    await job.updateData({ ...data, sentMessageId: sent.messageId });
    return 'sent';
  } catch (err) {
    if (err instanceof DelayedError) throw err;
    if (!(err instanceof DeliveryError)) throw err;
    if (err.kind === 'rate-limited') return delayJob(job, token, err.retryAfterMs ?? 1000);
    if (err.kind === 'rejected' || err.kind === 'recipient-gone') {
      log.warn({ reason: err.message, kind: err.kind }, 'report-chart: not sent; the text is there');
      return 'refused';
    }
    throw err;
  }
}
