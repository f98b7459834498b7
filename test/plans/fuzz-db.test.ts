// The importer under arbitrary input, against the database: whatever an import refuses
// (a file it cannot read, a table it cannot use, a re-import that would drop reported
// work without --confirm) leaves every table exactly as it was.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const TABLES = ['Unit', 'UnitAlias', 'Officer', 'Plan', 'Task', 'TaskUnit', 'StatusReport', 'AuditLog', 'Reminder'];
let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'fuzz-db-'));
let runs = 0;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

/** Row counts of every table an import touches, plus a digest of the tasks' content. */
async function snapshot(): Promise<Record<string, unknown>> {
  const counts = TABLES.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ');
  const [row] = await db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT ${counts}, (SELECT md5(coalesce(string_agg(id || ':' || path || ':' || title || ':' || status || ':' || coalesce("deadlineRaw", ''), '|' ORDER BY id), '')) FROM "Task") AS tasks`,
  );
  return row!;
}

async function importBytes(ext: string, bytes: Uint8Array) {
  const path = join(dir, `fuzz-${++runs}.${ext}`);
  writeFileSync(path, bytes);
  return runCliCapture(['import', path, '--json'], { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
}

const heading = ['ỦY BAN NHÂN DÂN XÃ AN HÒA', 'Số: 45/KH-UBND', 'An Hòa, ngày 10 tháng 01 năm 2025', 'KẾ HOẠCH', 'Cải cách hành chính năm 2025'];
const header = 'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành';
const planText = (rows: string[][]) => [...heading, header, ...rows.map((r) => r.join('\t'))].join('\n');

describe('importer fuzz against the database', () => {
  it('a refused import (exit 2) writes nothing; an accepted one keeps the reported task', async () => {
    // This year's plan with a reported task: random revisions of it often drop that task.
    const base = await importBytes('txt', new TextEncoder().encode(planText([
      ['1', 'Rà soát thủ tục hành chính', 'Văn phòng - Thống kê', '', 'Quý II/2025'],
      ['2', 'Số hóa hồ sơ một cửa', 'Công chức Tư pháp - Hộ tịch', '', 'Thường xuyên'],
    ])));
    expect(base.code, base.stderr).toBe(0);
    const reported = await db.prisma.task.findFirstOrThrow({ where: { title: 'Rà soát thủ tục hành chính' } });
    const unit = await db.prisma.unit.findFirstOrThrow();
    const officer = await db.prisma.officer.create({ data: { name: 'Nguyễn Văn An', unitId: unit.id } });
    await db.prisma.statusReport.create({ data: { taskId: reported.id, officerId: officer.id, status: 'IN_PROGRESS', progress: 40, note: 'đang làm' } });
    await db.prisma.task.update({ where: { id: reported.id }, data: { status: 'IN_PROGRESS' } });

    const cell = fc.oneof(fc.constantFrom('', '1', '2', '1.1', 'I', 'a)', '-', 'Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Quý II/2025', 'Thường xuyên', 'STT', '(1)'), fc.string({ maxLength: 20 }));
    const row = fc.array(cell, { minLength: 1, maxLength: 6 });
    // Half the revisions keep the reported task's row, so that imports are accepted too.
    const revision = fc.tuple(fc.boolean(), fc.array(row, { maxLength: 12 }), fc.array(fc.tuple(fc.constantFrom('3', '4', '5'), fc.constantFrom('Kiện toàn tổ công tác', 'Tập huấn nghiệp vụ'), fc.constantFrom('Sở Nội vụ', 'Văn phòng - Thống kê'), fc.constantFrom('', 'Quý III/2025')), { maxLength: 3 }))
      .map(([keep, rows, valid]) => ({ ext: 'txt', bytes: new TextEncoder().encode(planText([...(keep ? [['1', 'Rà soát thủ tục hành chính', 'Văn phòng - Thống kê', '', 'Quý II/2025']] : []), ...valid, ...rows])) }));
    const garbage = fc.record({ ext: fc.constantFrom('txt', 'csv', 'html', 'docx', 'xlsx', 'pdf'), bytes: fc.uint8Array({ maxLength: 1024 }) });
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(revision, garbage), async ({ ext, bytes }) => {
        const before = await snapshot();
        const result = await importBytes(ext, bytes);
        expect([0, 2], result.stderr).toContain(result.code);
        if (result.code === 2) {
          refused++;
          expect(result.stderr).toMatch(/fuzz-\d+\.\w+/);
          expect(await snapshot()).toEqual(before);
        } else {
          accepted++;
        }
        // Whatever happened, the report is still with its task, and the task still exists.
        const report = await db.prisma.statusReport.findFirstOrThrow({ where: { note: 'đang làm' } });
        expect(report.taskId).toBe(reported.id);
        expect(await db.prisma.task.findUnique({ where: { id: reported.id } })).not.toBeNull();
      }),
      { numRuns: 60, seed: 20261203 },
    );
    // Both outcomes were exercised, or the property proved little.
    expect(refused).toBeGreaterThan(5);
    expect(accepted).toBeGreaterThan(5);
  }, 180_000);
});
