// `reminders` explains itself: an empty result says why (no plan, nobody registered,
// nobody linked, no deadline, the next reminder is later), officers without a chat are
// listed, times are Hà Nội time in dd/mm/yyyy and kinds are words, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPreviewReasons } from '../../src/reminders/preview-reasons.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
/** Thursday 3 December 2026, 09:00 in Hà Nội. */
const NOW = '2026-12-03T02:00:00Z';

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const cli = (...args: string[]) => runCliCapture(['reminders', ...args], { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, now: NOW });

describe('why a preview is empty (pure)', () => {
  it.each([
    [{ openTasks: 0, unscheduled: 0, officers: 0, linked: 0 }, ['no-tasks']],
    [{ openTasks: 3, unscheduled: 0, officers: 0, linked: 0 }, ['no-officers']],
    [{ openTasks: 3, unscheduled: 1, officers: 2, linked: 0 }, ['none-linked', 'unscheduled']],
    [{ openTasks: 3, unscheduled: 0, officers: 2, linked: 1, nextAfter: new Date() }, ['later']],
    [{ openTasks: 3, unscheduled: 0, officers: 2, linked: 1 }, ['nothing-due']],
  ])('%j → %j', (facts, codes) => {
    expect(emptyPreviewReasons(facts).map((r) => r.code)).toEqual(codes);
  });
});

describe('reminders', () => {
  it('with no plan: says to import one', async () => {
    const vi = await cli();
    expect(vi.code).toBe(0);
    expect(vi.stdout).toBe('Không có lời nhắc nào từ 03/12/2026 đến 02/01/2027.\nVì sao:\n  - chưa có nhiệm vụ nào đang mở: hãy nhập kế hoạch (npm run -s cli -- import <tệp>)\n');
    expect((await cli('--lang', 'en')).stdout).toContain('  - no open tasks: import a plan first');
  });

  it('with tasks but nobody linked: says so and lists who has not linked, with the command to invite them', async () => {
    const unit = await db.prisma.unit.create({ data: { name: 'Văn phòng - Thống kê', normalizedName: 'van phong - thong ke' } });
    const plan = await db.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '45/KH-UBND', title: 'KH', sourceFileName: 'x', sourceHash: 'x' } });
    await db.prisma.task.create({
      data: { planId: plan.id, code: '1', path: '1', ordinal: 1, title: 'Số hóa hồ sơ một cửa', deadlineRaw: 'Trước ngày 23/12/2026', schedule: { kind: 'once', due: '2026-12-22' }, units: { create: [{ unitId: unit.id, role: 'LEAD' }] } },
    });
    await db.prisma.task.create({
      data: { planId: plan.id, code: '2', path: '2', ordinal: 2, title: 'Tập huấn', deadlineRaw: 'Theo quy định', schedule: { kind: 'unscheduled', reason: 'by regulation', code: 'by-regulation' }, units: { create: [{ unitId: unit.id, role: 'LEAD' }] } },
    });
    const noOfficers = await cli('--unit', 'Văn phòng - Thống kê');
    expect(noOfficers.stdout).toContain('  - 2 nhiệm vụ đang mở nhưng chưa có cán bộ nào ở đơn vị phụ trách: thêm bằng officer add');

    const a = await db.prisma.officer.create({ data: { name: 'Nguyễn Văn A', unitId: unit.id } });
    const vi = await cli('--unit', 'van phong thong ke');
    expect(vi.stdout).toBe(
      [
        'Không có lời nhắc nào từ 03/12/2026 đến 02/01/2027 cho đơn vị "Văn phòng - Thống kê".',
        'Vì sao:',
        '  - chưa cán bộ nào liên kết Telegram nên chưa có ai để nhắc (xem danh sách bên dưới)',
        '  - 1 nhiệm vụ chưa xác định được thời hạn nên không được nhắc tự động',
        '',
        'Chưa liên kết Telegram (1 cán bộ, sẽ không nhận lời nhắc):',
        `  #${a.id} Nguyễn Văn A (Văn phòng - Thống kê) — cấp mã mời: npm run -s cli -- officer invite ${a.id}`,
        '',
      ].join('\n'),
    );
    const en = await cli('--lang', 'en');
    expect(en.stdout).toContain('  - no officer has linked Telegram yet, so there is nobody to remind (see the list below)');
    expect(en.stdout).toContain(`Not linked to Telegram (1 officer(s), they will get no reminders):\n  #${a.id} Nguyễn Văn A (Văn phòng - Thống kê) — new invite: npm run -s cli -- officer invite ${a.id}`);
  });

  it('once linked: a table in Hà Nội time, dd/mm/yyyy, kinds in words; a window before the first says when it comes', async () => {
    const a = await db.prisma.officer.findFirstOrThrow({ where: { name: 'Nguyễn Văn A' } });
    await db.prisma.chatIdentity.create({ data: { officerId: a.id, channel: 'TELEGRAM', externalId: '501' } });
    const vi = await cli('--to', '2026-12-22');
    expect(vi.stdout).toMatch(/^Thời điểm +Loại +Mã +Nhiệm vụ +Gửi cho$/m);
    expect(vi.stdout).toMatch(/^15\/12\/2026 08:00 +nhắc trước hạn +1 +Số hóa hồ sơ một cửa +Nguyễn Văn A \(Văn phòng - Thống kê\)$/m);
    expect(vi.stdout).toMatch(/^22\/12\/2026 08:00 +đến hạn hôm nay +1 /m);
    expect(vi.stdout).toMatch(/^4 lời nhắc từ 03\/12\/2026 đến 22\/12\/2026 \(giờ Asia\/Ho_Chi_Minh\)$/m);
    expect(vi.stdout).not.toContain('Chưa liên kết');
    const en = await cli('--to', '2026-12-22', '--lang', 'en');
    expect(en.stdout).toMatch(/^22\/12\/2026 08:00 +due today +1 /m);

    const early = await cli('--to', '2026-12-05');
    expect(early.stdout).toContain('  - lời nhắc gần nhất sau khoảng này: 15/12/2026 08:00; xem khoảng dài hơn bằng --to YYYY-MM-DD');
    expect(early.stdout).toContain('  - 1 nhiệm vụ chưa xác định được thời hạn');
    // JSON stays as it was: ISO instants with the zone's offset, kinds as codes.
    const json = JSON.parse((await cli('--to', '2026-12-22', '--json')).stdout);
    expect(Object.keys(json).sort()).toEqual(['from', 'reminders', 'timeZone', 'to']);
    expect(json.reminders[0]).toMatchObject({ at: '2026-12-15T08:00:00+07:00', kind: 'before-due', source: 'planned' });
  });

  it('a misspelled unit gets "did you mean"', async () => {
    const bad = await cli('--unit', 'Văn phong Thống kế xã');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: không có đơn vị "Văn phong Thống kế xã". Có phải: "Văn phòng - Thống kê"?\n');
  });
});
