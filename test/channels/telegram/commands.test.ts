// Commands in both languages, extensions decided by the leader, snooze, group subscriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../src/channels/telegram/commands.ts';
import { sendOutgoing } from '../../../src/channels/telegram/handlers/send.ts';
import { createComposer } from '../../../src/messages/index.ts';
import { createI18n } from '../../../src/messages/i18n.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

const GROUP = -100123;

describe('/tasks, /status, /overdue, /report', () => {
  it('/tasks lists my unit\'s open tasks by urgency, in Vietnamese and in English', async () => {
    await w.send(USERS.officerA, '/tasks');
    const vi = w.last(USERS.officerA)!.text;
    expect(vi).toContain('Nhiệm vụ đang mở</b> (2)');
    expect(vi.indexOf('<b>1.3</b>')).toBeLessThan(vi.indexOf('<b>1.2</b>'));
    expect(vi).toContain('quá hạn 7 ngày làm việc');
    expect(vi).not.toContain('2.1');
    await w.send(USERS.officerB, '/tasks');
    const en = w.last(USERS.officerB)!.text;
    expect(en).toContain('Open tasks</b> (1)');
    expect(en).toContain('29/11/2024, 3 working days left');
  });

  it('/status 1.2 shows the card with buttons; /status alone a summary; an unknown code says so', async () => {
    await w.send(USERS.officerB, '/status 1.2');
    const card = w.last(USERS.officerB)!;
    expect(card.text).toContain('Role: coordinating');
    expect(w.buttons(USERS.officerB, card.messageId)).toHaveLength(5);
    await w.send(USERS.officerA, '/status');
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hoàn thành quá hạn: 1');
    await w.send(USERS.officerB, '/status 2.1');
    expect(w.last(USERS.officerB)!.text).toContain('No task <b>2.1</b>');
  });

  it('/overdue and /report are for leaders; leaders see their units in their language', async () => {
    await w.send(USERS.officerA, '/overdue');
    expect(w.last(USERS.officerA)!.text).toContain('dành cho lãnh đạo');
    await w.send(USERS.leader, '/overdue');
    const overdue = w.last(USERS.leader)!.text;
    expect(overdue).toContain('Nhiệm vụ quá hạn</b> (1)');
    expect(overdue).toContain('Kiện toàn tổ công tác CCHC');
    expect(overdue).toContain('Phòng Nội vụ (chủ trì)');

    await w.send(USERS.leader, '/report');
    const report = w.last(USERS.leader)!;
    expect(report.text).toContain('Thống kê tuần</b> 25/11/2024 – 01/12/2024');
    expect(report.text).toContain('<b>Phòng Nội vụ</b> — 2 nhiệm vụ');
    expect(report.text).toContain('Chưa hoàn thành quá hạn: 1');
    expect(report.text).toContain('Chưa hoàn thành trong hạn: 1');
    // The official buckets: days overdue in calendar days.
    expect(report.text).toMatch(/Chưa hoàn thành quá hạn: 1 \(tổng \d+ ngày quá hạn, tính theo ngày lịch\)/);
    // Switch to the quarter with the button.
    await w.tap(USERS.leader, report.messageId, w.buttons(USERS.leader, report.messageId)[0]!.callback_data);
    expect(w.tg.messagesTo(USERS.leader).find((m) => m.messageId === report.messageId)!.text).toContain('Thống kê quý</b> 01/10/2024 – 31/12/2024');

    await w.send(USERS.admin, '/report');
    const en = w.last(USERS.admin)!.text;
    expect(en).toContain('Weekly report');
    expect(en).toContain('<b>Phòng Tài chính - Kế hoạch</b> — 1 tasks');
    expect(en).not.toContain('UBND xã An Bình'); // its only task is due in December
    await w.send(USERS.admin, '/overdue');
    expect(w.last(USERS.admin)!.text).toContain('Overdue tasks</b> (1)');
  });

  it('/lang en switches the officer\'s language', async () => {
    await w.send(USERS.officerA, '/lang en');
    expect(w.last(USERS.officerA)!.text).toBe('✅ Switched to English.');
    await w.send(USERS.officerA, '/tasks');
    expect(w.last(USERS.officerA)!.text).toContain('Open tasks');
    await w.send(USERS.officerA, '/lang vi');
    expect((await w.prisma.officer.findUniqueOrThrow({ where: { id: w.seed.officers.officerA.id } })).language).toBe('vi');
  });

  it('registers the command menu per language with setMyCommands', async () => {
    await registerCommands(w.bot.api, createI18n());
    const calls = w.tg.callsTo('setMyCommands');
    const en = calls.find((c) => c.params.language_code === 'en' && (c.params.scope as { type: string }).type === 'all_private_chats')!;
    expect((en.params.commands as Array<{ command: string }>).map((c) => c.command)).toEqual(['start', 'help', 'tasks', 'status', 'overdue', 'report', 'export', 'giao', 'lang', 'settings']);
    const vi = calls.find((c) => c.params.language_code === undefined && (c.params.scope as { type: string }).type === 'all_private_chats')!;
    expect((vi.params.commands as Array<{ description: string }>)[2]!.description).toBe('Nhiệm vụ đang mở của tôi');
  });
});

