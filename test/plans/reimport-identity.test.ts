// Re-import never moves or loses officers' work: tasks are matched by content,
// so a row inserted at the top, rows removed, reordered or reworded keep every
// report, status and piece of evidence with their own task; a task an import
// cancelled gets its status back when it returns.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchTasks } from '../../src/plans/task-matching.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'plans-identity-'));

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const TASKS = [
  'Rà soát thủ tục hành chính lĩnh vực đất đai',
  'Số hóa hồ sơ một cửa',
  'Niêm yết công khai thủ tục hành chính',
  'Tập huấn kỹ năng số cho công chức',
];

/** A commune's plan with the given task texts, numbered in order. */
function plan(tasks: string[]): string {
  return [
    'ỦY BAN NHÂN DÂN XÃ AN HÒA',
    'Số: 77/KH-UBND',
    'An Hòa, ngày 10 tháng 01 năm 2025',
    'KẾ HOẠCH',
    'Cải cách hành chính năm 2025',
    'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành',
    ...tasks.map((t, i) => `${i + 1}\t${t}\tVăn phòng - Thống kê\tQuý II/2025`),
  ].join('\n');
}

async function run(tasks: string[], ...flags: string[]) {
  const path = join(dir, `an-hoa-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, plan(tasks));
  return runCliCapture(['import', path, '--json', ...flags], { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
}

/** Each task's status and report notes, by title. */
async function work() {
  const tasks = await db.prisma.task.findMany({ where: { isGroup: false }, include: { reports: true }, orderBy: { id: 'asc' } });
  return Object.fromEntries(tasks.map((t) => [t.title, { code: t.code, status: t.status, notes: t.reports.map((r) => r.note) }]));
}

describe('re-import keeps every report with its task', () => {
  it('inserted at the top, reordered, reworded, removed and brought back', async () => {
    expect((await run(TASKS)).code).toBe(0);
    const unit = await db.prisma.unit.findFirstOrThrow();
    const officer = await db.prisma.officer.create({ data: { name: 'Trần Thị B', unitId: unit.id } });
    const byTitle = async (title: string) => db.prisma.task.findFirstOrThrow({ where: { title } });
    for (const [title, status, note] of [
      [TASKS[0]!, 'DONE', 'đã rà soát 45 thủ tục'],
      [TASKS[2]!, 'IN_PROGRESS', 'niêm yết được một nửa'],
    ] as const) {
      const task = await byTitle(title);
      await db.prisma.task.update({ where: { id: task.id }, data: { status } });
      await db.prisma.statusReport.create({ data: { taskId: task.id, officerId: officer.id, status, note } });
    }
    const before = await work();

    // A task inserted at the top: every task is renumbered, none changes hands.
    const inserted = await run(['Xây dựng kế hoạch kiểm tra CCHC', ...TASKS]);
    expect(inserted.stderr).toBe('');
    expect(JSON.parse(inserted.stdout)).toMatchObject({ reimport: true, created: 1, removed: 0 });
    expect(JSON.parse(inserted.stdout).diff.renumbered.map((r: { from: string; to: string }) => `${r.from}→${r.to}`)).toEqual(['1→2', '2→3', '3→4', '4→5']);
    const after = await work();
    for (const title of TASKS) expect({ ...after[title], code: undefined }).toEqual({ ...before[title], code: undefined });
    expect(after[TASKS[0]!]!.code).toBe('2');
    expect(after['Xây dựng kế hoạch kiểm tra CCHC']).toEqual({ code: '1', status: 'NOT_STARTED', notes: [] });

    // Reordered: still each with its own.
    expect((await run([TASKS[3]!, TASKS[2]!, TASKS[1]!, TASKS[0]!, 'Xây dựng kế hoạch kiểm tra CCHC'])).code).toBe(0);
    expect((await work())[TASKS[2]!]).toEqual({ code: '2', status: 'IN_PROGRESS', notes: ['niêm yết được một nửa'] });
    expect((await work())[TASKS[0]!]).toEqual({ code: '4', status: 'DONE', notes: ['đã rà soát 45 thủ tục'] });

    // A reported task dropped: refused, then confirmed (kept as cancelled); brought back: its status returns.
    const without = [TASKS[3]!, TASKS[1]!, TASKS[0]!, 'Xây dựng kế hoạch kiểm tra CCHC'];
    const refused = await run(without, '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`"${TASKS[2]}" [has reports]`);
    expect((await work())[TASKS[2]!]!.status).toBe('IN_PROGRESS');
    expect(JSON.parse((await run(without, '--confirm')).stdout)).toMatchObject({ cancelled: 1 });
    expect((await work())[TASKS[2]!]!.status).toBe('CANCELLED');
    const back = JSON.parse((await run(TASKS)).stdout);
    expect(back).toMatchObject({ restored: 1, created: 0 });
    expect((await work())[TASKS[2]!]).toEqual({ code: '3', status: 'IN_PROGRESS', notes: ['niêm yết được một nửa'] });

    // Reworded in place, with reports: the user confirms, and the reports stay with it.
    const reworded = [...TASKS];
    reworded[0] = 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai';
    expect((await run(reworded)).code).toBe(2);
    expect((await run(reworded, '--confirm')).code).toBe(0);
    expect((await work())[reworded[0]]).toEqual({ code: '1', status: 'DONE', notes: ['đã rà soát 45 thủ tục'] });
  });
});

describe('a recurring task brought back', () => {
  it('whose last answer was "done" for one occurrence goes on (in progress), as when the answer was given', async () => {
    const monthly = (tasks: Array<[string, string]>) =>
      ['ỦY BAN NHÂN DÂN XÃ AN HÒA', 'Số: 78/KH-UBND', 'An Hòa, ngày 10 tháng 01 năm 2025', 'KẾ HOẠCH', 'Báo cáo định kỳ năm 2025',
        'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành',
        ...tasks.map(([title, due], i) => `${i + 1}\t${title}\tVăn phòng - Thống kê\t${due}`)].join('\n');
    const importText = (text: string, ...flags: string[]) => {
      const path = join(dir, `an-hoa-78-${Math.random().toString(36).slice(2)}.txt`);
      writeFileSync(path, text);
      return runCliCapture(['import', path, '--json', ...flags], { env: { DATABASE_URL: db.url, LOG_LEVEL: 'silent' } });
    };
    const both: Array<[string, string]> = [['Báo cáo tình hình CCHC hằng tháng', 'Hằng tháng, trước ngày 22'], ['Tổng kết năm', 'Tháng 12/2025']];
    expect((await importText(monthly(both))).code).toBe(0);
    const task = await db.prisma.task.findFirstOrThrow({ where: { title: both[0]![0] } });
    expect((task.schedule as { kind: string }).kind).toBe('recurring');
    const officer = await db.prisma.officer.findFirstOrThrow();
    await db.prisma.task.update({ where: { id: task.id }, data: { status: 'IN_PROGRESS' } });
    await db.prisma.statusReport.create({ data: { taskId: task.id, officerId: officer.id, status: 'DONE', occurrenceDue: new Date('2025-01-22T00:00:00Z'), note: 'đã gửi báo cáo tháng 1' } });

    expect((await importText(monthly([both[1]!]), '--confirm')).code).toBe(0);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('CANCELLED');
    expect(JSON.parse((await importText(monthly(both))).stdout)).toMatchObject({ restored: 1 });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('IN_PROGRESS');
  });
});

describe('matchTasks', () => {
  const stored = (titles: string[]) => titles.map((title, i) => ({ id: 100 + i, path: String(i + 1), code: String(i + 1), title, ordinal: i, reported: i === 0 }));
  const incoming = (titles: string[]) => titles.map((title, i) => ({ path: String(i + 1), code: String(i + 1), title, ordinal: i }));

  it('the same text twice pairs in document order; a new text at an old place is a new task, not the old one reworded', () => {
    const m = matchTasks(stored(['Báo cáo quý', 'Báo cáo quý', 'Kiểm tra']), incoming(['Tuyên truyền pháp luật', 'Báo cáo quý', 'Báo cáo quý']));
    // "Báo cáo quý" 1 and 2 are now 2 and 3 (a task inserted above them): each keeps its own history.
    expect([...m.idByPath].sort()).toEqual([
      ['2', 100],
      ['3', 101],
    ]);
    expect(m.diff.renumbered.map((r) => `${r.id}:${r.from}→${r.to}`)).toEqual(['100:1→2', '101:2→3']);
    expect(m.diff.added).toEqual([{ path: '1', title: 'Tuyên truyền pháp luật' }]);
    expect(m.diff.removed.map((r) => r.title)).toEqual(['Kiểm tra']);
  });

  it('a close rewording elsewhere is the same task moved; a distant text is not', () => {
    const m = matchTasks(
      stored(['Tập huấn kỹ năng số cho cán bộ, công chức xã', 'Kiểm tra công tác văn thư lưu trữ']),
      incoming(['Mua sắm máy tính', 'Tập huấn kỹ năng số cho cán bộ, công chức']),
    );
    expect(m.diff.retitled).toEqual([{ id: 100, path: '2', from: 'Tập huấn kỹ năng số cho cán bộ, công chức xã', to: 'Tập huấn kỹ năng số cho cán bộ, công chức', reported: true }]);
    expect(m.diff.added.map((a) => a.title)).toEqual(['Mua sắm máy tính']);
    expect(m.diff.removed.map((r) => r.id)).toEqual([101]);
  });
});
