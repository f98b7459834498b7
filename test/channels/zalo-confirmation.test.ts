// Chờ xác nhận on Zalo: the same loop as on Telegram by text and numbered choices — an officer's
// "xong 1.2" waits, the monitoring officer returns it ("trả lại 1.2 <lý do>"), the officer
// completes it again, the monitoring officer confirms it by number; an officer of another unit
// typing "xác nhận 1.2" is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPlanConfirmation } from '../../src/tasks/confirmations.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import { NOW } from '../helpers/bot-world.ts';
import { createZaloWorld, type ZaloWorld } from '../helpers/zalo-world.ts';

const OFFICER_CHAT = 'zalo-officer-a';
const OTHER_CHAT = 'zalo-officer-b';
const MONITOR_CHAT = 'zalo-monitor';

let w: ZaloWorld;
let db: ZaloWorld['db'];
let zalo: ZaloWorld['zalo'];
let say: ZaloWorld['say'];
let taskId: number;
let now = NOW;

beforeAll(async () => {
  w = await createZaloWorld();
  ({ db, zalo, say } = w);
  const { seed } = w;
  const office = await db.prisma.unit.create({ data: { name: 'Văn phòng HĐND - UBND', normalizedName: unitKey('Văn phòng HĐND - UBND') } });
  const monitor = await db.prisma.officer.create({ data: { name: 'Đỗ Thị Dung', unitId: office.id, role: 'OFFICER', language: 'vi' } });
  taskId = seed.tasks.review.id;
  await db.prisma.taskUnit.create({ data: { taskId, unitId: office.id, role: 'MONITOR' } });
  await setPlanConfirmation(db.prisma, { planId: seed.plan.id, on: true, actor: 'test' });
  for (const [chat, officerId] of [[OFFICER_CHAT, seed.officers.officerA.id], [OTHER_CHAT, seed.officers.officerB.id], [MONITOR_CHAT, monitor.id]] as const) {
    await say(chat, await w.inviteFor(officerId));
  }
});
afterAll(async () => {
  await w?.close();
});

describe('confirmation on Zalo', () => {
  it('"xong 1.2" waits; the monitoring officer gets the result with numbered choices', async () => {
    const before = zalo.messagesTo(MONITOR_CHAT).length;
    expect(await say(OFFICER_CHAT, 'xong 1.2')).toContain('đang chờ đơn vị theo dõi xác nhận');
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'IN_PROGRESS', confirmationPendingAt: NOW });
    const asked = zalo.messagesTo(MONITOR_CHAT).slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain('Chờ xác nhận kết quả: Nguyễn Văn An báo hoàn thành');
    expect(asked[0]!.text).toMatch(/1\D+Xác nhận/);
    expect(asked[0]!.text).toMatch(/2\D+Trả lại/);
  });

  it('an officer of another unit typing "xác nhận 1.2" is refused', async () => {
    expect(await say(OTHER_CHAT, 'xác nhận 1.2')).toContain('Only officers of the task\'s monitoring unit');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('IN_PROGRESS');
  });

  it('"trả lại 1.2 <lý do>" returns it; the officer is told; "xong 1.2" again waits again; "1" confirms it', async () => {
    expect(await say(MONITOR_CHAT, '2')).toContain('trả lại 1.2');
    await say(MONITOR_CHAT, 'trả lại 1.2 thiếu biên bản rà soát');
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'IN_PROGRESS', confirmationPendingAt: null });
    expect(zalo.messagesTo(OFFICER_CHAT).at(-1)!.text).toContain('Đỗ Thị Dung trả lại kết quả, lý do: thiếu biên bản rà soát');

    now = new Date('2024-11-27T03:00:00Z');
    w.setNow(now);
    await say(OFFICER_CHAT, 'xong 1.2 đã bổ sung biên bản');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).confirmationPendingAt).toEqual(now);
    const reportedAt = now;
    now = new Date('2024-12-03T02:00:00Z');
    w.setNow(now);
    expect(await say(MONITOR_CHAT, '1')).toContain('Đã xác nhận hoàn thành (tính theo ngày báo cáo 27/11/2024)');
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: 'DONE', completedAt: reportedAt });
    expect(zalo.messagesTo(OFFICER_CHAT).at(-1)!.text).toContain('Đỗ Thị Dung đã xác nhận kết quả');
  });
});
