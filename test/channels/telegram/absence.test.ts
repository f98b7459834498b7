// /absent in the chat: an officer records their own absence; a leader records one for an
// officer of their units, not of others; nothing is written on a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('/absent', () => {
  it('an officer records their own absence with a delegate', async () => {
    await w.send(USERS.officerA, `/absent 16/12 18/12 ${w.seed.officers.officerB.id}`);
    expect(w.last(USERS.officerA)!.text).toContain('Đã ghi Nguyễn Văn An vắng từ 16/12/2024 đến 18/12/2024, ủy quyền cho Trần Thị Bình');
    const absence = await w.prisma.absence.findFirstOrThrow({ where: { createdBy: String(w.seed.officers.officerA.id) } });
    expect(absence).toMatchObject({ officerId: w.seed.officers.officerA.id, delegateId: w.seed.officers.officerB.id, createdBy: String(w.seed.officers.officerA.id) });
    expect(absence.fromDate.toISOString().slice(0, 10)).toBe('2024-12-16');
  });

  it('a leader records one for an officer of their unit; not for another unit, and an officer not for anyone else', async () => {
    const before = await w.prisma.absence.count();
    await w.send(USERS.leader, `/absent #${w.seed.officers.officerA.id} 02/01/2025 03/01/2025`);
    expect(w.last(USERS.leader)!.text).toContain('vắng từ 02/01/2025 đến 03/01/2025');
    await w.send(USERS.leader, `/absent #${w.seed.officers.officerB.id} 02/01/2025 03/01/2025`);
    expect(w.last(USERS.leader)!.text).toContain('Chỉ lãnh đạo của đơn vị');
    await w.send(USERS.officerA, `/absent #${w.seed.officers.leader.id} 02/01/2025 03/01/2025`);
    expect(w.last(USERS.officerA)!.text).toContain('Chỉ lãnh đạo của đơn vị');
    expect(await w.prisma.absence.count()).toBe(before + 1);
  });

  it('bad input is answered with the usage, reversed dates and self-delegation refused', async () => {
    const before = await w.prisma.absence.count();
    await w.send(USERS.officerA, '/absent mai');
    expect(w.last(USERS.officerA)!.text).toContain('Cách dùng');
    await w.send(USERS.officerA, '/absent 18/12 16/12');
    expect(w.last(USERS.officerA)!.text).toContain('Ngày kết thúc phải sau');
    await w.send(USERS.officerA, `/absent 16/12 18/12 ${w.seed.officers.officerA.id}`);
    expect(w.last(USERS.officerA)!.text).toContain('chính mình');
    expect(await w.prisma.absence.count()).toBe(before);
  });
});
