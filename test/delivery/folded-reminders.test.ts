// Several overdue reminders due at once to one person (a leader who just linked, an old plan
// imported) arrive as one list, each row recorded sent with that message; two at once still
// come as two cards; reminders of other kinds are never folded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createComposer } from '../../src/messages/index.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { enqueueReminders } from '../../src/delivery/enqueue-reminders.ts';
import { createSchedulerWorld, seedPlan, seedTask, seedUnit, waitFor, WORK_HOURS, type SchedulerWorld } from '../helpers/scheduler-world.ts';

let world: SchedulerWorld;
const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: WORK_HOURS });
beforeAll(async () => {
  world = await createSchedulerWorld({ composer: (prisma) => createComposer({ prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' }) });
  await world.startWorkers();
});
afterAll(async () => {
  await world?.close();
});

async function overdueFor(kind: string, count: number) {
  const unit = await seedUnit(world, `Phòng ${kind} ${count}`, [{ role: 'LEADER' }]);
  const leader = unit.officers[0]!;
  const plan = await seedPlan(world);
  const rows: Array<{ id: number }> = [];
  for (let i = 1; i <= count; i++) {
    const task = await seedTask(world, plan.id, `${i}.1`, { kind: 'once', due: '2024-10-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    await world.prisma.task.update({ where: { id: task.id }, data: { due: new Date('2024-10-31T00:00:00Z') } });
    rows.push(await world.prisma.reminder.create({ data: { deliveryKey: `fold-${kind}-${count}-${i}`, taskId: task.id, officerId: leader.officerId, chatIdentityId: leader.chatIdentityId, kind, plannedAt: new Date(Date.now() - 60_000) } }));
  }
  await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date(), reminderIds: rows.map((r) => r.id) });
  await waitFor(async () => (await world.prisma.reminder.count({ where: { id: { in: rows.map((r) => r.id) }, status: 'SENT' } })) === count, 15_000, `${count} ${kind} reminders sent`);
  return { leader, rows: await world.prisma.reminder.findMany({ where: { id: { in: rows.map((r) => r.id) } } }) };
}

describe('overdue reminders due together', () => {
  it('five to a leader come as one list with a button per task, every row recorded with that message', async () => {
    const { leader, rows } = await overdueFor('escalation-leader', 5);
    const messages = world.tg.messagesTo(leader.chatId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain('5 nhiệm vụ đã quá hạn');
    for (let i = 1; i <= 5; i++) expect(messages[0]!.text).toContain(`<b>${i}.1</b> Nhiệm vụ ${i}.1`);
    const markup = messages[0]!.replyMarkup as { inline_keyboard: Array<Array<{ text: string }>> };
    expect(markup.inline_keyboard.flat().map((b) => b.text)).toEqual(['1.1', '2.1', '3.1', '4.1', '5.1']);
    expect(new Set(rows.map((r) => r.channelMessageId))).toEqual(new Set([String(messages[0]!.messageId)]));
  });

  it('two at once are still two cards', async () => {
    const { leader } = await overdueFor('overdue', 2);
    const messages = world.tg.messagesTo(leader.chatId);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => !m.text.includes('nhiệm vụ đã quá hạn</b> cần'))).toBe(true);
  });

  it('reminders before the deadline are never folded', async () => {
    const { leader } = await overdueFor('before-due', 3);
    expect(world.tg.messagesTo(leader.chatId)).toHaveLength(3);
    expect(world.tg.violations).toEqual([]);
  });
});
