// Admins in the chat: /units, /officers [unit], /invite <id>, as the CLI has them; nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInviteCode } from '../../../src/tasks/invites.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('admin commands', () => {
  it('are refused to a leader and an officer', async () => {
    for (const user of [USERS.leader, USERS.officerA]) {
      for (const command of ['/units', '/officers', `/invite ${w.seed.officers.officerB.id}`]) {
        await w.send(user, command);
        expect(w.last(user)!.text).toMatch(/quản trị viên/);
      }
    }
    expect(await w.prisma.inviteCode.count()).toBe(0);
  });

  it('/units lists each unit with its officers, linked chats and tasks', async () => {
    await w.send(USERS.admin, '/units');
    const text = w.last(USERS.admin)!.text;
    expect(text).toContain('Units');
    expect(text).toContain('Phòng Nội vụ: 2 officer(s) (2 linked), 2 task(s)');
    expect(text).toContain('UBND xã An Bình: 0 officer(s) (0 linked), 1 task(s)');
  });

  it('/officers [unit] lists who is registered; a misspelled unit gets suggestions', async () => {
    await w.send(USERS.admin, '/officers phong noi vu');
    const text = w.last(USERS.admin)!.text;
    expect(text).toContain(`#${w.seed.officers.officerA.id} Nguyễn Văn An — Phòng Nội vụ, officer: linked`);
    expect(text).toContain('Lê Văn Cường — Phòng Nội vụ, leader: linked');
    expect(text).not.toContain('Trần Thị Bình');
    await w.send(USERS.admin, '/officers Phong Noi Vuc');
    expect(w.last(USERS.admin)!.text).toMatch(/No unit "Phong Noi Vuc"\. Did you mean: .*Phòng Nội vụ/);
  });

  it('/invite <id> makes a fresh code that links; older codes stop working', async () => {
    const officer = await w.prisma.officer.create({ data: { name: 'Võ Thị Em', unitId: w.seed.units.finance.id } });
    await w.send(USERS.admin, `/invite ${officer.id}`);
    const first = /<code>([A-Za-z0-9_-]{22})<\/code>/.exec(w.last(USERS.admin)!.text)![1]!;
    expect(w.last(USERS.admin)!.text).toContain(`https://t.me/${w.tg.botInfo.username}?start=${first}`);
    await w.send(USERS.admin, `/invite ${officer.id}`);
    const second = /<code>([A-Za-z0-9_-]{22})<\/code>/.exec(w.last(USERS.admin)!.text)![1]!;
    expect(second).not.toBe(first);
    const old = await w.prisma.inviteCode.findUniqueOrThrow({ where: { codeHash: hashInviteCode(first) } });
    expect(old.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    await w.send(7201, `/start ${second}`);
    expect(await w.prisma.chatIdentity.count({ where: { officerId: officer.id, active: true } })).toBe(1);
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'officer.reinvite' }, orderBy: { id: 'desc' } });
    expect(audit.actor).toBe(String(w.seed.officers.admin.id));
    await w.send(USERS.admin, '/invite 999999');
    expect(w.last(USERS.admin)!.text).toContain('No officer #999999');
    await w.send(USERS.admin, '/invite abc');
    expect(w.last(USERS.admin)!.text).toContain('Usage');
  });
});
