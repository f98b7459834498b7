// Fans the weekly summary out: one send-digest job per active group subscription.
import { sendDigestJob } from '../definitions/send-digest.ts';
import type { JobDeps } from '../deps.ts';
import { digestJobOptions } from './digest-job-options.ts';

export async function runWeeklySummary({ deps }: { payload: unknown; deps: Pick<JobDeps, 'prisma' | 'deliveryQueue' | 'calendar' | 'clock' | 'logger'> }): Promise<number> {
  const day = deps.calendar.dateOf(deps.clock.now());
  const subscriptions = await deps.prisma.chatSubscription.findMany({ where: { active: true, weeklySummary: true }, select: { id: true } });
  await deps.deliveryQueue.addBulk(
    subscriptions.map((s) => {
      const data = { kind: 'weekly' as const, subscriptionId: s.id, day };
      return { name: sendDigestJob.name, data, opts: digestJobOptions(sendDigestJob.jobId(data)) };
    }),
  );
  return subscriptions.length;
}
