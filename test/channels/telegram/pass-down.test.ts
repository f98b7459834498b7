// Giao tiếp end to end on the Telegram stand-in: the district's leader passes a task down to
// Phòng Nội vụ with ↘️ Giao tiếp; its leader passes it on to an officer with /giao and an internal
// deadline of today; the real workers (started afterwards) run the two plan-tasks jobs the bot
// queued and remind the officer — not the district's people — whose answers reach both givers.
// Then who may not: a plain officer, a leader of another unit, forged and foreign buttons.
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkers, type Workers } from '../../../src/delivery/jobs/create-workers.ts';
import type { JobDeps } from '../../../src/delivery/jobs/deps.ts';
import { createTelegramChannel } from '../../../src/channels/telegram/channel.ts';
import { fixedClock } from '../../../src/clock.ts';
import { passDownAction } from '../../../src/messages/actions.ts';
import { pgRunner } from '../../../src/db/sql.ts';
import { createMetrics } from '../../../src/metrics.ts';
import { createRedis } from '../../../src/redis.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/reminders/policy-values.ts';
import { createChatPacing } from '../../../src/delivery/chat-pacing.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';
import { waitFor } from '../../helpers/scheduler-world.ts';

const DISTRICT_LEADER = 7010;
const FINANCE_LEADER = 7011;
const PASS = '↘️ Giao tiếp';

let w: BotWorld;
let workers: Workers | undefined;
let workerRedis: ReturnType<typeof createRedis> | undefined;
let districtLeaderId: number;
let financeLeaderId: number;
let taskId: number;

beforeEach(async () => {
  w = await createBotWorld();
  const linked = async (name: string, unitId: number, chat: number) => {
    const o = await w.prisma.officer.create({ data: { name, unitId, role: 'LEADER', language: 'vi' } });
    await w.prisma.chatIdentity.create({ data: { officerId: o.id, channel: 'TELEGRAM', externalId: String(chat) } });
    return o.id;
  };
  districtLeaderId = await linked('Hoàng Văn Huyện', w.seed.units.district.id, DISTRICT_LEADER);
  financeLeaderId = await linked('Vũ Thị Tài', w.seed.units.finance.id, FINANCE_LEADER);
  // A task the plan gives the district (the agency) to lead, due Friday 20/12/2024.
  const task = await w.prisma.task.create({
    data: {
      planId: w.seed.plan.id, code: '3.1', path: '3.1', ordinal: 10, title: 'Tổng kết công tác cải cách hành chính', deadlineRaw: 'Trước 20/12/2024',
      due: new Date('2024-12-20T00:00:00Z'), schedule: { kind: 'once', due: '2024-12-20' },
      units: { create: [{ unitId: w.seed.units.district.id, role: 'LEAD' }] },
    },
  });
  taskId = task.id;
});
afterEach(async () => {
  await workers?.close();
  workers = undefined;
  workerRedis?.disconnect();
  await w.close();
});

/** The service's workers on this world's database, queues and stand-in, at the world's fixed instant. */
async function startWorkers(): Promise<void> {
  workerRedis = createRedis(w.redis.url, 'worker');
  const deps: JobDeps = {
    prisma: w.prisma,
    channels: { TELEGRAM: { channel: createTelegramChannel(new Api(w.tg.token, { apiRoot: w.tg.apiRoot })), pacing: createChatPacing(workerRedis, { prefix: w.redis.prefix, globalPerSecond: 200 }) } },
    composer: w.composer,
    clock: fixedClock(NOW),
    logger: w.logger,
    metrics: createMetrics(),
    calendar: w.calendar,
    policy: DEFAULT_REMINDER_POLICY,
    deliveryQueue: w.queues.delivery,
    sql: pgRunner(w.pool),
  };
  workers = createWorkers(deps, { connection: workerRedis, prefix: w.redis.prefix, sendRatePerSecond: 200, deliveryConcurrency: 5, lockDurationMs: 3_000, stalledIntervalMs: 1_000 });
  await Promise.all([workers.delivery.waitUntilReady(), workers.maintenance.waitUntilReady()]);
}

const button = (chat: number, messageId: number, text: string) => w.buttons(chat, messageId).find((b) => b.text.startsWith(text));