describe('extension request → leader approves → new deadline and reminders', () => {
  it('records the request, asks the leader, and on approval moves the deadline, cancels pending reminders and tells the officer', async () => {
    const task = w.seed.tasks.review;
    const pending = await w.prisma.reminder.create({ data: { deliveryKey: 'ext-pending', taskId: task.id, officerId: w.seed.officers.officerA.id, kind: 'before-due-1', plannedAt: new Date('2024-11-28T01:00:00Z') } });
    await w.send(USERS.officerA, '/status 1.2');
    const card = w.last(USERS.officerA)!;
    await w.tap(USERS.officerA, card.messageId, w.buttons(USERS.officerA, card.messageId).find((b) => b.text.includes('gia hạn'))!.callback_data);
    expect(w.last(USERS.officerA)!.text).toContain('Xin gia hạn đến ngày nào?');
    await w.send(USERS.officerA, 'không rõ');
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hiểu ngày');
    await w.send(USERS.officerA, '20/12/2024');
    expect(w.last(USERS.officerA)!.text).toContain('Lý do xin gia hạn đến 20/12/2024');
    await w.send(USERS.officerA, 'Chờ số liệu từ các xã');

    const request = await w.prisma.extensionRequest.findFirstOrThrow({ where: { taskId: task.id } });
    expect(request).toMatchObject({ status: 'PENDING', reason: 'Chờ số liệu từ các xã', requesterId: w.seed.officers.officerA.id });
    expect(w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === card.messageId)!.text).toContain('đề nghị gia hạn đến ngày <b>20/12/2024</b>');

    const ask = w.last(USERS.leader)!;
    expect(ask.text).toContain('Đề nghị gia hạn');
    expect(ask.text).toContain('Hạn hiện tại: 29/11/2024 → đề nghị: <b>20/12/2024</b>');
    const [approve] = w.buttons(USERS.leader, ask.messageId);
    // The officer cannot approve their own request by replaying the leader's button.
    await w.tap(USERS.officerA, ask.messageId, approve!.callback_data, USERS.officerA);
    expect((await w.prisma.extensionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('PENDING');

    await w.tap(USERS.leader, ask.messageId, approve!.callback_data);
    const decided = await w.prisma.extensionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided).toMatchObject({ status: 'APPROVED', deciderId: w.seed.officers.leader.id });
    const moved = await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(moved.due?.toISOString().slice(0, 10)).toBe('2024-12-20');
    expect(moved.schedule).toMatchObject({ kind: 'once', due: '2024-12-20' });
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('CANCELLED');
    expect(await w.prisma.auditLog.count({ where: { action: 'extension.approve' } })).toBe(1);
    const leaderMsg = w.tg.messagesTo(USERS.leader).find((m) => m.messageId === ask.messageId)!;
    expect(leaderMsg.text).toContain('Đã đồng ý gia hạn đến 20/12/2024');
    expect(leaderMsg.replyMarkup).toBeUndefined();
    const told = w.last(USERS.officerA)!.text;
    expect(told).toContain('Lãnh đạo đã <b>đồng ý gia hạn</b> đến 20/12/2024');
    expect(told).toContain('Hạn: 20/12/2024, còn 18 ngày làm việc');

    // A second press decides nothing again.
    await w.tap(USERS.leader, ask.messageId, approve!.callback_data);
    expect(await w.prisma.auditLog.count({ where: { action: 'extension.approve' } })).toBe(1);
  });

  it('the text reply "gia hạn 1.3 20/12/2024" asks the leader too', async () => {
    await w.send(USERS.officerA, 'gia hạn 1.3 20/12/2024 thiếu nhân sự');
    const request = await w.prisma.extensionRequest.findFirstOrThrow({ where: { taskId: w.seed.tasks.overdue.id } });
    expect(request.proposedDue.toISOString().slice(0, 10)).toBe('2024-12-20');
    expect(request.reason).toBe('thiếu nhân sự');
    expect(w.last(USERS.leader)!.text).toContain('thiếu nhân sự');
  });
});

