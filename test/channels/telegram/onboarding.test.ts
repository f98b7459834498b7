// Onboarding: `officer add` prints a code and link; /start <code> links the chat once.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInviteCode } from '../../../src/tasks/invites.ts';
import { runCliCapture } from '../../helpers/cli.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
let env: Record<string, string>;
beforeAll(async () => {
  w = await createBotWorld();
  env = { DATABASE_URL: w.db.url, TELEGRAM_BOT_TOKEN: w.tg.token, TELEGRAM_API_ROOT: w.tg.apiRoot, LOG_LEVEL: 'silent' };
});
afterAll(async () => {
  await w?.close();
});

async function addOfficer(name: string, unit = 'Phòng Nội vụ', role?: string) {
  const result = await runCliCapture(['officer', 'add', '--name', name, '--unit', unit, ...(role ? ['--role', role] : []), '--json'], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { id: number; inviteCode: string; inviteLink: string };
}

describe('officer add', () => {
  it('with Telegram unreachable: the JSON on stdout stays whole, and no output carries the bot token', async () => {
    const token = '7012345678:AAHk3x-EXAMPLE_not_a_real_token_0123456';
    const result = await runCliCapture(['officer', 'add', '--name', 'Phạm Văn D', '--unit', 'Phòng Nội vụ', '--json'], {
      env: { ...env, TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ inviteLink: null });
    // The warning itself goes to the process's stderr through the logger (its scrubbing: test/logger/secrets.test.ts).
    expect(result.stdout + result.stderr).not.toContain(token.split(':')[1]);
  });

  it('creates the officer and prints id, a 128-bit code and the bot link; only the hash is stored', async () => {
    const out = await addOfficer('Đỗ Thị Hoa', 'phong noi vu', 'leader');
    expect(Object.keys(out).sort()).toEqual(['id', 'inviteCode', 'inviteLink']);
    expect(out.inviteCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(out.inviteLink).toBe(`https://t.me/nhacviec_test_bot?start=${out.inviteCode}`);
    const officer = await w.prisma.officer.findUniqueOrThrow({ where: { id: out.id }, include: { unit: true, inviteCodes: true } });
    expect(officer).toMatchObject({ name: 'Đỗ Thị Hoa', role: 'LEADER' });
    expect(officer.unit.name).toBe('Phòng Nội vụ');
    expect(officer.inviteCodes.map((c) => c.codeHash)).toEqual([hashInviteCode(out.inviteCode)]);
    expect(JSON.stringify(await w.prisma.inviteCode.findMany())).not.toContain(out.inviteCode);
  });

  it('uses BOT_USERNAME without a token, and refuses an unknown unit or role', async () => {
    const noToken = { DATABASE_URL: w.db.url, BOT_USERNAME: 'nhacviec_bot', LOG_LEVEL: 'silent' };
    const ok = await runCliCapture(['officer', 'add', '--name', 'A', '--unit', 'Phòng Tài chính-Kế hoạch', '--json'], { env: noToken });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).inviteLink).toMatch(/^https:\/\/t\.me\/nhacviec_bot\?start=/);
    const unknown = await runCliCapture(['officer', 'add', '--name', 'B', '--unit', 'Sở Không Có', '--lang', 'en'], { env: noToken });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unit "Sở Không Có" not found');
    const badRole = await runCliCapture(['officer', 'add', '--name', 'B', '--unit', 'Phòng Nội vụ', '--role', 'king'], { env: noToken });
    expect(badRole.code).toBe(2);
  });

  it('officer import: a roster with one bad line writes nothing and names the line; a good one writes all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roster-'));
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'name,unit,role\nNgười Một,Phòng Nội vụ,officer\nNgười Hai,Phòng Không Tồn Tại,officer\nNgười Ba,Phòng Nội vụ,boss\n');
    const before = await w.prisma.officer.count();
    const failed = await runCliCapture(['officer', 'import', bad, '--lang', 'en'], { env });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('line 3: unit "Phòng Không Tồn Tại" not found');
    expect(failed.stderr).toContain('line 4: role "boss"');
    expect(await w.prisma.officer.count()).toBe(before);

    const good = join(dir, 'good.csv');
    await writeFile(good, 'Họ tên,Đơn vị,Vai trò\nNgười Một,Phòng Nội vụ,officer\nNgười Hai,UBND xã An Bình,leader\n');
    const ok = await runCliCapture(['officer', 'import', good, '--json'], { env });
    expect(ok.code).toBe(0);
    const rows = JSON.parse(ok.stdout) as Array<{ name: string; inviteLink: string }>;
    expect(rows.map((r) => r.name)).toEqual(['Người Một', 'Người Hai']);
    expect(await w.prisma.officer.count()).toBe(before + 2);
  });
});

describe('/start <code>', () => {
  it('links the private chat with a good code, in the officer\'s language', async () => {
    const { id, inviteCode } = await addOfficer('Võ Minh Khang');
    const userId = 8101;
    await w.send(userId, `/start ${inviteCode}`);
    expect(w.last(userId)!.text).toContain('Đã liên kết tài khoản cho <b>Võ Minh Khang</b>');
    const identity = await w.prisma.chatIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'TELEGRAM', externalId: String(userId) } } });
    expect(identity).toMatchObject({ officerId: id, active: true });
    expect(await w.prisma.auditLog.count({ where: { action: 'chat.link', entityId: String(identity.id) } })).toBe(1);

    // Now registered: /tasks answers with the unit's tasks.
    await w.send(userId, '/tasks');
    expect(w.last(userId)!.text).toContain('Nhiệm vụ đang mở');
  });

  it('refuses a used code, an expired code and a forged code, linking nothing', async () => {
    const { inviteCode } = await addOfficer('Hồ Thị Lan');
    await w.send(8201, `/start ${inviteCode}`);
    await w.send(8202, `/start ${inviteCode}`);
    expect(w.last(8202)!.text).toContain('đã được sử dụng');

    const expired = await addOfficer('Mai Văn Tùng');
    await w.prisma.inviteCode.updateMany({ where: { officerId: expired.id }, data: { expiresAt: new Date('2024-01-01T00:00:00Z') } });
    await w.send(8203, `/start ${expired.inviteCode}`);
    expect(w.last(8203)!.text).toContain('đã hết hạn');

    await w.send(8204, '/start AAAAAAAAAAAAAAAAAAAAAA');
    expect(w.last(8204)!.text).toContain('không hợp lệ');
    await w.send(8205, '/start <b>nope</b>', 'en');
    expect(w.last(8205)!.text).toContain('not valid');

    for (const user of [8202, 8203, 8204, 8205]) {
      expect(await w.prisma.chatIdentity.count({ where: { externalId: String(user) } })).toBe(0);
    }
  });

  it('an unregistered user gets an explanation and can do nothing else', async () => {
    await w.send(USERS.stranger, '/start');
    expect(w.last(USERS.stranger)!.text).toContain('mở đường link mời');
    await w.send(USERS.stranger, 'xong 1.2');
    expect(w.last(USERS.stranger)!.text).toContain('chưa được đăng ký');
    await w.send(USERS.stranger, '/tasks', 'en');
    expect(w.last(USERS.stranger)!.text).toContain('not registered');
    expect(await w.prisma.statusReport.count()).toBe(0);
  });

  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
