// "Nhắc ngay" in the sandbox: a reminder for one of the person's open tasks, planned for
// now and put on the delivery queue, so the real worker sends it through the real
// composer and channel. The demo needs no waiting for a reminder due in days.
import type { Queue } from 'bullmq';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { queueReminderRows } from '../delivery/enqueue-reminders.ts';

export type RemindNowResult = { reminderId: number; taskCode: string } | { problem: 'not-linked' | 'no-open-task' };

export async function remindNow(deps: { prisma: PrismaClient; queue: Queue; now: Date }, chatId: number): Promise<RemindNowResult> {
  const { prisma, queue, now } = deps;
  const chat = await prisma.chatIdentity.findUnique({ where: { channel_externalId: { channel: 'TELEGRAM', externalId: String(chatId) } }, include: { officer: true } });
  if (!chat?.active || !chat.officer.active) return { problem: 'not-linked' };
  // The earliest open task the person's unit leads (or has any role in, for a leader's own unit).
  const task = await prisma.task.findFirst({
    where: { isGroup: false, status: { notIn: ['DONE', 'CANCELLED'] }, units: { some: { unitId: chat.officer.unitId } } },
    orderBy: [{ due: { sort: 'asc', nulls: 'last' } }, { ordinal: 'asc' }],
  });
  if (!task) return { problem: 'no-open-task' };
  const reminder = await prisma.reminder.create({
    data: {
      deliveryKey: `sandbox:t${task.id}:${now.toISOString()}:o${chat.officerId}`,
      taskId: task.id, officerId: chat.officerId, chatIdentityId: chat.id,
      occurrenceDue: task.due, kind: task.due && task.due < now ? 'overdue' : 'before-due', plannedAt: now,
    },
  });
  await queueReminderRows(queue, [{ id: reminder.id, plannedAt: now }], now);
  return { reminderId: reminder.id, taskCode: task.code };
}
