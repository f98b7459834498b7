// Errors a clerk understands: a missing or unmigrated database points to `npm run db:migrate`,
// Notepad's "Unicode" (UTF-16 with a byte order mark) is read, a directory says what is wrong.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, databaseUrl, dropDatabase, uniqueDatabaseName, withAdmin, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
const empty = uniqueDatabaseName();
const dir = mkdtempSync(join(tmpdir(), 'cli-errors-'));
const NOW = '2026-12-03T02:00:00Z';

beforeAll(async () => {
  db = await createTestDatabase();
  // A database that exists but was never migrated.
  await withAdmin((c) => c.query(`CREATE DATABASE ${empty}`));
});
afterAll(async () => {
  await db.drop();
  await dropDatabase(empty);
});

const PLAN = [
  'ỦY BAN NHÂN DÂN XÃ AN HÒA',
  'Số: 45/KH-UBND',
  'An Hòa, ngày 10 tháng 01 năm 2026',
  'KẾ HOẠCH',
  'Cải cách hành chính năm 2026',
  'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành',
  '1\tRà soát thủ tục hành chính\tVăn phòng - Thống kê\tTrước ngày 30/6/2026',
  '2\tSố hóa hồ sơ một cửa\tTư pháp - Hộ tịch\tQuý IV/2026',
].join('\r\n');

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const cli = (args: string[], url = db.url) => runCliCapture(args, { env: { DATABASE_URL: url, LOG_LEVEL: 'silent' }, now: NOW });

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

describe('errors a clerk understands', () => {
  it('a database that does not exist, or has no tables, points to npm run db:migrate (exit 1)', async () => {
    const missing = await cli(['unit', 'list'], databaseUrl('nhacviec_never_created_x'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: cơ sở dữ liệu chưa sẵn sàng (database "nhacviec_never_created_x" does not exist). Hãy chạy: npm run db:migrate\n');
    const unmigrated = await cli(['import', file('plan.txt', PLAN), '--lang', 'en'], databaseUrl(empty));
    expect(unmigrated.code).toBe(1);
    expect(unmigrated.stderr).toMatch(/^error: the database is not ready \(relation "public\.\w+" does not exist\)\. Run: npm run db:migrate\n$/);
    const down = await cli(['officer', 'list', '--lang', 'en'], 'postgresql://postgres@127.0.0.1:1/nhacviec');
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('cannot reach the database (127.0.0.1:1). Check PostgreSQL and DATABASE_URL, then run: npm run db:migrate');
  });

  it('a plan saved as UTF-16 with a byte order mark (Notepad "Unicode", little or big endian) reads as its UTF-8 twin', async () => {
    const tasks = async (path: string) => {
      const r = await cli(['import', path, '--dry-run', '--json']);
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout) as { tasks: unknown[] }).tasks;
    };
    const utf8 = await tasks(file('plan.txt', PLAN));
    expect(utf8).toHaveLength(2);
    expect(await tasks(file('plan-le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')])))).toEqual(utf8);
    expect(await tasks(file('plan-be.txt', utf16be(PLAN)))).toEqual(utf8);
    const preview = await cli(['import', file('plan-le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')])), '--dry-run']);
    expect(preview.stdout).toContain('Số hóa hồ sơ một cửa');
  });

  it('UTF-16 without its mark is refused with what to do, not as a binary file', async () => {
    const bare = await cli(['import', file('plan-bare.txt', Buffer.from(PLAN, 'utf16le')), '--dry-run']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('UTF-16 without a byte order mark: save it again as UTF-8');
  });

  it('a roster saved as UTF-16 CSV is read', async () => {
    await cli(['unit', 'add', 'Văn phòng - Thống kê']);
    const roster = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Họ tên,Đơn vị,Vai trò\r\nNguyễn Văn A,Văn phòng - Thống kê,lãnh đạo\r\n', 'utf16le')]);
    const r = await cli(['officer', 'import', file('roster.csv', roster), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ name: 'Nguyễn Văn A', unit: 'Văn phòng - Thống kê', role: 'leader' }]);
  });

  it('a directory given as the plan says it is a directory (exit 2), in both languages', async () => {
    const folder = join(dir, 'ke-hoach');
    mkdirSync(folder, { recursive: true });
    const vi = await cli(['import', folder, '--dry-run']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe(`error: ${folder}: đây là một thư mục, không phải tệp. Hãy chỉ ra một tệp kế hoạch (.docx, .xlsx, .pdf, .txt, .csv, .html) trong thư mục đó\n`);
    const en = await cli(['import', folder, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('this is a directory, not a file');
  });
});
