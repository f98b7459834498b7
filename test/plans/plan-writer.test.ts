// The writer sends rows to PostgreSQL as array literals and JSON: every field must come back exactly as
// parsed, whatever characters it holds, and a re-import of the same plan must find nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { writePlan } from '../../src/plans/store/plan-writer.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const header = 'STT\tNội dung\tChỉ tiêu/kết quả\tNhiệm vụ/giải pháp\tThời gian hoàn thành\tCơ quan chủ trì\tCơ quan phối hợp\tGhi chú';
const plan = [
  'ỦY BAN NHÂN DÂN XÃ KIỂM THỬ',
  'Số: 12/KH-UBND',
  'Kiểm Thử, ngày 15 tháng 10 năm 2024',
  'KẾ HOẠCH',
  'Thử ký tự đặc biệt năm 2024',
  header,
  'I\tNhóm "một", {a,b}\t\t\t31/12/2024\tVăn phòng - Thống kê\t',
  '1\tNULL\tNULL\t- Sao lưu vào C:\\du-lieu\\"kế hoạch".\tThường xuyên\t\tTư pháp - Hộ tịch\tghi chú "có ngoặc" \\ và {ngoặc nhọn}',
  '2\t{}\t\t\tQuý IV năm 2024\tTài chính – Kế toán\tVăn phòng - Thống kê, Tư pháp - Hộ tịch\t',
  '3\t  khoảng   trắng , dấu phẩy; chấm phẩy\t100%\t\t\t\t\t',
  "4\tDấu nháy đơn ' và ``\t\t+ Một\t30/11/2024\t\t\tNULL",
].join('\n');

describe('plan writer', () => {
  it('writes every field exactly as parsed, and a re-import finds nothing changed', async () => {
    const parsed = await parsePlanFile('ky-tu.txt', Buffer.from(plan));
    const first = await writePlan(db.prisma, parsed, { today: '2024-06-01' });
    const rows = [...parsed.groups, ...parsed.tasks];
    expect(first).toMatchObject({ reimport: false, created: rows.length, updated: 0, unchanged: 0 });

    const stored = await db.prisma.task.findMany({ where: { planId: first.planId }, include: { parent: true, units: { include: { unit: true } } } });
    expect(stored).toHaveLength(rows.length);
    for (const row of rows) {
      const task = stored.find((t) => t.path === row.path)!;
      const { raw, derived, ...schedule } = row.deadline;
      expect({
        code: task.code,
        title: task.title,
        target: task.target,
        actions: task.actions,
        extra: task.extra,
        deadlineRaw: task.deadlineRaw,
        deadlineDerived: task.deadlineDerived,
        schedule: task.schedule,
        parent: task.parent?.path ?? null,
        ordinal: task.ordinal,
        units: task.units.map((u) => `${u.role}:${u.unit.name}:${u.inherited}`).sort(),
      }).toEqual({
        code: row.code,
        title: row.title,
        target: row.target,
        actions: row.actions,
        extra: row.extra,
        deadlineRaw: raw,
        deadlineDerived: Boolean(derived),
        schedule: JSON.parse(JSON.stringify(schedule)),
        parent: row.parent,
        ordinal: row.ordinal,
        units: (['monitor', 'lead', 'coordinate', 'execute'] as const)
          .flatMap((role) => [...new Set(row.units[role])].map((name) => `${role.toUpperCase()}:${name}:${row.inheritedRoles.includes(role)}`))
          .sort(),
      });
    }
    // The characters that need quoting in an array literal did reach the database.
    expect(stored.map((t) => t.title)).toEqual(expect.arrayContaining(['Nhóm "một", {a,b}', 'NULL', '{}']));
    expect(stored.find((t) => t.title === 'NULL')!.actions).toBe('- Sao lưu vào C:\\du-lieu\\"kế hoạch".');
    expect(stored.find((t) => t.title === 'NULL')!.target).toBe('NULL');

    const again = await writePlan(db.prisma, parsed, { today: '2024-06-01' });
    expect(again).toMatchObject({ reimport: true, planId: first.planId, created: 0, updated: 0, unchanged: rows.length, removed: 0 });
    const links = await db.prisma.taskUnit.count({ where: { task: { planId: first.planId } } });
    expect(links).toBe(stored.reduce((n, t) => n + t.units.length, 0));
  });
});