describe('a task passed down twice', () => {
  it('reminds the officer at the end of the chain, by the internal deadline, and both givers hear the officer\'s answers', async () => {
    const officerA = w.seed.officers.officerA;
    // 1. The district's leader: ↘️ Giao tiếp on the card, then Phòng Nội vụ from the list.
    await w.send(DISTRICT_LEADER, '/status 3.1');
    const card = w.last(DISTRICT_LEADER)!;
    const open = button(DISTRICT_LEADER, card.messageId, PASS)!;
    expect(Buffer.byteLength(open.callback_data)).toBeLessThanOrEqual(64);
    await w.tap(DISTRICT_LEADER, card.messageId, open.callback_data);
    const menu = w.last(DISTRICT_LEADER)!;
    expect(menu.text).toContain('Giao nhiệm vụ <b>3.1</b>');
    const choices = w.buttons(DISTRICT_LEADER, menu.messageId).map((b) => b.text);
    expect(choices).toEqual(expect.arrayContaining(['🏢 Phòng Nội vụ', '🏢 Phòng Tài chính - Kế hoạch', '👤 Nguyễn Văn An (Phòng Nội vụ)']));
    expect(choices).not.toContain('👤 Hoàng Văn Huyện (UBND huyện Hòa Vang)');
    const toLeader = w.tg.messagesTo(USERS.leader).length;
    await w.tap(DISTRICT_LEADER, menu.messageId, button(DISTRICT_LEADER, menu.messageId, '🏢 Phòng Nội vụ')!.callback_data);
    expect(w.tg.messagesTo(DISTRICT_LEADER).find((m) => m.messageId === menu.messageId)!.text).toContain('↘️ Đã giao cho Phòng Nội vụ.');
    // Phòng Nội vụ's leader is told, with the card and its buttons (↘️ among them: they may pass it on).
    const received = w.tg.messagesTo(USERS.leader).slice(toLeader);
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain('<b>Hoàng Văn Huyện</b> giao nhiệm vụ này cho Phòng Nội vụ');
    expect(received[0]!.text).toContain('↘️ Giao: UBND huyện Hòa Vang → Phòng Nội vụ');
    expect(button(USERS.leader, received[0]!.messageId, PASS)).toBeDefined();

    // 2. Phòng Nội vụ's leader gives it to officer A, internal deadline today, with a note.
    const toOfficer = w.tg.messagesTo(USERS.officerA).length;
    await w.send(USERS.leader, `/giao 3.1 #${officerA.id} 26/11/2024 gửi báo cáo <trước 16h>`);
    expect(w.last(USERS.leader)!.text).toContain('↘️ Đã giao cho Nguyễn Văn An, hạn nội bộ 26/11/2024.');
    const given = w.tg.messagesTo(USERS.officerA).slice(toOfficer);
    expect(given).toHaveLength(1);
    expect(given[0]!.text).toContain('<b>Lê Văn Cường</b> giao nhiệm vụ này cho Nguyễn Văn An');
    expect(given[0]!.text).toContain('Ghi chú: gửi báo cáo &lt;trước 16h&gt;');
    expect(given[0]!.text).toContain('↘️ Giao: UBND huyện Hòa Vang → Phòng Nội vụ → Nguyễn Văn An, hạn nội bộ 26/11/2024');
    // The officer, whose unit the plan does not name, sees and may answer it; no ↘️ for them.
    expect(w.buttons(USERS.officerA, given[0]!.messageId).map((b) => b.text)).toEqual(expect.arrayContaining(['✅ Hoàn thành']));
    expect(button(USERS.officerA, given[0]!.messageId, PASS)).toBeUndefined();
    const chain = await w.prisma.taskAssignment.findMany({ where: { taskId }, orderBy: { id: 'asc' } });
    expect(chain.map((a) => [a.fromOfficerId, a.toUnitId, a.toOfficerId, a.revokedAt])).toEqual([
      [districtLeaderId, w.seed.units.interior.id, null, null],
      [w.seed.officers.leader.id, w.seed.units.interior.id, officerA.id, null],
    ]);
    expect(chain[1]!.internalDue?.toISOString().slice(0, 10)).toBe('2024-11-26');
    expect(await w.prisma.auditLog.count({ where: { action: 'task.pass-down', entityId: String(taskId) } })).toBe(2);
    // Each gift asked for planning at once.
    expect((await w.queues.maintenance.getJobs(['waiting'])).filter((j) => j.name === 'plan-tasks').map((j) => j.data)).toEqual([{ taskIds: [taskId] }, { taskIds: [taskId] }]);

    // 3. The workers plan: the internal deadline is today, so the due-day reminder goes now, to officer A only.
    const before = w.tg.messagesTo(USERS.officerA).length;
    await startWorkers();
    await waitFor(async () => (await w.prisma.reminder.count({ where: { taskId, officerId: officerA.id, status: 'SENT' } })) > 0, 15_000, 'officer A reminded');
    const reminder = await w.prisma.reminder.findFirstOrThrow({ where: { taskId, officerId: officerA.id, status: 'SENT' } });
    expect(reminder.kind).toBe('due-day');
    expect(reminder.occurrenceDue?.toISOString().slice(0, 10)).toBe('2024-11-26');
    const planned = await w.prisma.reminder.findMany({ where: { taskId, status: { in: ['PENDING', 'SENT', 'CLAIMED'] } } });
    // Nobody of the district (its admin, its leader) is reminded as an assignee; escalations go to the last giver.
    expect(new Set(planned.filter((r) => !r.kind.startsWith('escalation')).map((r) => r.officerId))).toEqual(new Set([officerA.id]));
    expect(new Set(planned.filter((r) => r.kind === 'escalation-leader').map((r) => r.officerId))).toEqual(new Set([w.seed.officers.leader.id]));
    const sent = w.tg.messagesTo(USERS.officerA).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('<b>3.1. Tổng kết công tác cải cách hành chính</b>');

    // 4. Officer A answers on the reminder: 50%, then done; both givers hear each answer.
    const toGivers = () => [w.tg.messagesTo(DISTRICT_LEADER).length, w.tg.messagesTo(USERS.leader).length] as const;
    const [d0, l0] = toGivers();
    await w.send(USERS.officerA, '3.1 50%');
    const [d1, l1] = toGivers();
    expect(w.tg.messagesTo(DISTRICT_LEADER).slice(d0).map((m) => m.text)).toEqual(['↗️ <b>3.1</b> Tổng kết công tác cải cách hành chính — Nguyễn Văn An báo: 🔄 tiến độ 50%']);
    expect(w.tg.messagesTo(USERS.leader).slice(l0).map((m) => m.text)).toEqual(['↗️ <b>3.1</b> Tổng kết công tác cải cách hành chính — Nguyễn Văn An báo: 🔄 tiến độ 50%']);
    await w.tap(USERS.officerA, sent[0]!.messageId, button(USERS.officerA, sent[0]!.messageId, '✅ Hoàn thành')!.callback_data);
    expect(w.tg.messagesTo(DISTRICT_LEADER).slice(d1).map((m) => m.text)).toEqual(['↗️ <b>3.1</b> Tổng kết công tác cải cách hành chính — Nguyễn Văn An báo: ✅ hoàn thành']);
    expect(w.tg.messagesTo(USERS.leader).slice(l1).at(-1)!.text).toContain('Nguyễn Văn An báo: ✅ hoàn thành');
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('DONE');
    expect(w.tg.violations).toEqual([]);
  });

  it('giving again from higher up replaces the chain below it', async () => {
    await w.send(DISTRICT_LEADER, '/giao 3.1 Phòng Nội vụ');
    await w.send(USERS.leader, `/giao 3.1 #${w.seed.officers.officerA.id}`);
    await w.send(DISTRICT_LEADER, '/giao 3.1 phong tai chinh ke hoach cần gấp');
    expect(w.last(DISTRICT_LEADER)!.text).toContain('↘️ Đã giao cho Phòng Tài chính - Kế hoạch.');
    const active = await w.prisma.taskAssignment.findMany({ where: { taskId, revokedAt: null } });
    expect(active.map((a) => [a.toUnitId, a.toOfficerId, a.note])).toEqual([[w.seed.units.finance.id, null, 'cần gấp']]);
    // Phòng Nội vụ holds it no more: its leader may not pass it on, and officer A no longer finds it.
    await w.send(USERS.leader, `/giao 3.1 #${w.seed.officers.officerA.id}`);
    expect(w.last(USERS.leader)!.text).toContain('Không tìm thấy nhiệm vụ <b>3.1</b>');
    await w.send(USERS.officerA, '3.1 50%');
    expect(w.last(USERS.officerA)!.text).toContain('Không tìm thấy nhiệm vụ <b>3.1</b>');
  });
});

