// Giao tiếp on Zalo by text: Phòng Nội vụ's leader types "giao 1.2 #<id> <date> <ghi chú>"; an
// internal deadline after the task's is refused; the officer gets the card with the chain and
// the note, answers "1.2 50%", and the leader hears of it. An officer typing it is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZaloWorld, type ZaloWorld } from '../helpers/zalo-world.ts';

const LEADER_CHAT = 'zalo-leader';
const OFFICER_CHAT = 'zalo-officer-a';

let w: ZaloWorld;
beforeAll(async () => {
  w = await createZaloWorld();
  await w.say(LEADER_CHAT, await w.inviteFor(w.seed.officers.leader.id));
  await w.say(OFFICER_CHAT, await w.inviteFor(w.seed.officers.officerA.id));
});
afterAll(async () => {
  await w?.close();
});

describe('giao on Zalo', () => {
  it('the leader passes 1.2 down to officer A by text; A\'s answer reaches the leader; an officer may not', async () => {
    const a = w.seed.officers.officerA.id;
    expect(await w.say(OFFICER_CHAT, `giao 1.2 #${w.seed.officers.leader.id}`)).toContain('Chỉ lãnh đạo của đơn vị đang giữ nhiệm vụ');
    expect(await w.say(LEADER_CHAT, 'giao 1.2')).toContain('Cách dùng');
    expect(await w.say(LEADER_CHAT, `giao 1.2 #${a} 20/12/2024 gấp`)).toBe('Hạn nội bộ không được sau hạn của nhiệm vụ (29/11/2024).');
    expect(await w.prisma.taskAssignment.count()).toBe(0);

    const before = w.zalo.messagesTo(OFFICER_CHAT).length;
    expect(await w.say(LEADER_CHAT, `giao 1.2 #${a} 28/11 rà soát xong trước thứ Năm`)).toContain('↘️ Đã giao cho Nguyễn Văn An, hạn nội bộ 28/11/2024.');
    const given = w.zalo.messagesTo(OFFICER_CHAT).slice(before).map((m) => m.text).join('\n');
    expect(given).toContain('Lê Văn Cường giao nhiệm vụ này cho Nguyễn Văn An');
    expect(given).toContain('Ghi chú: rà soát xong trước thứ Năm');
    expect(given).toContain('↘️ Giao: Phòng Nội vụ → Nguyễn Văn An, hạn nội bộ 28/11/2024');
    expect(await w.prisma.auditLog.count({ where: { action: 'task.pass-down' } })).toBe(1);

    const toLeader = w.zalo.messagesTo(LEADER_CHAT).length;
    await w.say(OFFICER_CHAT, '1.2 50%');
    expect(w.zalo.messagesTo(LEADER_CHAT).slice(toLeader).map((m) => m.text)).toEqual(['↗️ 1.2 Rà soát thủ tục hành chính <cấp xã> & báo cáo "kết quả" — Nguyễn Văn An báo: 🔄 tiến độ 50%']);
  });
});
