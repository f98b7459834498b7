// When the headers do not say which column is which, the user does (`--columns`):
// the refusal shows the header cells it saw and proposes a mapping; the mapping
// imports the plan and is remembered for the plan's re-imports.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseColumnMapping } from '../../src/plans/header-recognition.ts';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'plans-columns-'));

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function cli(args: string[]) {
  const { code, stdout, stderr } = await runCliCapture(args, { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
  return { code, stdout, stderr };
}

/** A commune's own table: headers in everyday words the importer cannot know. */
const PLAN = [
  'ỦY BAN NHÂN DÂN XÃ AN HÒA',
  'Số: 15/KH-UBND',
  'An Hòa, ngày 10 tháng 3 năm 2025',
  'KẾ HOẠCH',
  'Việc trọng tâm quý II năm 2025',
  'Số\tViệc cần làm\tAi làm\tKhi nào xong',
  '1\tRà soát hồ sơ một cửa\tVăn phòng - Thống kê\t30/4/2025',
  '2\tNiêm yết thủ tục hành chính\tTư pháp - Hộ tịch\tQuý II/2025',
  '3\tCập nhật cổng dịch vụ công\tVăn phòng - Thống kê\t15/6/2025',
].join('\n');
const MAPPING = 'Việc cần làm=task,Ai làm=lead,Khi nào xong=deadline';

describe('column mapping', () => {
  it('the refusal names the header cells seen and proposes a mapping that works', async () => {
    const path = join(dir, 'an-hoa.txt');
    writeFileSync(path, PLAN);
    const refused = await cli(['import', path, '--dry-run']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('an-hoa.txt: line 6: no task table found');
    expect(refused.stderr).toContain('"Số" | "Việc cần làm" | "Ai làm" | "Khi nào xong"');
    const proposed = /--columns "([^"]+)"/.exec(refused.stderr)?.[1];
    expect(proposed).toBe(MAPPING);

    const ok = await cli(['import', path, '--dry-run', '--json', '--columns', proposed!]);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout) as { tasks: Array<{ code: string; title: string; units: { lead: string[] }; deadline: { raw: string; kind: string } }>; tables: Array<{ columns: Array<{ label: string; role: string; mapped?: true }> }>; columns: string };
    expect(json.tasks.map((t) => [t.code, t.title, t.units.lead, t.deadline.raw])).toEqual([
      ['1', 'Rà soát hồ sơ một cửa', ['Văn phòng - Thống kê'], '30/4/2025'],
      ['2', 'Niêm yết thủ tục hành chính', ['Tư pháp - Hộ tịch'], 'Quý II/2025'],
      ['3', 'Cập nhật cổng dịch vụ công', ['Văn phòng - Thống kê'], '15/6/2025'],
    ]);
    expect(json.tables[0]!.columns.map((c) => [c.label, c.role, c.mapped ?? false])).toEqual([
      ['Số', 'code', false],
      ['Việc cần làm', 'title', true],
      ['Ai làm', 'lead', true],
      ['Khi nào xong', 'deadline', true],
    ]);
    expect(json.columns).toBe(MAPPING);
  });

  it('is remembered with the plan: a re-import without --columns reads the same columns', async () => {
    const path = join(dir, 'an-hoa-2.txt');
    writeFileSync(path, PLAN);
    const first = await cli(['import', path, '--json', '--columns', MAPPING]);
    expect(first.code).toBe(0);
    const { planId } = JSON.parse(first.stdout) as { planId: number };
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    expect((plan.settings as { columns?: string }).columns).toBe(MAPPING);

    // The corrected plan (a task added) comes back without the option.
    writeFileSync(path, `${PLAN}\n4\tBáo cáo kết quả quý II\tVăn phòng - Thống kê\t30/6/2025`);
    const again = await cli(['import', path, '--json']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ planId, reimport: true, created: 1, unchanged: 3 });
  });

  it('a column number works too, and a bad role is a usage error naming it', async () => {
    const parsed = await parsePlanFile('an-hoa.txt', Buffer.from(PLAN), { columns: parseColumnMapping('2=task,3=lead,4=deadline') });
    expect(parsed.tasks.map((t) => t.units.lead[0])).toEqual(['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch', 'Văn phòng - Thống kê']);
    const path = join(dir, 'an-hoa-3.txt');
    writeFileSync(path, PLAN);
    const bad = await cli(['import', path, '--dry-run', '--columns', 'Việc cần làm=nhiemvu']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"nhiemvu" is not a column role');
  });
});
