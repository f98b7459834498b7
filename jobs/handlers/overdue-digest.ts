// Fans the daily overdue digest out: one send-digest job per leader with a linked chat.
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
  await deps.deliveryQueue.addBulk(
    leaders.map((l) => {
      const data = { kind: 'overdue' as const, officerId: l.id, day };
      return { name: sendDigestJob.name, data, opts: digestJobOptions(sendDigestJob.jobId(data)) };
    }),
  );
  return leaders.length;
}