describe('snooze', () => {
  it('💤 → next working morning plans a snooze reminder for the officer and cancels earlier ones', async () => {
    const task = w.seed.tasks.review;
    const early = await w.prisma.reminder.create({ data: { deliveryKey: 'snz-early', taskId: task.id, officerId: w.seed.officers.officerB.id, kind: 'before-due-1', plannedAt: new Date('2024-11-26T08:00:00Z') } });
    const composer = createComposer({ prisma: w.prisma, i18n: createI18n(), calendar: w.calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const r = await w.prisma.reminder.create({ data: { deliveryKey: 'snz-card', taskId: task.id, officerId: w.seed.officers.officerB.id, kind: 'before-due-3', plannedAt: NOW } });
    const [messageId] = await sendOutgoing(w.bot.api, USERS.officerB, [(await composer.reminder(r.id, NOW))!]);
    await w.tap(USERS.officerB, messageId!, w.buttons(USERS.officerB, messageId!).find((b) => b.text.includes('Remind'))!.callback_data);
    const choices = w.buttons(USERS.officerB, messageId!);
    expect(choices.map((b) => b.text)).toEqual(['Next working morning', 'In 2 working days', 'In a week', '📅 Pick a day', '↩️ Back']);
    await w.tap(USERS.officerB, messageId!, choices[0]!.callback_data);

    const snooze = await w.prisma.reminder.findFirstOrThrow({ where: { taskId: task.id, officerId: w.seed.officers.officerB.id, kind: 'snooze' } });
    expect(snooze.status).toBe('PENDING');
    expect(snooze.plannedAt.toISOString()).toBe('2024-11-27T01:00:00.000Z'); // Wednesday 08:00 in Hà Nội
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { id: early.id } })).status).toBe('CANCELLED');
    expect(await w.prisma.statusReport.count({ where: { status: 'SNOOZED', officerId: w.seed.officers.officerB.id } })).toBe(1);
    const card = w.tg.messagesTo(USERS.officerB).find((m) => m.messageId === messageId)!;
    expect(card.text).toContain('I will remind you at 08:00 27/11/2024');
    expect(card.replyMarkup).toBeUndefined();

    // Snoozing again to a chosen day moves the same row (one snooze per task and officer).
    await w.send(USERS.officerB, 'snooze 1.2 02/12/2024');
    const moved = await w.prisma.reminder.findMany({ where: { taskId: task.id, officerId: w.seed.officers.officerB.id, kind: 'snooze' } });
    expect(moved).toHaveLength(1);
    expect(moved[0]!.plannedAt.toISOString()).toBe('2024-12-02T01:00:00.000Z');
  });
});

