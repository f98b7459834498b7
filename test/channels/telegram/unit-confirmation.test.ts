// Confirmation per monitoring unit: an admin turns it on for a unit by its name (/confirmation
// <unit> on); then an officer's "done" on a task that unit monitors waits for it although the plan
// has no such setting, and the unit's officer gets the card. A task monitored by a unit without the
// setting, in a plan without it, is done at once (with its completion time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKey } from '../../../src/plans/unit-names.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

const MONITOR_USER = 7005;
const OFFICE = 'Văn phòng HĐND - UBND';
const DONE = '✅ Hoàn thành';

let w: BotWorld;
let officeId: number;
let inspectorateId: number;
beforeAll(async () => {
  w = await createBotWorld();
  const office = await w.prisma.unit.create({ data: { name: OFFICE, normalizedName: unitKey(OFFICE) } });
  const inspectorate = await w.prisma.unit.create({ data: { name: 'Thanh tra huyện', normalizedName: unitKey('Thanh tra huyện') } });
  officeId = office.id;
  inspectorateId = inspectorate.id;
  const monitor = await w.prisma.officer.create({ data: { name: 'Đỗ Thị Dung', unitId: office.id, role: 'OFFICER', language: 'vi' } });
  await w.prisma.chatIdentity.create({ data: { officerId: monitor.id, channel: 'TELEGRAM', externalId: String(MONITOR_USER) } });
  // 1.2 is monitored by the office, 1.3 by the inspectorate; the plan asks for no confirmation.
  await w.prisma.taskUnit.create({ data: { taskId: w.seed.tasks.review.id, unitId: office.id, role: 'MONITOR' } });
  await w.prisma.taskUnit.create({ data: { taskId: w.seed.tasks.overdue.id, unitId: inspectorate.id, role: 'MONITOR' } });
});
afterAll(async () => {
  await w?.close();
});

async function tapDone(code: string) {
  await w.send(USERS.officerA, `/status ${code}`);
  const card = w.last(USERS.officerA)!;
  await w.tap(USERS.officerA, card.messageId, w.buttons(USERS.officerA, card.messageId).find((b) => b.text === DONE)!.callback_data);
  await w.send(USERS.officerA, 'bỏ qua'); // no evidence
  return w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === card.messageId)!.text;
}

describe('a monitoring unit requires confirmation across plans', () => {
  it('an admin turns it on by the unit\'s name, audited; an officer may not; an unknown name is said so', async () => {
    await w.send(USERS.officerA, `/confirmation ${OFFICE} on`);
    expect(w.last(USERS.officerA)!.text).toContain('Chỉ quản trị viên');
    expect((await w.prisma.unit.findUniqueOrThrow({ where: { id: officeId } })).settings).toEqual({});

    await w.send(USERS.admin, `/confirmation ${OFFICE} on`);
    expect(w.last(USERS.admin)!.text).toBe(`Unit ${OFFICE}: every reported "done" on a task this unit monitors must be confirmed by it, in every plan.`);
    expect((await w.prisma.unit.findUniqueOrThrow({ where: { id: officeId } })).settings).toEqual({ requireConfirmation: true });
    expect((await w.prisma.plan.findUniqueOrThrow({ where: { id: w.seed.plan.id } })).settings).toEqual({});
    const entry = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'unit.settings', entityId: String(officeId) }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actor: String(w.seed.officers.admin.id), entityType: 'Unit', data: { requireConfirmation: true } });

    await w.send(USERS.admin, '/confirmation Phòng Không Có on');
    expect(w.last(USERS.admin)!.text).toBe('No plan or unit named <b>Phòng Không Có</b>.');
    await w.send(USERS.admin, '/confirmation on');
    expect(w.last(USERS.admin)!.text).toContain('/confirmation &lt;monitoring unit name&gt; on');
  });

  it('a "done" on a task of a plan without the setting waits, because its monitoring unit requires it', async () => {
    await w.prisma.unit.update({ where: { id: officeId }, data: { settings: { requireConfirmation: true } } });
    const before = w.tg.messagesTo(MONITOR_USER).length;
    const shown = await tapDone('1.2');

    expect(await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } })).toMatchObject({ status: 'IN_PROGRESS', progress: 100, completedAt: null, confirmationPendingAt: NOW });
    expect(shown).toContain('đang chờ đơn vị theo dõi xác nhận');
    const asked = w.tg.messagesTo(MONITOR_USER).slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain('Chờ xác nhận kết quả</b>: Nguyễn Văn An báo hoàn thành');
    expect(w.buttons(MONITOR_USER, asked[0]!.messageId).map((b) => b.text)).toEqual(['✅ Xác nhận', '↩️ Trả lại']);
  });

  it('a "done" on a task whose monitoring unit and plan require nothing is done at once, with its completion time', async () => {
    expect((await w.prisma.unit.findUniqueOrThrow({ where: { id: inspectorateId } })).settings).toEqual({});
    await tapDone('1.3');
    expect(await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.overdue.id } })).toMatchObject({ status: 'DONE', completedAt: NOW, confirmationPendingAt: null });
  });
});

describe('Bot API conformance', () => {
  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