describe('who may not pass a task down', () => {
  it('a plain officer: no ↘️ on the card, /giao refused, nothing written', async () => {
    await w.send(USERS.officerA, '/status 1.2');
    expect(button(USERS.officerA, w.last(USERS.officerA)!.messageId, PASS)).toBeUndefined();
    await w.send(USERS.officerA, `/giao 1.2 #${w.seed.officers.leader.id}`);
    expect(w.last(USERS.officerA)!.text).toContain('Chỉ lãnh đạo của đơn vị đang giữ nhiệm vụ');
    expect(await w.prisma.taskAssignment.count()).toBe(0);
  });

  it('a leader of another unit: not a task of a coordinating unit, not to a unit or officer outside their own', async () => {
    // Phòng Tài chính coordinates 1.2 (led by Phòng Nội vụ).
    await w.send(FINANCE_LEADER, `/giao 1.2 #${w.seed.officers.officerB.id}`);
    expect(w.last(FINANCE_LEADER)!.text).toContain('Chỉ lãnh đạo của đơn vị đang giữ nhiệm vụ');
    // Phòng Nội vụ's leader: the finance office is no child of theirs, nor its officer theirs to give to.
    await w.send(USERS.leader, '/giao 1.2 Phòng Tài chính - Kế hoạch');
    expect(w.last(USERS.leader)!.text).toContain('Không có "Phòng Tài chính - Kế hoạch" trong các đơn vị trực thuộc');
    await w.send(USERS.leader, `/giao 1.2 #${w.seed.officers.officerB.id}`);
    expect(w.last(USERS.leader)!.text).toContain('Chỉ lãnh đạo của đơn vị đang giữ nhiệm vụ');
    // An internal deadline after the task's own is refused.
    await w.send(USERS.leader, `/giao 1.2 #${w.seed.officers.officerA.id} 02/12/2024`);
    expect(w.last(USERS.leader)!.text).toBe('Hạn nội bộ không được sau hạn của nhiệm vụ (29/11/2024).');
    expect(await w.prisma.taskAssignment.count()).toBe(0);
  });

  it('forged and foreign buttons are refused and change nothing', async () => {
    await w.send(USERS.leader, '/status 1.2');
    const card = w.last(USERS.leader)!;
    const real = button(USERS.leader, card.messageId, PASS)!.callback_data;
    // Officer A presses the leader's button; then forges one naming themselves.
    await w.tap(USERS.officerA, card.messageId, real);
    await w.tap(USERS.officerA, 1, passDownAction.pack({ step: 'm', taskId: w.seed.tasks.review.id, targetId: 0, officerId: w.seed.officers.officerA.id }));
    await w.tap(USERS.officerA, 1, passDownAction.pack({ step: 'o', taskId: w.seed.tasks.review.id, targetId: w.seed.officers.officerA.id, officerId: w.seed.officers.officerA.id }));
    // The leader forges a gift to a unit that is not theirs, and one of another unit's task.
    await w.tap(USERS.leader, card.messageId, passDownAction.pack({ step: 'u', taskId: w.seed.tasks.review.id, targetId: w.seed.units.finance.id, officerId: w.seed.officers.leader.id }));
    await w.tap(USERS.leader, card.messageId, passDownAction.pack({ step: 'm', taskId: w.seed.tasks.commune21.id, targetId: 0, officerId: w.seed.officers.leader.id }));
    expect(w.tg.callsTo('answerCallbackQuery').slice(-5).map((c) => c.params.text)).toEqual(Array(5).fill('Nút này không dành cho bạn.'));
    expect(await w.prisma.taskAssignment.count()).toBe(0);
    expect(await w.prisma.auditLog.count({ where: { action: 'task.pass-down' } })).toBe(0);
  });
});