describe('group subscriptions', () => {
  it('a non-admin, or an admin who is not a registered leader, is refused', async () => {
    w.tg.setChatAdministrators(GROUP, [USERS.officerA]);
    await w.sendInGroup(GROUP, USERS.leader, '/subscribe');
    expect(w.last(GROUP)!.text).toContain('Chỉ quản trị viên của nhóm');
    await w.sendInGroup(GROUP, USERS.officerA, '/subscribe');
    expect(w.last(GROUP)!.text).toContain('Chỉ lãnh đạo đã đăng ký');
    await w.sendInGroup(GROUP, USERS.stranger, '/subscribe');
    expect(await w.prisma.chatSubscription.count()).toBe(0);
  });

  it('a group admin who leads the unit subscribes, gets the weekly summary, and unsubscribes', async () => {
    w.tg.setChatAdministrators(GROUP, [USERS.leader]);
    await w.sendInGroup(GROUP, USERS.leader, '/subscribe UBND xã An Bình');
    expect(w.last(GROUP)!.text).toContain('chỉ đăng ký được các đơn vị mình phụ trách');
    await w.sendInGroup(GROUP, USERS.leader, '/subscribe');
    expect(w.last(GROUP)!.text).toContain('Phòng Nội vụ');
    const sub = await w.prisma.chatSubscription.findFirstOrThrow({ include: { units: true } });
    expect(sub.units.map((u) => u.unitId)).toEqual([w.seed.units.interior.id]);

    const composer = createComposer({ prisma: w.prisma, i18n: createI18n(), calendar: w.calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const summary = await composer.weeklySummary(sub.id, NOW);
    // The chart first (a photo with a short caption), then the text version.
    expect(summary[0]).toMatchObject({ html: '📊 Tiến độ theo đơn vị, tuần 25/11/2024 – 01/12/2024', photo: { fileName: 'tien-do-tuan-2024-11-25.png' } });
    expect(summary[1]!.html).toContain('Thống kê tuần');
    expect(summary[1]!.html).toContain('<b>Phòng Nội vụ</b>');
    // The daily overdue digest of the group's units: task 1.3 of Phòng Nội vụ is overdue; 2.1 (a commune's) is not listed.
    const [overdue] = await composer.groupOverdueDigest(sub.id, NOW);
    expect(overdue!.html).toContain('Tổng hợp việc quá hạn');
    expect(overdue!.html).toContain('1.3');
    expect(overdue!.html).not.toContain('2.1');

    await w.sendInGroup(GROUP, USERS.leader, '/unsubscribe');
    expect((await w.prisma.chatSubscription.findUniqueOrThrow({ where: { id: sub.id } })).active).toBe(false);
    expect(await composer.weeklySummary(sub.id, NOW)).toEqual([]);
    expect(await composer.groupOverdueDigest(sub.id, NOW)).toEqual([]);
  });
});

describe('overdue digest', () => {
  it('lists the leader\'s overdue tasks and the officers who blocked the bot until a digest telling of them is sent; composing writes nothing', async () => {
    await w.prisma.chatIdentity.updateMany({ where: { externalId: String(USERS.officerA) }, data: { active: false, deactivatedAt: NOW, deactivationReason: 'blocked' } });
    const composer = createComposer({ prisma: w.prisma, i18n: createI18n(), calendar: w.calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const later = new Date('2024-12-03T02:00:00Z');
    const first = await composer.overdueDigest(w.seed.officers.leader.id, later);
    const [digest] = first.parts;
    expect(digest!.html).toContain('Tổng hợp việc quá hạn</b> ngày 03/12/2024');
    expect(digest!.html).toContain('Nguyễn Văn An (Phòng Nội vụ): đã chặn bot');
    // A retry composes the same digest: nothing was marked while composing.
    const retried = await composer.overdueDigest(w.seed.officers.leader.id, later);
    expect(retried.parts.map((m) => m.html)).toEqual(first.parts.map((m) => m.html));
    await composer.markUnreachableReported(first.unreachableShown, later);
    const again = await composer.overdueDigest(w.seed.officers.leader.id, later);
    expect(again.parts.map((m) => m.html).join()).not.toContain('đã chặn bot');
    expect((await composer.overdueDigest(w.seed.officers.officerB.id, later)).parts).toEqual([]);
  });
});

describe('Bot API conformance', () => {
  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
