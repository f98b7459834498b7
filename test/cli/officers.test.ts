// `officer add | list | invite | deactivate | set-role`: the same person added twice is
// reused with a fresh invite, Vietnamese role names, revoked invites, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeemInvite } from '../../src/tasks/invites.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
/** 3 December 2026, 09:00 in Hà Nội. */
const NOW = '2026-12-03T02:00:00Z';
const LATER = new Date('2026-12-04T02:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.unit.create({ data: { name: 'Văn phòng - Thống kê', normalizedName: 'van phong - thong ke' } });
  await db.prisma.unit.create({ data: { name: 'Tư pháp - Hộ tịch', normalizedName: 'tu phap - ho tich' } });
});
afterAll(async () => {
  await db.drop();
});

const cli = (...args: string[]) => runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent', BOT_USERNAME: 'nhacviec_bot' }, now: NOW });
const redeem = (code: string, chat: string) => redeemInvite(db.prisma, { code, channel: 'TELEGRAM', externalId: chat, now: LATER });

let leaderId: number;
let firstCode: string;

describe('officer commands', () => {
  it('officer add takes Vietnamese role names and prints the invite with its expiry in Hà Nội time', async () => {
    const added = await cli('officer', 'add', '--name', 'Nguyễn Văn A', '--unit', 'Văn phòng - Thống kê', '--role', 'lãnh đạo');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Cán bộ #(\d+): Nguyễn Văn A \(Văn phòng - Thống kê, lãnh đạo\)\nMã mời: [\w-]{22}\nĐường link mời: https:\/\/t\.me\/nhacviec_bot\?start=[\w-]{22}\nHết hạn: 17\/12\/2026 09:00\n$/);
    leaderId = Number(/#(\d+)/.exec(added.stdout)![1]);
    firstCode = /Mã mời: (\S+)/.exec(added.stdout)![1]!;
    expect((await db.prisma.officer.findUniqueOrThrow({ where: { id: leaderId } })).role).toBe('LEADER');

    const en = await cli('officer', 'add', '--name', 'Lê Thị B', '--unit', 'tu phap-ho tich', '--role', 'Quản trị', '--lang', 'en');
    expect(en.stdout).toMatch(/^Officer #\d+: Lê Thị B \(Tư pháp - Hộ tịch, admin\)\nInvite code: .+\nInvite link: .+\nExpires: 17\/12\/2026 09:00\n$/);
    const plain = JSON.parse((await cli('officer', 'add', '--name', 'Trần Văn C', '--unit', 'Tư pháp - Hộ tịch', '--role', 'can bo', '--json')).stdout);
    expect(Object.keys(plain).sort()).toEqual(['id', 'inviteCode', 'inviteLink']);

    const bad = await cli('officer', 'add', '--name', 'X', '--unit', 'Tư pháp - Hộ tịch', '--role', 'trưởng thôn');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('vai trò "trưởng thôn" không hợp lệ: dùng cán bộ, lãnh đạo hoặc quản trị');
  });

  it('adding the same person again reuses them with a fresh invite; the old code no longer links', async () => {
    const before = await db.prisma.officer.count();
    const again = await cli('officer', 'add', '--name', '  nguyễn văn  a ', '--unit', 'Văn phòng-Thống kê');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Cán bộ #${leaderId} đã có: Nguyễn Văn A (Văn phòng - Thống kê, lãnh đạo). Đã cấp mã mời mới`);
    expect(await db.prisma.officer.count()).toBe(before);
    const json = JSON.parse((await cli('officer', 'add', '--name', 'Nguyễn Văn A', '--unit', 'Văn phòng - Thống kê', '--json')).stdout);
    expect(json.id).toBe(leaderId);
    expect(await redeem(firstCode, '9001')).toEqual({ outcome: 'expired' });
    expect(await redeem(json.inviteCode, '9001')).toMatchObject({ outcome: 'linked', officerId: leaderId });
    // A namesake in another unit is another person.
    const other = JSON.parse((await cli('officer', 'add', '--name', 'Nguyễn Văn A', '--unit', 'Tư pháp - Hộ tịch', '--json')).stdout);
    expect(other.id).not.toBe(leaderId);
  });

  it('officer list shows who has linked a chat, filtered by unit, in both languages', async () => {
    const all = await cli('officer', 'list');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^ID +Họ tên +Đơn vị +Vai trò +Liên kết$/m);
    expect(all.stdout).toMatch(new RegExp(`^${leaderId} +Nguyễn Văn A +Văn phòng - Thống kê +lãnh đạo +Telegram$`, 'm'));
    expect(all.stdout).toMatch(/^\d+ +Lê Thị B +Tư pháp - Hộ tịch +quản trị +chờ mở link mời$/m);
    expect(all.stdout).toMatch(/^4 cán bộ, 1 đã liên kết \(Telegram hoặc Zalo\)$/m);
    const unit = await cli('officer', 'list', '--unit', 'Tu phap - Ho tich', '--lang', 'en');
    expect(unit.stdout).toMatch(/^ID +Name +Unit +Role +Linked on$/m);
    expect(unit.stdout).not.toContain('Văn phòng');
    expect(unit.stdout).toMatch(/^3 officer\(s\), 0 linked \(Telegram or Zalo\)$/m);
    const json = JSON.parse((await cli('officer', 'list', '--unit', 'Văn phòng - Thống kê', '--json')).stdout);
    expect(json).toEqual([{ id: leaderId, name: 'Nguyễn Văn A', unit: 'Văn phòng - Thống kê', role: 'leader', active: true, linked: true, platforms: ['TELEGRAM'], reminderChannel: null, invitePending: false }]);
    // Linked on Zalo too, reminded there by choice: both platforms and the choice are shown.
    await db.prisma.chatIdentity.create({ data: { officerId: leaderId, channel: 'ZALO', externalId: 'zl-9001' } });
    await db.prisma.officer.update({ where: { id: leaderId }, data: { reminderChannel: 'ZALO' } });
    const both = await cli('officer', 'list', '--unit', 'Văn phòng - Thống kê');
    expect(both.stdout).toMatch(new RegExp(`^${leaderId} +Nguyễn Văn A +Văn phòng - Thống kê +lãnh đạo +Telegram \\+ Zalo, nhắc qua Zalo$`, 'm'));
    await db.prisma.chatIdentity.deleteMany({ where: { officerId: leaderId, channel: 'ZALO' } });
    await db.prisma.officer.update({ where: { id: leaderId }, data: { reminderChannel: null } });
    const typo = await cli('officer', 'list', '--unit', 'Van phong Thong ke');
    expect(typo.stdout).toContain('Nguyễn Văn A');
    const wrong = await cli('officer', 'list', '--unit', 'Văn phong Thống kế xã');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Có phải: "Văn phòng - Thống kê"?');
  });

  it('officer invite gives a fresh code and revokes the unused one', async () => {
    const b = await db.prisma.officer.findFirstOrThrow({ where: { name: 'Lê Thị B' } });
    const first = JSON.parse((await cli('officer', 'invite', String(b.id), '--json')).stdout);
    expect(Object.keys(first).sort()).toEqual(['id', 'inviteCode', 'inviteLink']);
    const text = await cli('officer', 'invite', String(b.id));
    expect(text.stdout).toMatch(/^Cán bộ #\d+: Lê Thị B \(Tư pháp - Hộ tịch, quản trị\)\nMã mời: /);
    expect(text.stdout).toContain('Đã thu hồi 1 mã mời cũ chưa dùng.');
    expect(await redeem(first.inviteCode, '9002')).toEqual({ outcome: 'expired' });
    const code = /Mã mời: (\S+)/.exec(text.stdout)![1]!;
    expect(await redeem(code, '9002')).toMatchObject({ outcome: 'linked', officerId: b.id });

    const missing = await cli('officer', 'invite', '99999', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no officer #99999 (see the list: npm run -s cli -- officer list)');
    expect((await cli('officer', 'invite', 'abc')).code).toBe(2);
  });

  it('officer set-role changes the role, Vietnamese or English names', async () => {
    const c = await db.prisma.officer.findFirstOrThrow({ where: { name: 'Trần Văn C' } });
    const vi = await cli('officer', 'set-role', String(c.id), 'lãnh đạo');
    expect(vi.stdout).toBe(`Cán bộ #${c.id} (Trần Văn C, Tư pháp - Hộ tịch): cán bộ → lãnh đạo\n`);
    const en = await cli('officer', 'set-role', String(c.id), 'officer', '--lang', 'en');
    expect(en.stdout).toBe(`Officer #${c.id} (Trần Văn C, Tư pháp - Hộ tịch): leader → officer\n`);
    expect((await db.prisma.officer.findUniqueOrThrow({ where: { id: c.id } })).role).toBe('OFFICER');
    expect((await cli('officer', 'set-role', String(c.id), 'vua')).code).toBe(2);
  });

  it('officer deactivate stops reminders and invites; the list leaves them out unless --all', async () => {
    const c = await db.prisma.officer.findFirstOrThrow({ where: { name: 'Trần Văn C' } });
    const plan = await db.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '1/KH', title: 'KH', sourceFileName: 'x', sourceHash: 'x' } });
    const task = await db.prisma.task.create({ data: { planId: plan.id, code: '1', path: '1', ordinal: 1, title: 'T', schedule: { kind: 'once', due: '2026-12-20' } } });
    await db.prisma.reminder.create({ data: { taskId: task.id, officerId: c.id, kind: 'before-due', plannedAt: new Date('2026-12-10T01:00:00Z'), deliveryKey: `k-${c.id}` } });
    const { inviteCode } = JSON.parse((await cli('officer', 'invite', String(c.id), '--json')).stdout);

    const done = await cli('officer', 'deactivate', String(c.id));
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(`Đã ngừng hoạt động cán bộ #${c.id}: Trần Văn C (Tư pháp - Hộ tịch). Hủy 1 lời nhắc đang chờ; mã mời chưa dùng không còn hiệu lực.\n`);
    expect(await db.prisma.reminder.findFirstOrThrow({ where: { officerId: c.id } })).toMatchObject({ status: 'CANCELLED' });
    expect((await redeem(inviteCode, '9003')).outcome).not.toBe('linked');
    expect((await cli('officer', 'deactivate', String(c.id), '--lang', 'en')).stdout).toBe(`Officer #${c.id} (Trần Văn C) was already deactivated.\n`);
    expect((await cli('officer', 'invite', String(c.id))).stderr).toContain(`cán bộ #${c.id} đã ngừng hoạt động`);

    expect((await cli('officer', 'list')).stdout).not.toContain('Trần Văn C');
    expect((await cli('officer', 'list', '--all')).stdout).toMatch(/Trần Văn C +Tư pháp - Hộ tịch +cán bộ +ngừng hoạt động/);
    // Added again: the same person, active again.
    const back = JSON.parse((await cli('officer', 'add', '--name', 'Trần Văn C', '--unit', 'Tư pháp - Hộ tịch', '--json')).stdout);
    expect(back.id).toBe(c.id);
    expect((await db.prisma.officer.findUniqueOrThrow({ where: { id: c.id } })).active).toBe(true);
  });
});
