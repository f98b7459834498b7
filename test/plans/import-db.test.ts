// Import into a real PostgreSQL database, then re-import the same and a corrected plan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteResult } from '../../src/plans/store/plan-writer.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { sampleText } from './samples.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'plans-db-'));

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function runImport(name: string, content: string, ...flags: string[]) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return runCliCapture(['import', path, '--json', ...flags], { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
}

async function importFile(name: string, content: string, ...flags: string[]) {
  const { code, stdout: out, stderr: err } = await runImport(name, content, ...flags);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as WriteResult;
}

describe('import into the database', () => {
  it('writes the plan, its task tree, units, task units and an audit row', async () => {
    const result = await importFile('tam-quan-bac.txt', sampleText('tamQuanBac'));
    expect(result).toMatchObject({ reimport: false, created: 48 + 21, updated: 0, removed: 0 });
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: result.planId } });
    expect(plan).toMatchObject({ kind: 'QUYET_DINH', number: null, issuer: 'Ủy ban nhân dân phường Tam Quan Bắc', periodRaw: 'năm 2023 và các năm tiếp theo' });
    expect(await db.prisma.task.count({ where: { planId: plan.id, isGroup: false } })).toBe(48);
    const task = await db.prisma.task.findFirstOrThrow({
      where: { planId: plan.id, path: '2.1.1' },
      include: { parent: true, units: { include: { unit: true } } },
    });
    expect(task.parent?.path).toBe('2.1');
    expect(task.deadlineDerived).toBe(true);
    const roles = task.units.map((u) => `${u.role}:${u.unit.name}:${u.inherited}`).sort();
    expect(roles).toEqual(['COORDINATE:Các ngành liên quan:false', 'LEAD:Tư pháp - Hộ tịch:false', 'MONITOR:Tư pháp - Hộ tịch:true']);
    // "Văn phòng- Thống kê" and "Văn phòng-Thống kê" are one unit.
    expect(await db.prisma.unit.count({ where: { normalizedName: 'van phong - thong ke' } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: 'plan.import', entityId: String(plan.id) } })).toBe(1);
  });

  it('re-importing the same file changes nothing', async () => {
    const again = await importFile('tam-quan-bac.txt', sampleText('tamQuanBac'));
    expect(again).toMatchObject({ reimport: true, created: 0, updated: 0, unchanged: 69, removed: 0 });
    expect(await db.prisma.plan.count()).toBe(1);
  });

  it('a corrected plan updates tasks in place, keeping status and reports; removed tasks go', async () => {
    const plan = await db.prisma.plan.findFirstOrThrow();
    const kept = await db.prisma.task.findFirstOrThrow({ where: { planId: plan.id, path: '1.1' } });
    const unit = await db.prisma.unit.findFirstOrThrow();
    const officer = await db.prisma.officer.create({ data: { name: 'Nguyễn Văn A', unitId: unit.id } });
    await db.prisma.task.update({ where: { id: kept.id }, data: { status: 'IN_PROGRESS', progress: 40 } });
    await db.prisma.statusReport.create({ data: { taskId: kept.id, officerId: officer.id, status: 'IN_PROGRESS', progress: 40 } });
    const reported = await db.prisma.task.findFirstOrThrow({ where: { planId: plan.id, path: '1.7' } });
    await db.prisma.statusReport.create({ data: { taskId: reported.id, officerId: officer.id, status: 'IN_PROGRESS' } });

    const corrected = sampleText('tamQuanBac')
      .replace('1.1\tThực hiện kế hoạch CCHC\t', '1.1\tThực hiện kế hoạch cải cách hành chính\t')
      .replace(/\n1\.7\t[^\n]*/, '')
      .replace(/\n8\.3\t[^\n]*/, '')
      .replace('\n8.2.2\t', '\n8.2.3\tTask mới thêm\tChỉ tiêu mới\t\tTài chính – Kế toán\tCác ngành liên quan\n8.2.2\t');
    // 1.1 is reworded and 1.7 dropped, both with reports: refused until confirmed, and nothing written.
    const refused = await runImport('tam-quan-bac-corrected.txt', corrected, '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('nothing written: the new version drops 1 and rewords 1 task(s)');
    expect(refused.stderr).toMatch(/removed:\n {2}1\.7 "[^"]+" \[has reports\]/);
    expect(refused.stderr).toMatch(/reworded:\n {2}1\.1 "Thực hiện kế hoạch CCHC" → "Thực hiện kế hoạch cải cách hành chính" \[has reports\]/);
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ title: 'Thực hiện kế hoạch CCHC' });
    expect(await db.prisma.task.findFirst({ where: { planId: plan.id, path: '8.2.3' } })).toBeNull();

    const result = await importFile('tam-quan-bac-corrected.txt', corrected, '--confirm');
    expect(result).toMatchObject({ reimport: true, planId: plan.id, created: 1, updated: 1, removed: 2, cancelled: 1 });

    const after = await db.prisma.task.findUniqueOrThrow({ where: { id: kept.id }, include: { reports: true } });
    expect(after).toMatchObject({ title: 'Thực hiện kế hoạch cải cách hành chính', status: 'IN_PROGRESS', progress: 40 });
    expect(after.reports).toHaveLength(1);
    expect(await db.prisma.task.findUnique({ where: { id: reported.id } })).toMatchObject({ status: 'CANCELLED' });
    expect(await db.prisma.task.findFirst({ where: { planId: plan.id, path: '8.3' } })).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'plan.reimport' } })).toBe(2);
  });

  it("next year's plan with the same number and issuer is another plan, and this year's is untouched", async () => {
    const plan = (year: number, task: string) =>
      [
        'ỦY BAN NHÂN DÂN XÃ AN HÒA',
        'Số: 45/KH-UBND',
        `An Hòa, ngày 10 tháng 01 năm ${year}`,
        'KẾ HOẠCH',
        `Cải cách hành chính năm ${year}`,
        'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành',
        `1\t${task}\tVăn phòng - Thống kê\tQuý II/${year}`,
      ].join('\n');
    const first = await importFile('an-hoa-45-2025.txt', plan(2025, 'Rà soát thủ tục hành chính'));
    const task2025 = await db.prisma.task.findFirstOrThrow({ where: { planId: first.planId, path: '1' } });
    await db.prisma.task.update({ where: { id: task2025.id }, data: { status: 'DONE' } });

    const next = await importFile('an-hoa-45-2026.txt', plan(2026, 'Số hóa hồ sơ một cửa'));
    expect(next).toMatchObject({ reimport: false, created: 1 });
    expect(next.planId).not.toBe(first.planId);
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: task2025.id } })).toMatchObject({ title: 'Rà soát thủ tục hành chính', status: 'DONE' });

    // The same year's plan again is a re-import of it.
    const again = await importFile('an-hoa-45-2025b.txt', plan(2025, 'Rà soát thủ tục hành chính'));
    expect(again).toMatchObject({ reimport: true, planId: first.planId, unchanged: 1 });
  });
});
