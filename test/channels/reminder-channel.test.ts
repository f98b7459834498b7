// An officer linked on Telegram and on Zalo chooses where reminders go ("nhắc qua zalo" on
// Zalo, /settings on Telegram): each reminder arrives on the chosen platform only, never on
// both; switching moves the reminders already planned; notices follow the same choice. Real
// bot, Zalo adapter and workers on both stand-ins (test/helpers/channels-world.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanTasksJob } from '../../src/delivery/jobs/definitions/plan-tasks.ts';
import { sendReminderJob } from '../../src/delivery/jobs/definitions/send-reminder.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import { telegramDriver, zaloDriver } from '../helpers/channel-drivers.ts';
import { createChannelsWorld, type ChannelsWorld } from '../helpers/channels-world.ts';
import { waitFor } from '../helpers/scheduler-world.ts';

/** Tuesday 26 November 2024, 09:00 in Hà Nội. */
const START = new Date('2024-11-26T02:00:00Z');
const DAY = 86_400_000;

let world: ChannelsWorld;
beforeAll(async () => {
  world = await createChannelsWorld(START);
});
afterAll(async () => {
  await world?.close();
});

let people = 9_000;

/** A unit with an officer linked on Zalo two days ago and on Telegram yesterday (so Telegram is the chat linked last), and a leader on Telegram. */
async function officerOnBoth(linked: Array<'TELEGRAM' | 'ZALO'> = ['ZALO', 'TELEGRAM']) {
  world.clock.set(START);
  const n = ++people;
  const leaderN = ++people;
  const tg = telegramDriver(world);
  const zl = zaloDriver(world);
  const unit = await world.prisma.unit.create({ data: { name: `Phòng ${n}`, normalizedName: unitKey(`Phòng ${n}`) } });
  const chats = linked.map((channel, i) => ({ channel, externalId: channel === 'TELEGRAM' ? tg.chatOf(n) : zl.chatOf(n), linkedAt: new Date(START.getTime() - (linked.length - i) * DAY) }));
  const officer = await world.prisma.officer.create({ data: { name: `Cán bộ ${n}`, unitId: unit.id, chatIdentities: { create: chats } }, include: { chatIdentities: true } });
  const leader = await world.prisma.officer.create({ data: { name: `Lãnh đạo ${leaderN}`, unitId: unit.id, role: 'LEADER', chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: tg.chatOf(leaderN) }] } } });
  const plan = await world.prisma.plan.create({ data: { kind: 'KE_HOACH', title: `Kế hoạch ${n}`, sourceFileName: 'kh.docx', sourceHash: `rc-${n}` } });
  const task = (code: string, title: string, due: string) =>
    world.prisma.task.create({
      data: { planId: plan.id, code, path: code, ordinal: Number(code.replace('.', '')), title, due: new Date(`${due}T00:00:00Z`), schedule: { kind: 'once', due }, units: { create: [{ unitId: unit.id, role: 'LEAD' }] } },
    });
  const identity = (channel: 'TELEGRAM' | 'ZALO') => officer.chatIdentities.find((c) => c.channel === channel)!;
  return { n, leaderN, tg, zl, officer, leader, task, identity };
}

const texts = (messages: Array<{ text: string }>) => messages.map((m) => m.text);

async function planAndSettle(taskId: number) {
  await addPlanTasksJob(world.queues.maintenance, { taskIds: [taskId] });
  // Planning done: advancing to "now" waits for the maintenance queue to be idle.
  await world.advanceTo(world.now());
}

