import { pruneProcessedUpdates } from '../../../tasks/actor.ts';
import { reconcile, type ReconcileResult } from '../../reconcile.ts';
import { reconcileJob } from '../definitions/reconcile.ts';
import type { JobDeps } from '../deps.ts';

export async function runReconcile({ payload, deps }: { payload: unknown; deps: Pick<JobDeps, 'prisma' | 'sql' | 'deliveryQueue' | 'calendar' | 'policy' | 'logger' | 'clock' | 'metrics'> }): Promise<ReconcileResult> {
  const data = reconcileJob.schema.parse(payload ?? {});
  // The update-id log for deduplication is kept a week, pruned with each reconcile.
  await pruneProcessedUpdates(deps.prisma, deps.clock.now());
  const result = await reconcile({ prisma: deps.prisma, ...(deps.sql ? { sql: deps.sql } : {}), queue: deps.deliveryQueue, calendar: deps.calendar, policy: deps.policy, logger: deps.logger, ...(deps.clock.realMs ? { realMs: deps.clock.realMs } : {}) }, deps.clock.now(), { replan: data.replan });
  // The two sides reconcile compares, as gauges: rows still to send and jobs that will send them.
  const [pending, counts] = await Promise.all([
    deps.prisma.reminder.count({ where: { status: 'PENDING' } }),
    deps.deliveryQueue.getJobCounts('delayed', 'waiting', 'prioritized'),
  ]);
  deps.metrics.pending.set(pending);
  deps.metrics.queued.set(Object.values(counts).reduce((sum, n) => sum + n, 0));
  return result;
}
