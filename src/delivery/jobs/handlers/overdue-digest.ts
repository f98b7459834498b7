// Fans the daily overdue digest out: one send-digest job per leader with a linked chat,
// and one per group subscribed to it (/subscribe) for its units.
import { sendDigestJob } from '../definitions/send-digest.ts';
import type { JobDeps } from '../deps.ts';
import { digestJobOptions } from './digest-job-options.ts';

export async function runOverdueDigest({ deps }: { payload: unknown; deps: Pick<JobDeps, 'prisma' | 'deliveryQueue' | 'calendar' | 'clock' | 'logger'> }): Promise<number> {
  const now = deps.clock.now();
  const day = deps.calendar.dateOf(now);
  if (!deps.calendar.isWorkingDay(day)) {
    deps.logger.info({ day }, 'no overdue digest on a non-working day');
    return 0;
  }
  const leaders = await deps.prisma.officer.findMany({
    where: { role: 'LEADER', active: true, chatIdentities: { some: { active: true } } },
    select: { id: true },
  });
  const groups = await deps.prisma.chatSubscription.findMany({ where: { active: true, overdueDigest: true }, select: { id: true } });
  const payloads = [
    ...leaders.map((l) => ({ kind: 'overdue' as const, officerId: l.id, day })),
    ...groups.map((g) => ({ kind: 'group-overdue' as const, subscriptionId: g.id, day })),
  ];
  await deps.deliveryQueue.addBulk(payloads.map((data) => ({ name: sendDigestJob.name, data, opts: digestJobOptions(sendDigestJob.jobId(data)) })));
  return payloads.length;
}
