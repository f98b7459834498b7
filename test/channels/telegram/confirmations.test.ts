// Chờ xác nhận: with the plan's confirmation on, an officer's "done" waits for the monitoring
// unit; its officer returns it with a reason (the officer is told, reminders resume), the officer
// completes it again, the monitoring officer confirms it, and only then is it counted done — as of
// the officer's report. An officer of another unit cannot confirm, by a forged button or by its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmationDecision } from '../../../src/messages/actions.ts';
import { reportData } from '../../../src/tasks/queries.ts';
import { unitKey } from '../../../src/plans/unit-names.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

const MONITOR_USER = 7005;
const DONE = '✅ Hoàn thành';
const CONFIRM = '✅ Xác nhận';
const RETURN = '↩️ Trả lại';

let w: BotWorld;
let monitorOfficerId: number;
let taskId: number;
beforeAll(async () => {
  w = await createBotWorld();
  const office = await w.prisma.unit.create({ data: { name: 'Văn phòng HĐND - UBND', normalizedName: unitKey('Văn phòng HĐND - UBND') } });
  const monitor = await w.prisma.officer.create({ data: { name: 'Đỗ Thị Dung', unitId: office.id, role: 'OFFICER', language: 'vi' } });
  await w.prisma.chatIdentity.create({ data: { officerId: monitor.id, channel: 'TELEGRAM', externalId: String(MONITOR_USER) } });
  monitorOfficerId = monitor.id;
  taskId = w.seed.tasks.review.id; // 1.2, lead Phòng Nội vụ, due 29/11/2024
  await w.prisma.taskUnit.create({ data: { taskId, unitId: office.id, role: 'MONITOR' } });
});
afterAll(async () => {
  await w?.close();
});

async function tapDone() {
  await w.send(USERS.officerA, '/status 1.2');
  const card = w.last(USERS.officerA)!;
  await w.tap(USERS.officerA, card.messageId, w.buttons(USERS.officerA, card.messageId).find((b) => b.text === DONE)!.callback_data);
  await w.send(USERS.officerA, 'bỏ qua'); // no evidence
  return card;
}

async function counts() {
  const today = w.calendar.dateOf(w.now);
  const { total } = await reportData(w.prisma, [w.seed.units.interior.id], { from: '2024-11-01', to: '2024-12-31' }, today, (d) => w.calendar.dateOf(d));
  return { done: total.timeBound.counts['done-on-time'] + total.timeBound.counts['done-late'], awaiting: total.awaiting };
}

