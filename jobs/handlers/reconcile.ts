import { reconcile, type ReconcileResult } from '../../src/scheduler/reconcile.ts';
import { reconcileJob } from '../definitions/reconcile.ts';
import type { JobDeps } from '../deps.ts';

export async function runReconcile({ payload, deps }: { payload: unknown; deps: Pick<JobDeps, 'prisma' | 'deliveryQueue' | 'calendar' | 'policy' | 'logger' | 'clock'> }): Promise<ReconcileResult> {
  const data = reconcileJob.schema.parse(payload ?? {});
  return reconcile({ prisma: deps.prisma, queue: deps.deliveryQueue, calendar: deps.calendar, policy: deps.policy, logger: deps.logger }, deps.clock.now(), { replan: data.replan });
}