describe('where reminders go for an officer linked on both platforms', () => {
  it('chosen Zalo: the reminder arrives on Zalo only; switched back to Telegram, planned ones move and the next arrives on Telegram only', async () => {
    const { n, tg, zl, officer, task, identity } = await officerOnBoth();
    await zl.say(n, 'nhắc qua Zalo');
    expect(texts(zl.transcript(zl.chatOf(n))).at(-1)).toMatch(/Từ nay nhắc việc và thông báo được gửi qua Zalo/);
    expect(await world.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ reminderChannel: 'ZALO' });

    // Due today: its reminder goes now, through the scheduler.
    const today = await task('1.1', 'Báo cáo kết quả rà soát hôm nay', '2024-11-26');
    await addPlanTasksJob(world.queues.maintenance, { taskIds: [today.id] });
    await waitFor(async () => (await world.prisma.reminder.count({ where: { taskId: today.id, officerId: officer.id, status: 'SENT' } })) > 0, 15_000, 'the reminder sent');
    const sentToday = await world.prisma.reminder.findMany({ where: { taskId: today.id, officerId: officer.id, status: { not: 'CANCELLED' } } });
    expect(new Set(sentToday.map((r) => r.chatIdentityId))).toEqual(new Set([identity('ZALO').id]));
    await waitFor(async () => texts(zl.transcript(zl.chatOf(n))).filter((t) => t.includes('Báo cáo kết quả rà soát hôm nay')).length === sentToday.filter((r) => r.status === 'SENT').length, 10_000, 'each sent reminder on Zalo');
    expect(tg.transcript(tg.chatOf(n))).toEqual([]);

    // Due Friday: reminders planned for later, on Zalo for now.
    const friday = await task('1.2', 'Tổng hợp số liệu cuối tuần', '2024-11-29');
    await planAndSettle(friday.id);
    const pending = () => world.prisma.reminder.findMany({ where: { taskId: friday.id, officerId: officer.id, status: 'PENDING' }, orderBy: { plannedAt: 'asc' } });
    expect((await pending()).length).toBeGreaterThan(0);
    expect(new Set((await pending()).map((r) => r.chatIdentityId))).toEqual(new Set([identity('ZALO').id]));

    // Back to Telegram from /settings: the buttons are there because both are linked.
    await tg.say(n, '/settings');
    expect(texts(tg.transcript(tg.chatOf(n))).at(-1)).toMatch(/Nhắc việc và thông báo gửi qua: Zalo/);
    await tg.tap(n, /^(• )?Telegram$/);
    expect(texts(tg.transcript(tg.chatOf(n))).at(-1)).toMatch(/Nhắc việc và thông báo gửi qua: Telegram/);
    expect(await world.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ reminderChannel: 'TELEGRAM' });
    expect(new Set((await pending()).map((r) => r.chatIdentityId))).toEqual(new Set([identity('TELEGRAM').id]));

    const next = (await pending())[0]!;
    const zaloBefore = zl.transcript(zl.chatOf(n)).length;
    await world.advanceTo(next.plannedAt);
    await waitFor(async () => (await world.prisma.reminder.findUniqueOrThrow({ where: { id: next.id } })).status === 'SENT', 15_000, 'the next reminder sent');
    await waitFor(async () => texts(tg.transcript(tg.chatOf(n))).some((t) => t.includes('Tổng hợp số liệu cuối tuần')), 10_000, 'the reminder on Telegram');
    expect(zl.transcript(zl.chatOf(n)).length).toBe(zaloBefore);
    expect(world.tg.violations).toEqual([]);
    expect(world.zalo.violations).toEqual([]);
  });

  it('a job that booked its slot for the old chat sends on the chosen one, once, when the choice changed meanwhile', async () => {
    const { n, tg, zl, officer, task, identity } = await officerOnBoth();
    const today = await task('1.1', 'Gửi báo cáo tháng', '2024-11-26');
    const reminder = await world.prisma.reminder.create({
      data: { deliveryKey: `booked-${n}`, taskId: today.id, officerId: officer.id, chatIdentityId: identity('TELEGRAM').id, kind: 'due-day', plannedAt: START },
    });
    await zl.say(n, 'nhắc qua zalo');
    expect((await world.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).chatIdentityId).toBe(identity('ZALO').id);
    // The job as it stands after booking a send slot for the Telegram chat, before the switch.
    const payload = { reminderId: reminder.id, plannedAt: START.toISOString(), slotAt: Date.now(), slotChatId: identity('TELEGRAM').id };
    await world.queues.delivery.add(sendReminderJob.name, payload, { jobId: sendReminderJob.jobId(payload) });
    await waitFor(async () => (await world.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).status === 'SENT', 15_000, 'the reminder sent');
    await waitFor(async () => texts(zl.transcript(zl.chatOf(n))).some((t) => t.includes('Gửi báo cáo tháng')), 10_000, 'the reminder on Zalo');
    expect(tg.transcript(tg.chatOf(n))).toEqual([]);
  });

  it('notices follow the choice: an extension asked on Telegram is answered on Zalo, the chosen platform', async () => {
    const { n, leaderN, tg, zl, task, officer } = await officerOnBoth();
    const friday = await task('1.1', 'Kiện toàn tổ công tác', '2024-11-29');
    // Typed on Telegram, as on Zalo (without tone marks too).
    await tg.say(n, 'nhac qua zalo');
    expect(texts(tg.transcript(tg.chatOf(n))).at(-1)).toMatch(/gửi qua Zalo/);
    expect(await world.prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ reminderChannel: 'ZALO' });
    await tg.say(n, 'gia hạn 1.1 20/12/2024 chờ số liệu');
    // Notices are sent by the workers (a send-notice job each).
    await waitFor(async () => /chờ số liệu/.test(texts(tg.transcript(tg.chatOf(leaderN))).at(-1) ?? ''), 10_000, 'the leader asked');
    const zaloBefore = zl.transcript(zl.chatOf(n)).length;
    const telegramBefore = tg.transcript(tg.chatOf(n)).length;
    await tg.tap(leaderN, /✅ Đồng ý/);
    await waitFor(async () => /Lãnh đạo đã đồng ý gia hạn đến 20\/12\/2024/.test(texts(zl.transcript(zl.chatOf(n))).slice(zaloBefore).join('\n')), 10_000, 'the decision on Zalo');
    expect(tg.transcript(tg.chatOf(n)).length).toBe(telegramBefore);
    expect((await world.prisma.task.findUniqueOrThrow({ where: { id: friday.id } })).due?.toISOString().slice(0, 10)).toBe('2024-12-20');
  });

  it('without a choice, the chat linked last; a platform not linked cannot be chosen', async () => {
    const { n, tg, zl, officer, task, identity } = await officerOnBoth(['TELEGRAM', 'ZALO']);
    const friday = await task('1.1', 'Cập nhật hồ sơ', '2024-11-29');
    await planAndSettle(friday.id);
    const rows = await world.prisma.reminder.findMany({ where: { taskId: friday.id, officerId: officer.id, status: 'PENDING' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.chatIdentityId))).toEqual(new Set([identity('ZALO').id]));

    const zaloOnly = await officerOnBoth(['ZALO']);
    await zaloOnly.zl.say(zaloOnly.n, 'nhắc qua telegram');
    expect(texts(zaloOnly.zl.transcript(zaloOnly.zl.chatOf(zaloOnly.n))).at(-1)).toMatch(/Bạn chưa liên kết Telegram/);
    expect(await world.prisma.officer.findUniqueOrThrow({ where: { id: zaloOnly.officer.id } })).toMatchObject({ reminderChannel: null });
    // /settings offers the choice only to someone linked on both.
    const telegramOnly = await officerOnBoth(['TELEGRAM']);
    await telegramOnly.tg.say(telegramOnly.n, '/settings');
    expect(texts(telegramOnly.tg.transcript(telegramOnly.tg.chatOf(telegramOnly.n))).at(-1)).not.toMatch(/gửi qua/);
    // Whatever was due already went to the chat linked last, Zalo, and nothing to Telegram.
    expect(texts(zl.transcript(zl.chatOf(n))).every((t) => t.includes('Cập nhật hồ sơ'))).toBe(true);
    expect(tg.transcript(tg.chatOf(n))).toEqual([]);
  });
});