describe('a "done" waits for the monitoring unit', () => {
  it('an admin turns confirmation on in the chat; an officer may not', async () => {
    await w.send(USERS.officerA, '/confirmation 336/KH-UBND on');
    expect(w.last(USERS.officerA)!.text).toContain('Chỉ quản trị viên');
    expect(w.seed.plan.settings).toEqual({});
    await w.send(USERS.admin, '/confirmation 336/KH-UBND on');
    expect(w.last(USERS.admin)!.text).toContain('Plan 336/KH-UBND: reported results must be confirmed by the monitoring unit.');
    expect((await w.prisma.plan.findUniqueOrThrow({ where: { id: w.seed.plan.id } })).settings).toEqual({ requireConfirmation: true });
  });

  it('the officer\'s "done" leaves the task open, stops its reminders and sends the monitoring officer a card', async () => {
    await w.prisma.reminder.create({ data: { deliveryKey: `t${taskId}:pending`, taskId, officerId: w.seed.officers.officerA.id, kind: 'before-due-1', plannedAt: new Date('2024-11-28T01:00:00Z') } });
    const before = w.tg.messagesTo(MONITOR_USER).length;
    const card = await tapDone();

    const task = await w.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', progress: 100, completedAt: null, confirmationPendingAt: NOW });
    const shown = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === card.messageId)!.text;
    expect(shown).toContain('Chờ xác nhận');
    expect(shown).toContain('đang chờ đơn vị theo dõi xác nhận');
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { deliveryKey: `t${taskId}:pending` } })).status).toBe('CANCELLED');
    // A reminder composed now sends nothing: the officer has answered.
    await expect(w.sendReminder(taskId, w.seed.officers.officerA.id, USERS.officerA)).rejects.toThrow('composed nothing');

    const asked = w.tg.messagesTo(MONITOR_USER).slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain('Chờ xác nhận kết quả</b>: Nguyễn Văn An báo hoàn thành lúc 09:00 26/11/2024');
    expect(w.buttons(MONITOR_USER, asked[0]!.messageId).map((b) => b.text)).toEqual([CONFIRM, RETURN]);
    expect(await counts()).toEqual({ done: 0, awaiting: 1 });
    // /status shows the monitoring officer the same two buttons first; the officer who reported gets none of them.
    await w.send(MONITOR_USER, '/status 1.2');
    expect(w.buttons(MONITOR_USER, w.last(MONITOR_USER)!.messageId).map((b) => b.text).slice(0, 2)).toEqual([CONFIRM, RETURN]);
    await w.send(USERS.officerA, '/status 1.2');
    expect(w.buttons(USERS.officerA, w.last(USERS.officerA)!.messageId).map((b) => b.text)).not.toContain(CONFIRM);
  });

  it('an officer of another unit cannot confirm: not with the monitoring officer\'s button, not with one naming themselves', async () => {
    const asked = w.last(MONITOR_USER)!;
    const real = w.buttons(MONITOR_USER, asked.messageId).find((b) => b.text === CONFIRM)!.callback_data;
    expect(Buffer.byteLength(real)).toBeLessThanOrEqual(64);
    await w.tap(USERS.officerB, asked.messageId, real);
    const own = confirmationDecision.pack({ decision: 'c', taskId, officerId: w.seed.officers.officerB.id });
    await w.tap(USERS.officerB, 1, own);
    // The lead unit's own officer may not confirm their unit's result either.
    await w.tap(USERS.officerA, 1, confirmationDecision.pack({ decision: 'c', taskId, officerId: w.seed.officers.officerA.id }));
    // Officer B reads English.
    expect(w.tg.callsTo('answerCallbackQuery').slice(-3).map((c) => c.params.text)).toEqual(['This button is not for you.', 'This button is not for you.', 'Nút này không dành cho bạn.']);
    expect(await w.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'IN_PROGRESS', confirmationPendingAt: NOW });
    expect(await w.prisma.auditLog.count({ where: { action: 'task.confirm' } })).toBe(0);
  });

  it('the monitoring officer returns it with a reason: in progress again, the officer told, reminders resume', async () => {
    const asked = w.last(MONITOR_USER)!;
    await w.tap(MONITOR_USER, asked.messageId, w.buttons(MONITOR_USER, asked.messageId).find((b) => b.text === RETURN)!.callback_data);
    expect(w.last(MONITOR_USER)!.text).toContain('Nhập lý do trả lại');
    const toOfficer = w.tg.messagesTo(USERS.officerA).length;
    await w.send(MONITOR_USER, 'Thiếu danh sách thủ tục <đã rà soát>');

    expect(await w.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'IN_PROGRESS', confirmationPendingAt: null, completedAt: null });
    const told = w.tg.messagesTo(USERS.officerA).slice(toOfficer);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('Đỗ Thị Dung trả lại kết quả, lý do: Thiếu danh sách thủ tục &lt;đã rà soát&gt;');
    expect(w.buttons(USERS.officerA, told[0]!.messageId).map((b) => b.text)).toContain(DONE);
    await expect(w.sendReminder(taskId, w.seed.officers.officerA.id, USERS.officerA)).resolves.toBeDefined();
    expect(await w.queues.maintenance.getJobCounts('waiting', 'delayed', 'prioritized')).not.toEqual({ waiting: 0, delayed: 0, prioritized: 0 });
    expect(await counts()).toEqual({ done: 0, awaiting: 0 });
    // The returned task stays counted under the officer who did the work, not the one who returned it.
    const { officers } = await reportData(w.prisma, [w.seed.units.interior.id], { from: '2024-11-01', to: '2024-12-31' }, w.calendar.dateOf(w.now), (d) => w.calendar.dateOf(d));
    expect(officers.map((o) => o.officerName)).toEqual(['Nguyễn Văn An']);
  });

  it('the officer completes it again on Thursday; confirmed the next Monday (after the deadline), it counts done on time, as of the report', async () => {
    const reportedAt = new Date('2024-11-28T03:00:00Z');
    w.setNow(reportedAt);
    const before = w.tg.messagesTo(MONITOR_USER).length;
    await tapDone();
    expect(await counts()).toEqual({ done: 0, awaiting: 1 });
    const asked = w.tg.messagesTo(MONITOR_USER).slice(before);
    expect(asked).toHaveLength(1);

    w.setNow(new Date('2024-12-02T02:00:00Z'));
    const toOfficer = w.tg.messagesTo(USERS.officerA).length;
    await w.tap(MONITOR_USER, asked[0]!.messageId, w.buttons(MONITOR_USER, asked[0]!.messageId).find((b) => b.text === CONFIRM)!.callback_data);
    expect(await w.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'DONE', completedAt: reportedAt, confirmationPendingAt: null });
    expect(w.tg.messagesTo(MONITOR_USER).find((m) => m.messageId === asked[0]!.messageId)!.text).toContain('Đã xác nhận hoàn thành (tính theo ngày báo cáo 28/11/2024)');
    expect(w.tg.messagesTo(USERS.officerA).slice(toOfficer)[0]!.text).toContain('Đỗ Thị Dung đã xác nhận kết quả');

    const today = w.calendar.dateOf(w.now);
    const { total } = await reportData(w.prisma, [w.seed.units.interior.id], { from: '2024-11-01', to: '2024-12-31' }, today, (d) => w.calendar.dateOf(d));
    expect(total.timeBound.counts['done-on-time']).toBe(1);
    expect(total.awaiting).toBe(0);
    // Per officer: the one who did the work, not the one who returned it.
    const { officers } = await reportData(w.prisma, [w.seed.units.interior.id], { from: '2024-11-01', to: '2024-12-31' }, today, (d) => w.calendar.dateOf(d));
    expect(officers.find((o) => o.officerName === 'Nguyễn Văn An')!.tally.timeBound.counts['done-on-time']).toBe(1);
    expect(officers.map((o) => o.officerName)).not.toContain('Đỗ Thị Dung');
    // The leader's /report for the quarter: the four buckets per unit, then per officer.
    await w.send(USERS.leader, '/report quý');
    const report = w.last(USERS.leader)!.text;
    expect(report).toContain('Hoàn thành đúng hạn: 1');
    expect(report).toMatch(/Theo cán bộ<\/b>[^\n]*\n• Nguyễn Văn An\n  Hoàn thành đúng hạn: 1/);
    expect((await w.prisma.statusReport.findFirstOrThrow({ where: { taskId, status: 'RETURNED' } })).note).toBe('Thiếu danh sách thủ tục <đã rà soát>');
    expect(await w.prisma.auditLog.count({ where: { action: { in: ['task.return', 'task.confirm'] } } })).toBe(2);
    // A second press changes nothing.
    await w.tap(MONITOR_USER, asked[0]!.messageId, w.buttons(MONITOR_USER, asked[0]!.messageId).find((b) => b.text === CONFIRM)?.callback_data ?? confirmationDecision.pack({ decision: 'c', taskId, officerId: monitorOfficerId }));
    expect(await w.prisma.auditLog.count({ where: { action: 'task.confirm' } })).toBe(1);
  });
});
