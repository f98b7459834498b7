// On Zalo: the monitoring unit requires confirmation (a unit setting, the plan has none), so
// "xong 1.2" waits; the photo the officer sends next reaches the monitoring officer as a notice
// with the photo's address and the numbered choices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUnitConfirmation } from '../../src/tasks/unit-confirmation.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import { createZaloWorld, type ZaloWorld } from '../helpers/zalo-world.ts';

const OFFICER_CHAT = 'zalo-officer-a';
const MONITOR_CHAT = 'zalo-monitor';
const OFFICE = 'Văn phòng HĐND - UBND';

let w: ZaloWorld;
beforeAll(async () => {
  w = await createZaloWorld();
  const office = await w.prisma.unit.create({ data: { name: OFFICE, normalizedName: unitKey(OFFICE) } });
  const monitor = await w.prisma.officer.create({ data: { name: 'Đỗ Thị Dung', unitId: office.id, role: 'OFFICER', language: 'vi' } });
  await w.prisma.taskUnit.create({ data: { taskId: w.seed.tasks.review.id, unitId: office.id, role: 'MONITOR' } });
  await setUnitConfirmation(w.prisma, { unit: OFFICE, on: true, actor: 'test' });
  await w.say(OFFICER_CHAT, await w.inviteFor(w.seed.officers.officerA.id));
  await w.say(MONITOR_CHAT, await w.inviteFor(monitor.id));
});
afterAll(async () => {
  await w?.close();
});

describe('evidence while waiting, on Zalo', () => {
  it('a photo after "xong 1.2" reaches the monitoring officer with its address and the choices', async () => {
    expect(await w.say(OFFICER_CHAT, 'xong 1.2')).toContain('đang chờ đơn vị theo dõi xác nhận');
    const before = w.zalo.messagesTo(MONITOR_CHAT).length;
    const photo = 'https://photo-zalo.example/bien-ban-1-2.jpg';
    await w.say(OFFICER_CHAT, '', { photo });
    expect(await w.prisma.evidence.count({ where: { reference: photo } })).toBe(1);

    const told = w.zalo.messagesTo(MONITOR_CHAT).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(`Minh chứng bổ sung cho kết quả chờ xác nhận: Nguyễn Văn An gửi cho nhiệm vụ 1.2`);
    expect(told[0]!.text).toContain(photo);
    expect(told[0]!.text).toMatch(/1\D+Xác nhận/);
  });
});
