// The workers deliver each reminder on the platform of the chat it was planned for: Telegram
// chats through the Bot API, Zalo chats through the Zalo Bot API as plain text with numbered
// choices; a Zalo user who blocked the bot is marked unreachable, as on Telegram.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueReminders } from '../../src/delivery/enqueue-reminders.ts';
import { planTaskReminders } from '../../src/delivery/plan-task-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { reminderIdOf } from '../helpers/plain-composer.ts';
import { createSchedulerWorld, seedPlan, seedReminders, seedTask, seedUnit, waitFor, type SchedulerWorld } from '../helpers/scheduler-world.ts';

let world: SchedulerWorld;
beforeAll(async () => {
  world = await createSchedulerWorld({ zalo: true });
  await world.startWorkers();
});
afterAll(async () => {
  await world?.close();
});

async function zaloOfficer(unitId: number, chatId: string) {
  const officer = await world.prisma.officer.create({ data: { name: `Zalo ${chatId}`, unitId, chatIdentities: { create: [{ channel: 'ZALO', externalId: chatId }] } }, include: { chatIdentities: true } });
  return { officerId: officer.id, chatIdentityId: officer.chatIdentities[0]!.id };
}

describe('planning for officers on Zalo', () => {
  it('an officer linked only on Zalo is reminded there; one linked on both, on the chat linked last', async () => {
    const unit = await seedUnit(world, 'Phòng Kinh tế', [{}]);
    const zaloOnly = await zaloOfficer(unit.unitId, 'zalo-chat-planned');
    const both = unit.officers[0]!;
    const later = await world.prisma.chatIdentity.create({ data: { officerId: both.officerId, channel: 'ZALO', externalId: 'zalo-chat-both', linkedAt: new Date(Date.now() + 60_000) } });
    const plan = await seedPlan(world);
    const task = await seedTask(world, plan.id, '3.1', { kind: 'once', due: '2030-06-28' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    await planTaskReminders({ prisma: world.prisma, calendar: world.calendar, now: new Date('2030-06-03T01:00:00Z'), policy: DEFAULT_REMINDER_POLICY, taskIds: [task.id] });
    const rows = await world.prisma.reminder.findMany({ where: { taskId: task.id } });
    const chatsOf = (officerId: number) => new Set(rows.filter((r) => r.officerId === officerId).map((r) => r.chatIdentityId));
    expect(chatsOf(zaloOnly.officerId)).toEqual(new Set([zaloOnly.chatIdentityId]));
    expect(chatsOf(both.officerId)).toEqual(new Set([later.id]));
  });
});

describe('delivery on two platforms', () => {
  it('each reminder goes once, on its own chat\'s platform', async () => {
    const unit = await seedUnit(world, 'Văn phòng', [{}]);
    const onZalo = await zaloOfficer(unit.unitId, 'zalo-chat-1');
    const plan = await seedPlan(world);
    const task = await seedTask(world, plan.id, '1.1', { kind: 'once', due: '2030-12-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    const reminders = await seedReminders(world, task.id, [unit.officers[0]!, onZalo], [new Date()]);
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date(), reminderIds: reminders.map((r) => r.id) });
    await waitFor(async () => (await world.prisma.reminder.count({ where: { taskId: task.id, status: 'SENT' } })) === 2, 15_000, 'both reminders sent');

    const [telegramRow, zaloRow] = reminders;
    expect(world.tg.messagesTo(unit.officers[0]!.chatId).map((m) => reminderIdOf(m.text))).toEqual([telegramRow!.id]);
    const zaloMessages = world.zalo!.messagesTo('zalo-chat-1');
    expect(zaloMessages.map((m) => reminderIdOf(m.text))).toEqual([zaloRow!.id]);
    // Plain text, its button as a numbered choice.
    expect(zaloMessages[0]!.text).toMatch(/^#r\d+ 1\.1 Nhiệm vụ 1\.1 \(manual\)\n\nTrả lời bằng số:\n1 = ✅$/);
    const sent = await world.prisma.reminder.findUniqueOrThrow({ where: { id: zaloRow!.id } });
    expect(sent.channelMessageId).toBe(zaloMessages[0]!.messageId);
    expect(world.zalo!.violations).toEqual([]);
  });

  it('a Zalo user who blocked the bot: the reminder fails once and the chat is marked unreachable', async () => {
    const unit = await seedUnit(world, 'Phòng Tư pháp', []);
    const blocked = await zaloOfficer(unit.unitId, 'zalo-chat-blocked');
    const plan = await seedPlan(world);
    const task = await seedTask(world, plan.id, '2.1', { kind: 'once', due: '2030-12-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    world.zalo!.failNext('blocked');
    const [row] = await seedReminders(world, task.id, [blocked], [new Date()]);
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date(), reminderIds: [row!.id] });
    await waitFor(async () => (await world.prisma.reminder.findUniqueOrThrow({ where: { id: row!.id } })).status === 'FAILED', 15_000, 'the reminder to fail');
    const identity = await world.prisma.chatIdentity.findUniqueOrThrow({ where: { id: blocked.chatIdentityId } });
    expect(identity).toMatchObject({ active: false });
    expect(identity.deactivationReason).toContain('blocked');
    expect(world.zalo!.callsTo('sendMessage').filter((c) => c.body.chat_id === 'zalo-chat-blocked')).toHaveLength(1);
  });
});
