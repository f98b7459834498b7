// ⏳ Xin gia hạn → the unit's leader presses ❌ Không đồng ý: the decision is recorded, the
// deadline and the reminders stay as they were, and the officer is told (approval is in
// commands.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

const TITLE_HTML = 'Rà soát thủ tục hành chính &lt;cấp xã&gt; &amp; báo cáo &quot;kết quả&quot;';

describe('extension request → leader rejects', () => {
  it('records the rejection, keeps the deadline and every reminder, edits the leader\'s message and tells the officer with the card', async () => {
    const task = w.seed.tasks.review;
    const before = await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    const mine = await w.prisma.reminder.create({ data: { deliveryKey: 'rej-a', taskId: task.id, officerId: w.seed.officers.officerA.id, kind: 'before-due-1', plannedAt: new Date('2024-11-28T01:00:00Z') } });
    const theirs = await w.prisma.reminder.create({ data: { deliveryKey: 'rej-b', taskId: task.id, officerId: w.seed.officers.officerB.id, kind: 'due-day', plannedAt: new Date('2024-11-29T01:00:00Z') } });

    const { messageId } = await w.sendReminder(task.id, w.seed.officers.officerA.id, USERS.officerA);
    await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text === '⏳ Xin gia hạn')!.callback_data);
    await w.send(USERS.officerA, '20/12/2024');
    await w.send(USERS.officerA, 'Chờ số liệu của các xã');
    const request = await w.prisma.extensionRequest.findFirstOrThrow({ where: { taskId: task.id } });
    expect(request).toMatchObject({ status: 'PENDING', requesterId: w.seed.officers.officerA.id, deciderId: null });

    const ask = w.last(USERS.leader)!;
    expect(ask.text).toContain(`<b>1.2. ${TITLE_HTML}</b>`);
    const buttons = w.buttons(USERS.leader, ask.messageId);
    expect(buttons.map((b) => b.text)).toEqual(['✅ Đồng ý', '❌ Không đồng ý']);
    const [approve, reject] = buttons;
    const toOfficer = w.tg.messagesTo(USERS.officerA).length;

    await w.tap(USERS.leader, ask.messageId, reject!.callback_data);

    // The decision.
    const decided = await w.prisma.extensionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided).toMatchObject({ status: 'REJECTED', deciderId: w.seed.officers.leader.id, reason: 'Chờ số liệu của các xã' });
    expect(decided.decidedAt?.toISOString()).toBe(NOW.toISOString());
    expect(decided.proposedDue.toISOString().slice(0, 10)).toBe('2024-12-20');
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'extension.reject', entityId: String(request.id) } });
    expect(audit.actor).toBe(String(w.seed.officers.leader.id));
    expect(audit.data).toMatchObject({ taskId: task.id, proposedDue: '2024-12-20', previousDue: '2024-11-29', cancelledReminders: 0 });
    expect(await w.prisma.auditLog.count({ where: { action: 'extension.approve' } })).toBe(0);

    // Nothing about the task moved.
    const after = await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.due?.toISOString().slice(0, 10)).toBe('2024-11-29');
    expect(after.schedule).toEqual(before.schedule);
    expect(after.status).toBe(before.status);
    for (const r of [mine, theirs]) {
      const now = await w.prisma.reminder.findUniqueOrThrow({ where: { id: r.id } });
      expect(now).toMatchObject({ status: 'PENDING', plannedAt: r.plannedAt });
    }

    // The leader's message: the request as it was, the decision below it, no buttons.
    const leaderMsg = w.tg.messagesTo(USERS.leader).find((m) => m.messageId === ask.messageId)!;
    expect(leaderMsg.text).toContain(TITLE_HTML);
    expect(leaderMsg.text).toContain('Hạn hiện tại: 29/11/2024 → đề nghị: 20/12/2024');
    expect(leaderMsg.text.endsWith('\n\n❌ Đã không đồng ý gia hạn (09:00 26/11/2024).')).toBe(true);
    expect(leaderMsg.replyMarkup).toBeUndefined();

    // The officer: one new message, the card with the unchanged deadline and the buttons to answer.
    const told = w.tg.messagesTo(USERS.officerA).slice(toOfficer);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('❌ Lãnh đạo <b>không đồng ý gia hạn</b> đến 20/12/2024; hạn giữ nguyên.');
    expect(told[0]!.text).toContain('Hạn: 29/11/2024, còn 3 ngày làm việc');
    const cardButtons = w.buttons(USERS.officerA, told[0]!.messageId);
    expect(cardButtons.map((b) => b.text)).toEqual(['✅ Hoàn thành', '🔄 Đang thực hiện', '⚠️ Vướng mắc', '⏳ Xin gia hạn', '💤 Nhắc lại sau']);

    // Pressing ✅ Đồng ý afterwards decides nothing: the request stays rejected and the deadline stays.
    const calls = w.tg.calls.length;
    await w.tap(USERS.leader, ask.messageId, approve!.callback_data);
    expect((await w.prisma.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('REJECTED');
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).due?.toISOString().slice(0, 10)).toBe('2024-11-29');
    expect(await w.prisma.auditLog.count({ where: { action: { in: ['extension.approve', 'extension.reject'] } } })).toBe(1);
    expect(w.tg.messagesTo(USERS.officerA).slice(toOfficer)).toHaveLength(1);
    expect(w.tg.calls.slice(calls).map((c) => c.method)).toEqual(['editMessageText', 'answerCallbackQuery']);

    // The officer answers from the card the leader's decision brought.
    await w.tap(USERS.officerA, told[0]!.messageId, cardButtons[0]!.callback_data);
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('DONE');
  });

  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
