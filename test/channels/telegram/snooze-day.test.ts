// 💤 Nhắc lại sau → 📅 Chọn ngày: the snooze comes back on the chosen day's working morning
// (the next working day's when the chosen day is a day off), and the card says when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

/** Officer A's reminder card for 1.2 with the snooze choices open; returns the card and the 📅 button. */
async function openSnoozeChoices() {
  const { messageId } = await w.sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
  await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text === '💤 Nhắc lại sau')!.callback_data);
  const choices = w.buttons(USERS.officerA, messageId);
  expect(choices.map((b) => b.text)).toEqual(['Sáng ngày làm việc tiếp theo', 'Sau 2 ngày làm việc', 'Sau 1 tuần', '📅 Chọn ngày', '↩️ Quay lại']);
  return { messageId, pick: choices.find((b) => b.text === '📅 Chọn ngày')! };
}

const snoozeRows = () => w.prisma.reminder.findMany({ where: { taskId: w.seed.tasks.review.id, officerId: w.seed.officers.officerA.id, kind: 'snooze' } });

describe('💤 → 📅 pick a day', () => {
  it('a day too far away is refused and nothing is snoozed', async () => {
    const { messageId, pick } = await openSnoozeChoices();
    await w.tap(USERS.officerA, messageId, pick.callback_data);
    expect(w.last(USERS.officerA)!.text).toBe('📅 Nhắc lại vào ngày nào? Ví dụ: <code>02/12/2024</code>');
    await w.send(USERS.officerA, '15/01/2025');
    expect(w.last(USERS.officerA)!.text).toBe('Ngày này quá xa; hãy chọn trong vòng 30 ngày làm việc.');
    expect(await snoozeRows()).toEqual([]);
    expect(await w.prisma.statusReport.count({ where: { status: 'SNOOZED' } })).toBe(0);
  });

  it('a Saturday comes back on Monday\'s working morning: one snooze row, earlier reminders cancelled, later ones kept, the card says when', async () => {
    const task = w.seed.tasks.review;
    const officerId = w.seed.officers.officerA.id;
    const thursday = await w.prisma.reminder.create({ data: { deliveryKey: 'snz-thu', taskId: task.id, officerId, kind: 'before-due-1', plannedAt: new Date('2024-11-28T01:00:00Z') } });
    const tuesday = await w.prisma.reminder.create({ data: { deliveryKey: 'snz-next-tue', taskId: task.id, officerId, kind: 'overdue-1', plannedAt: new Date('2024-12-03T01:00:00Z') } });
    const colleague = await w.prisma.reminder.create({ data: { deliveryKey: 'snz-colleague', taskId: task.id, officerId: w.seed.officers.officerB.id, kind: 'before-due-1', plannedAt: new Date('2024-11-28T01:00:00Z') } });

    const { messageId, pick } = await openSnoozeChoices();
    await w.tap(USERS.officerA, messageId, pick.callback_data);
    expect(w.last(USERS.officerA)!.text).toContain('Nhắc lại vào ngày nào?');
    await w.send(USERS.officerA, 'tuần sau');
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hiểu ngày');
    await w.send(USERS.officerA, '26/11/2024');
    expect(w.last(USERS.officerA)!.text).toBe('Ngày phải sau hôm nay.');
    expect(await snoozeRows()).toEqual([]);
    await w.send(USERS.officerA, '30/11/2024'); // a Saturday

    const [snooze, ...others] = await snoozeRows();
    expect(others).toEqual([]);
    expect(snooze).toMatchObject({ status: 'PENDING', officerId, deliveryKey: `t${task.id}:2024-11-29:snooze:o${officerId}` });
    expect(snooze!.plannedAt.toISOString()).toBe('2024-12-02T01:00:00.000Z'); // Monday 08:00 in Hà Nội
    expect(snooze!.occurrenceDue?.toISOString().slice(0, 10)).toBe('2024-11-29');
    const identity = await w.prisma.chatIdentity.findFirstOrThrow({ where: { officerId } });
    expect(snooze!.chatIdentityId).toBe(identity.id);
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { id: thursday.id } })).status).toBe('CANCELLED');
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { id: tuesday.id } })).status).toBe('PENDING');
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { id: colleague.id } })).status).toBe('PENDING');
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { status: 'SNOOZED', officerId } });
    expect(report).toMatchObject({ taskId: task.id, note: '2024-12-02T01:00:00.000Z' });
    expect(report.createdAt.toISOString()).toBe(NOW.toISOString());
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.snooze', entityId: String(task.id) } });
    expect(audit.data).toMatchObject({ reminderId: snooze!.id, until: '2024-12-02T01:00:00.000Z', cancelled: 1 });
    // A snooze is not an answer: the task keeps its status.
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('NOT_STARTED');

    const card = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === messageId)!;
    expect(card.text).toContain('<b>1.2. Rà soát thủ tục hành chính');
    expect(card.text).toContain('💤 Sẽ nhắc lại lúc 08:00 02/12/2024.');
    expect(card.replyMarkup).toBeUndefined();

    // On that morning the snooze row is delivered as a card headed "Nhắc lại", with the buttons again.
    const monday = new Date('2024-12-02T01:00:00Z');
    const delivered = (await w.composer.reminder(snooze!.id, monday))!;
    expect(delivered.html.startsWith('💤 <b>Nhắc lại</b>\n<b>1.2.')).toBe(true);
    expect(delivered.html).toContain('Hạn: 29/11/2024, quá hạn 1 ngày làm việc');
    expect(delivered.buttons!.flat()).toHaveLength(5);
  });

  it('picking a day again moves the same snooze row; the reply of the first pick is not taken for the second', async () => {
    const { messageId, pick } = await openSnoozeChoices();
    await w.tap(USERS.officerA, messageId, pick.callback_data);
    await w.send(USERS.officerA, '04/12/2024');
    const rows = await snoozeRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.plannedAt.toISOString()).toBe('2024-12-04T01:00:00.000Z');
    expect(w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === messageId)!.text).toContain('💤 Sẽ nhắc lại lúc 08:00 04/12/2024.');
    // The conversation is over: a further date is an ordinary message.
    await w.send(USERS.officerA, '05/12/2024');
    expect((await snoozeRows())[0]!.plannedAt.toISOString()).toBe('2024-12-04T01:00:00.000Z');
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hiểu tin nhắn');
  });

  it('the text reply "nhắc lại 1.2 <day>" says why a day is refused: not understood, not after today, too far', async () => {
    const rows = await snoozeRows();
    await w.send(USERS.officerA, 'nhắc lại 1.2 32/13/2024');
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hiểu ngày');
    await w.send(USERS.officerA, 'nhắc lại 1.2 25/11/2024');
    expect(w.last(USERS.officerA)!.text).toBe('Ngày phải sau hôm nay.');
    await w.send(USERS.officerA, 'nhắc lại 1.2 15/01/2025');
    expect(w.last(USERS.officerA)!.text).toBe('Ngày này quá xa; hãy chọn trong vòng 30 ngày làm việc.');
    expect(await snoozeRows()).toEqual(rows);
    await w.send(USERS.officerA, 'nhắc lại 1.2 ngày 6 tháng 12 năm 2024');
    expect((await snoozeRows())[0]!.plannedAt.toISOString()).toBe('2024-12-06T01:00:00.000Z');
    expect(w.last(USERS.officerA)!.text).toContain('💤 Sẽ nhắc lại lúc 08:00 06/12/2024.');
  });

  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
