// `unit list | add | alias | rename`: a unit directory kept before the plan arrives,
// which plans then match by name or alias; "did you mean" for a slip, in both languages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'cli-units-'));
const NOW = '2026-12-03T02:00:00Z';

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const cli = (...args: string[]) => runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent', BOT_USERNAME: 'nhacviec_bot' }, now: NOW });

function planFile(number: number, unit: string): string {
  const path = join(dir, `plan-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(
    path,
    [
      'ỦY BAN NHÂN DÂN XÃ AN HÒA',
      `Số: ${number}/KH-UBND`,
      'An Hòa, ngày 10 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2026',
      'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành',
      `1\tSố hóa hồ sơ một cửa\t${unit}\tTrước ngày 31/12/2026`,
    ].join('\n'),
  );
  return path;
}

describe('unit commands', () => {
  it('an empty directory says how to add a unit, in Vietnamese and English', async () => {
    expect((await cli('unit', 'list')).stdout).toContain('Chưa có đơn vị nào. Thêm bằng: npm run -s cli -- unit add');
    expect((await cli('unit', 'list', '--lang', 'en')).stdout).toContain('No units yet.');
    expect(JSON.parse((await cli('unit', 'list', '--json')).stdout)).toEqual([]);
  });

  it('unit add registers a unit with other spellings; the same unit again is refused naming it', async () => {
    const added = await cli('unit', 'add', 'Văn phòng-Thống kê', '--alias', 'Văn phòng HĐND - UBND');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Đã thêm đơn vị #\d+: Văn phòng - Thống kê \(tên khác: Văn phòng HĐND - UBND\)$/m);
    const json = JSON.parse((await cli('unit', 'add', 'Tư pháp - Hộ tịch', '--json')).stdout);
    expect(json).toMatchObject({ name: 'Tư pháp - Hộ tịch', aliases: [] });

    const again = await cli('unit', 'add', 'VĂN PHÒNG - THỐNG KÊ');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('"VĂN PHÒNG - THỐNG KÊ" đã là tên hoặc tên khác của đơn vị "Văn phòng - Thống kê"');
    const aliasTaken = await cli('unit', 'add', 'Văn phòng HĐND-UBND', '--lang', 'en');
    expect(aliasTaken.stderr).toContain('is already the name or another spelling of unit "Văn phòng - Thống kê"');
    expect(await db.prisma.unit.count()).toBe(2);
  });

  it('an officer can be added to a unit no plan has named yet, by its name or an alias', async () => {
    const byAlias = await cli('officer', 'add', '--name', 'Nguyễn Văn A', '--unit', 'Văn phòng HĐND-UBND');
    expect(byAlias.code).toBe(0);
    expect(byAlias.stdout).toMatch(/^Cán bộ #\d+: Nguyễn Văn A \(Văn phòng - Thống kê, cán bộ\)$/m);
    // Typed without tone marks or the hyphen: the one unit it can only mean.
    const typed = await cli('officer', 'add', '--name', 'Phạm Thị D', '--unit', 'Van phong Thong ke', '--json');
    expect(typed.code).toBe(0);
    expect((await db.prisma.officer.findUniqueOrThrow({ where: { id: JSON.parse(typed.stdout).id }, include: { unit: true } })).unit.name).toBe('Văn phòng - Thống kê');
  });

  it('a misspelled unit gets "did you mean", diacritics folded', async () => {
    const vi = await cli('unit', 'alias', 'Van phong Thong ke xa', 'VP-TK');
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe('error: không có đơn vị "Van phong Thong ke xa". Có phải: "Văn phòng - Thống kê"?\n');
    const en = await cli('officer', 'add', '--name', 'B', '--unit', 'Tu phat - Ho tich', '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('unit "Tu phat - Ho tich" not found. Did you mean: "Tư pháp - Hộ tịch"?');
    const nothingClose = await cli('officer', 'add', '--name', 'B', '--unit', 'Công an xã');
    expect(nothingClose.stderr).toContain('không có đơn vị "Công an xã". thêm bằng: npm run -s cli -- unit add "Công an xã"');
  });

  it('unit alias adds a spelling the next plan uses; the plan then names the registered unit and makes none', async () => {
    const alias = await cli('unit', 'alias', 'van phong - thong ke', 'Bộ phận Văn phòng UBND xã');
    expect(alias.code).toBe(0);
    expect(alias.stdout).toBe('Đã thêm tên khác "Bộ phận Văn phòng UBND xã" cho đơn vị "Văn phòng - Thống kê"\n');
    expect((await cli('unit', 'alias', 'Văn phòng - Thống kê', 'bo phan van phong ubnd xa', '--lang', 'en')).stdout).toContain('is already another spelling of unit "Văn phòng - Thống kê"');

    const imported = await cli('import', planFile(12, 'Bộ phận Văn phòng UBND xã'), '--json');
    expect(imported.code).toBe(0);
    const link = await db.prisma.taskUnit.findFirstOrThrow({ where: { role: 'LEAD' }, include: { unit: true } });
    expect(link.unit.name).toBe('Văn phòng - Thống kê');
    expect(await db.prisma.unit.count({ where: { name: { contains: 'Văn phòng' } } })).toBe(1);
  });

  it('unit rename keeps the old name as a spelling, so a plan with the old name still matches', async () => {
    const renamed = await cli('unit', 'rename', 'Tư pháp - Hộ tịch', 'Công chức Tư pháp - Hộ tịch');
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toMatch(/^Đã đổi tên đơn vị #\d+: "Tư pháp - Hộ tịch" → "Công chức Tư pháp - Hộ tịch" \(tên cũ được giữ/);
    await cli('import', planFile(13, 'Tư pháp-Hộ tịch'), '--json');
    const links = await db.prisma.taskUnit.findMany({ where: { role: 'LEAD' }, include: { unit: true } });
    expect(links.map((l) => l.unit.name)).toContain('Công chức Tư pháp - Hộ tịch');
    expect(await db.prisma.unit.count({ where: { name: { contains: 'Tư pháp' } } })).toBe(1);

    const taken = await cli('unit', 'rename', 'Công chức Tư pháp - Hộ tịch', 'Văn phòng HĐND - UBND', '--lang', 'en');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('"Văn phòng HĐND - UBND" is already the name or another spelling of unit "Văn phòng - Thống kê"');
  });

  it('unit list shows names, other spellings, officers (linked) and tasks', async () => {
    const vi = await cli('unit', 'list');
    expect(vi.stdout).toMatch(/^ID +Đơn vị +Tên khác +Cán bộ \(đã/m);
    expect(vi.stdout).toMatch(/^\d+ +Văn phòng - Thống kê +Bộ phận Văn phòng UBND xã +2 \(0\) +1\n +Văn phòng HĐND - UBND$/m);
    expect(vi.stdout).toMatch(/^\d+ +Công chức Tư pháp - Hộ tịch +Tư pháp - Hộ tịch +0 \(0\) +1$/m);
    expect(vi.stdout).toMatch(/^3 đơn vị$/m);
    const en = await cli('unit', 'list', '--lang', 'en');
    expect(en.stdout).toMatch(/^ID +Unit +Other spellings +Officers +Tasks +Confirms$/m);
    const json = JSON.parse((await cli('unit', 'list', '--json')).stdout) as Array<{ name: string; aliases: string[]; officers: number; tasks: number }>;
    expect(json.find((u) => u.name === 'Văn phòng - Thống kê')).toMatchObject({ aliases: ['Bộ phận Văn phòng UBND xã', 'Văn phòng HĐND - UBND'], officers: 2, linked: 0, tasks: 1 });
  });

  it('bad arguments exit 2 with the usage', async () => {
    const missing = await cli('unit');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing subcommand.*\nusage: npm run -s cli -- unit list/);
    expect((await cli('unit', 'add')).code).toBe(2);
    expect((await cli('unit', 'rename', 'x')).code).toBe(2);
    expect((await cli('unit', 'list', '--alias', 'x')).code).toBe(2);
    expect((await cli('unit', 'list', '--lang', 'fr')).stderr).toContain('--lang must be vi or en');
  });
});
