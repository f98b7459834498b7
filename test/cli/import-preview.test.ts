// The dry run a clerk checks against the paper: a table of tasks with their units and
// deadlines as written and as understood, counted against a fixed "now", in Vietnamese
// by default and in English with --lang en; the same unit directory as the import.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'cli-preview-'));
/** 3 December 2026, 09:00 in Hà Nội. */
const NOW = '2026-12-03T02:00:00Z';

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const PLAN = [
  'ỦY BAN NHÂN DÂN XÃ AN HÒA',
  'Số: 45/KH-UBND',
  'An Hòa, ngày 10 tháng 01 năm 2026',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2026',
  'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
  '1\tRà soát, đánh giá thủ tục hành chính lĩnh vực đất đai, xây dựng, tư pháp và hộ tịch trên địa bàn xã để đề xuất đơn giản hóa\tVăn phòng- Thống kê\tTư pháp - Hộ tịch\tTrước ngày 30/6/2026',
  '2\tSố hóa hồ sơ một cửa\tVăn phòng - Thống kê\t\tTrước ngày 31/12/2026',
  '3\tTập huấn kỹ năng số cho công chức\tTư pháp - Hộ tịch\tVăn phòng - Thống kê\tTheo quy định',
].join('\n');

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The cells of a task's row, read column by column across its wrapped lines. */
function row(stdout: string, code: string): string[] {
  const lines = stdout.split('\n');
  const header = lines.findIndex((l) => /^-{8} /.test(l));
  const widths = lines[header]!.split('  ').map((d) => d.length);
  const start = lines.findIndex((l, i) => i > header && l.startsWith(`${code} `));
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith(' '.repeat(widths[0]!))) end++;
  return widths.map((w, k) => {
    const from = widths.slice(0, k).reduce((a, b) => a + b + 2, 0);
    return lines.slice(start, end).map((l) => [...l].slice(from, from + w).join('').trim()).filter(Boolean).join(' ');
  });
}

const cli = (args: string[], env: Record<string, string> = { DATABASE_URL: db.url }) => runCliCapture(args, { env: { LOG_LEVEL: 'silent', ...env }, now: NOW });

