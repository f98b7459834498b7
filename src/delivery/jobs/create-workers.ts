// Workers for the three queues. Deliveries are rate-limited across every worker process
// by BullMQ's queue limiter; per-chat pacing happens in the handler through Redis.
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DELIVERY_QUEUE, MAINTENANCE_QUEUE, REPORTS_QUEUE } from './definitions/queues.ts';
import { exportReportJob } from './definitions/export-report.ts';
import { runExportReport } from './handlers/export-report.ts';
import { reportChartJob } from './definitions/report-chart.ts';
import { runReportChart } from './handlers/report-chart.ts';
import { overdueDigestJob } from './definitions/overdue-digest.ts';
import { planTasksJob } from './definitions/plan-tasks.ts';
import { reconcileJob } from './definitions/reconcile.ts';
import { sendDigestJob } from './definitions/send-digest.ts';
import { sendReminderJob } from './definitions/send-reminder.ts';
import { sendNoticeJob } from './definitions/send-notice.ts';
import { runSendNotice } from './handlers/send-notice.ts';
import { weeklySummaryJob } from './definitions/weekly-summary.ts';
import type { JobDeps } from './deps.ts';
import { runOverdueDigest } from './handlers/overdue-digest.ts';
import { runPlanTasks } from './handlers/plan-tasks.ts';
import { runReconcile } from './handlers/reconcile.ts';
import { runSendDigest } from './handlers/send-digest.ts';
import { runSendReminder } from './handlers/send-reminder.ts';
import { runWeeklySummary } from './handlers/weekly-summary.ts';

export interface WorkerOptions {
  /** A connection made with maxRetriesPerRequest: null; BullMQ duplicates it per worker. */
  connection: Redis;
  prefix: string;
  /** Messages per second across all workers (Telegram allows about 30). */
  sendRatePerSecond: number;
  /** Jobs one process runs at once on the delivery queue. */
  deliveryConcurrency?: number;
  /** BullMQ lock of an active job; a crashed worker's jobs are taken back after it lapses. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Export jobs one process runs at once. */
  reportsConcurrency?: number;
}

export interface Workers {
  delivery: Worker;
  maintenance: Worker;
  reports: Worker;
  close(): Promise<void>;
}

export function createWorkers(deps: JobDeps, options: WorkerOptions): Workers {
  const delivery = new Worker(
    DELIVERY_QUEUE,
    async (job: Job, token?: string) => {
      if (job.name === sendReminderJob.name) return runSendReminder({ payload: job.data, job, token, deps });
      if (job.name === sendDigestJob.name) return runSendDigest({ payload: job.data, job, token, deps });
      if (job.name === sendNoticeJob.name) return runSendNotice({ payload: job.data, job, token, deps });
      throw new Error(`unknown delivery job ${job.name}`);
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.deliveryConcurrency ?? 20,
      // Exact pacing is booked per send in Redis (chat-pacing.ts). BullMQ's limiter counts every job it
      // starts, and in a flood each reminder starts twice (to book its slot, then to send), so it is
      // only a safety net against a runaway loop, set far above anything real: a limiter that binds
      // holds booked jobs until its window ends. Measured on a 10,000-reminder flood: at 20× the rate
      // the first 20 s ran at 17/s instead of 28; at 100× the flood cost nothing (357.3 s, the 28/s floor).
      limiter: { max: options.sendRatePerSecond * 100, duration: 1000 },
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    },
  );
  const maintenance = new Worker(
    MAINTENANCE_QUEUE,
    async (job: Job) => {
      switch (job.name) {
        case reconcileJob.name:
          return runReconcile({ payload: job.data, deps });
        case overdueDigestJob.name:
          return runOverdueDigest({ payload: job.data, deps });
        case weeklySummaryJob.name:
          return runWeeklySummary({ payload: job.data, deps });
        case planTasksJob.name:
          return runPlanTasks({ payload: job.data, deps });
        default:
          throw new Error(`unknown maintenance job ${job.name}`);
      }
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 1 },
  );
  // Two exports at once per process: each holds a plan's rows and file in memory (a 10,000-task .docx ~1.25 GB).
  const reports = new Worker(
    REPORTS_QUEUE,
    async (job: Job, token?: string) => {
      if (job.name === exportReportJob.name) return runExportReport({ payload: job.data, job, token, deps });
      if (job.name === reportChartJob.name) return runReportChart({ payload: job.data, job, token, deps });
      throw new Error(`unknown reports job ${job.name}`);
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.reportsConcurrency ?? 2,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    },
  );
  for (const worker of [delivery, maintenance, reports]) {
    worker.on('failed', (job, err) => deps.logger.warn({ jobId: job?.id, job: job?.name, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed'));
    worker.on('error', (err) => deps.logger.error({ err }, 'worker error'));
  }
  return {
    delivery,
    maintenance,
    reports,
    async close() {
      // close() lets running jobs finish before resolving.
      await Promise.all([delivery.close(), maintenance.close(), reports.close()]);
    },
  };
}