describe('import --dry-run', () => {
  it('prints a Vietnamese table: code, task, lead and coordinating units, deadline as written and as understood, with counts', async () => {
    const { code, stdout, stderr } = await cli(['import', file('an-hoa.txt', PLAN), '--dry-run']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Kế hoạch 45\/KH-UBND — Ủy ban nhân dân xã An Hòa, ngày 10\/01\/2026$/m);
    expect(stdout).toMatch(/^Mã +Nhiệm vụ +Chủ trì +Phối hợp +Thời hạn \(ghi\) +Hiểu là$/m);
    // The long task is shortened at a word, the unit spelled "Văn phòng- Thống kê" shown as the directory's name.
    // "Trước ngày 30/6" is understood as due the day before; on 3 December it is past.
    expect(row(stdout, '1')).toEqual(['1', 'Rà soát, đánh giá thủ tục hành chính lĩnh vực đất đai, xây dựng, tư pháp và hộ tịch trên…', 'Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Trước ngày 30/6/2026', '29/06/2026 (đã quá hạn)']);
    expect(row(stdout, '2')).toEqual(['2', 'Số hóa hồ sơ một cửa', 'Văn phòng - Thống kê', '', 'Trước ngày 31/12/2026', '30/12/2026']);
    expect(row(stdout, '3')).toEqual(['3', 'Tập huấn kỹ năng số cho công chức', 'Tư pháp - Hộ tịch', 'Văn phòng - Thống kê', 'Theo quy định', '(theo quy định, chưa có ngày)']);
    expect(stdout).toContain('Tính đến ngày 03/12/2026: 1 nhiệm vụ đã quá hạn, 1 nhiệm vụ chưa xác định được thời hạn');
    expect(stdout).toContain('Đơn vị mới, chưa có trong danh mục (3): Ủy ban nhân dân xã An Hòa; Văn phòng - Thống kê; Tư pháp - Hộ tịch');
    expect(stdout).toMatch(/Chạy thử: chưa ghi gì/);
    expect(await db.prisma.plan.count()).toBe(0);
  });

  it('in English with --lang en', async () => {
    const { code, stdout } = await cli(['import', file('an-hoa.txt', PLAN), '--dry-run', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Plan 45\/KH-UBND — Ủy ban nhân dân xã An Hòa, issued 10\/01\/2026$/m);
    expect(stdout).toMatch(/^Code +Task +Lead +Coordinating +Deadline \(as written\) +Understood as$/m);
    expect(row(stdout, '1')[5]).toBe('29/06/2026 (overdue)');
    expect(row(stdout, '3')[5]).toBe('(as regulated, no date)');
    expect(stdout).toContain('As of 03/12/2026: 1 task(s) already overdue, 1 task(s) without a deadline understood');
    expect(stdout).toContain('Dry run: nothing written.');
    expect(stdout).toContain('Tasks already overdue: at import choose --past remind');
  });

  it('overdue is counted against the clock: a day before the first deadline nothing is overdue', async () => {
    const { stdout } = await runCliCapture(['import', file('an-hoa.txt', PLAN), '--dry-run', '--lang', 'en'], { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, now: '2026-06-29T02:00:00Z' });
    expect(stdout).toContain('As of 29/06/2026: 0 task(s) already overdue');
    expect(stdout).not.toContain('(overdue)');
    expect(stdout).not.toContain('--past');
  });

  it('warns in the clerk\'s language: Vietnamese by default, English with --lang en, the JSON keeping its English message and a code', async () => {
    const plan = [
      'KẾ HOẠCH Số: .../KH-UBND',
      'STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành',
      '1\tRà soát thủ tục hành chính\tVăn phòng\tTrước ngày 30/11/2026',
      '1.1\tCập nhật danh mục\tVăn phòng\ttuỳ tình hình',
      '1.2\tCông khai kết quả\tVăn phòng\tTrước ngày 31/12/2026',
      '1\tTrùng mã\tVăn phòng\tQuý IV năm 2026',
    ].join('\n');
    const path = file('warnings.txt', plan);
    const vi = await cli(['import', path, '--dry-run']);
    expect(vi.stdout).toContain('dòng 4: Thời hạn "tuỳ tình hình" của nhiệm vụ 1.1 không có ngày hay chu kỳ đọc được');
    expect(vi.stdout).toContain('dòng 6: Mã 1 xuất hiện hai lần dưới bảng: dòng sau là 1~2');
    expect(vi.stdout).not.toMatch(/has no date|appears twice/);
    const en = await cli(['import', path, '--dry-run', '--lang', 'en']);
    expect(en.stdout).toContain('line 6: Code 1 appears twice under the table: the second is 1~2');
    const json = JSON.parse((await cli(['import', path, '--dry-run', '--json'])).stdout) as { warnings: Array<{ line: number; code: string; message: string }> };
    expect(json.warnings.find((w) => w.line === 6)).toMatchObject({ code: 'duplicate-code', message: 'code 1 appears twice under the table; the second is 1~2' });
  });

  it('--json stays exactly as it was (no table, no counts)', async () => {
    const { stdout } = await cli(['import', file('an-hoa.txt', PLAN), '--dry-run', '--json']);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['groups', 'plan', 'tables', 'tasks', 'units', 'warnings']);
    expect(json.units).toEqual(['Ủy ban nhân dân xã An Hòa', 'Văn phòng - Thống kê', 'Tư pháp - Hộ tịch']);
  });

  it('uses the database unit directory as the import does: a unit known under an alias is matched in both', async () => {
    const unit = await db.prisma.unit.create({ data: { name: 'Công chức Tư pháp - Hộ tịch', normalizedName: 'cong chuc tu phap - ho tich' } });
    await db.prisma.unitAlias.create({ data: { unitId: unit.id, alias: 'tu phap - ho tich', normalizedName: 'tu phap - ho tich' } });
    const dry = await cli(['import', file('an-hoa.txt', PLAN), '--dry-run']);
    expect(row(dry.stdout, '3')[2]).toBe('Công chức Tư pháp - Hộ tịch');
    expect(dry.stdout).toContain('Đơn vị đã có trong danh mục (1): Công chức Tư pháp - Hộ tịch');
    expect(dry.stdout).toContain('Đơn vị mới, chưa có trong danh mục (2): Ủy ban nhân dân xã An Hòa; Văn phòng - Thống kê');
    const dryJson = JSON.parse((await cli(['import', file('an-hoa.txt', PLAN), '--dry-run', '--json'])).stdout) as { units: string[] };

    const written = await cli(['import', file('an-hoa.txt', PLAN), '--lang', 'en']);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^Imported plan #\d+: 3 created, 0 updated, 0 unchanged, 0 removed; 2 new unit\(s\)\nAs of 03\/12\/2026: 1 task\(s\) already overdue, 1 task\(s\) without a deadline understood\n1 task\(s\) already overdue are reminded as overdue from the next working morning \(otherwise: --past done or --past skip\)\nRedis could not be reached: the running service will plan the plan's reminders within 10 minutes\.\n$/m);
    const linked = await db.prisma.taskUnit.findMany({ include: { unit: true } });
    // The issuer is a unit of the plan without a task of its own.
    expect(new Set(dryJson.units)).toEqual(new Set(['Ủy ban nhân dân xã An Hòa', 'Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch']));
    expect(new Set(linked.map((l) => l.unit.name))).toEqual(new Set(['Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch']));
    expect(new Set((await db.prisma.unit.findMany()).map((u) => u.name))).toEqual(new Set(dryJson.units));
  });

  it('a re-import dry run shows the diff in Vietnamese', async () => {
    const changed = PLAN.replace('Số hóa hồ sơ một cửa', 'Số hóa toàn bộ hồ sơ một cửa');
    const { stdout } = await cli(['import', file('an-hoa.txt', changed), '--dry-run']);
    expect(stdout).toMatch(/^Cập nhật kế hoạch #\d+: thêm 0, bỏ 0, đổi số 0, sửa nội dung 1$/m);
    expect(stdout).toMatch(/^Sửa nội dung:\n {2}2 "Số hóa hồ sơ một cửa" → "Số hóa toàn bộ hồ sơ một cửa"$/m);
    const written = await cli(['import', file('an-hoa.txt', changed)]);
    expect(written.stdout).toMatch(/^Đã nhập lại kế hoạch #\d+: tạo 0, cập nhật 1, giữ nguyên 2, bỏ 0\nTính đến ngày 03\/12\/2026: 1 nhiệm vụ đã quá hạn/m);
  });

  it('without a database the dry run still previews, and says the unit names were not matched', async () => {
    const { code, stdout } = await cli(['import', file('an-hoa.txt', PLAN), '--dry-run'], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/nhacviec_missing_db' });
    expect(code).toBe(0);
    expect(stdout).toContain('không đọc được danh mục đơn vị từ cơ sở dữ liệu (database "nhacviec_missing_db" does not exist)');
  });
});

describe('import --past and planning at once', () => {
  const OLD = PLAN.replace('Số: 45/KH-UBND', 'Số: 46/KH-UBND');

  it('--past done marks the overdue task done and says so; the running service is asked to plan the plan now', async () => {
    const asked: unknown[] = [];
    const { code, stdout } = await runCliCapture(['import', file('an-hoa-46.txt', OLD), '--past', 'done'], {
      env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, now: NOW, requestPlanning: async (payload) => (asked.push(payload), true),
    });
    expect(code).toBe(0);
    expect(stdout).toContain('1 nhiệm vụ đã quá hạn khi nhập được đánh dấu hoàn thành (--past done)');
    expect(stdout).toContain('Đã báo dịch vụ đang chạy lập lịch nhắc việc cho kế hoạch ngay.');
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { number: '46/KH-UBND' }, include: { tasks: { orderBy: { ordinal: 'asc' } } } });
    expect(asked).toEqual([{ planId: plan.id }]);
    expect(plan.tasks.map((t) => t.status)).toEqual(['DONE', 'NOT_STARTED', 'NOT_STARTED']);
    expect(plan.tasks[0]!.completedAt).toEqual(new Date(NOW));
  });

  it('--past skip is remembered in the plan; a bad --past exits 2 and writes nothing', async () => {
    const skipped = await cli(['import', file('an-hoa-47.txt', OLD.replace('46/KH', '47/KH')), '--past', 'skip', '--lang', 'en']);
    expect(skipped.stdout).toContain('1 task(s) already overdue at import kept open without overdue reminders (--past skip)');
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { number: '47/KH-UBND' } });
    expect(plan.settings).toMatchObject({ unremindedBefore: '2026-12-03' });
    const bad = await cli(['import', file('an-hoa-48.txt', OLD.replace('46/KH', '48/KH')), '--past', 'later']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--past must be one of remind, done, skip');
    expect(await db.prisma.plan.count({ where: { number: '48/KH-UBND' } })).toBe(0);
  });
});
