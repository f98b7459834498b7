import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('`reminders` lists what will be sent when and to whom, filtered by unit, and writes nothing', async () => {
  const p = db.prisma;
  const office = await p.unit.create({ data: { name: 'Văn phòng - Thống kê', normalizedName: 'van phong - thong ke' } });
  const justice = await p.unit.create({ data: { name: 'Phòng Tư pháp', normalizedName: 'phong tu phap' } });
  const a = await p.officer.create({ data: { name: 'Nguyễn Văn A', unitId: office.id, chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: '501' }] } } });
  await p.officer.create({ data: { name: 'Lê Thị B', unitId: justice.id, chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: '502' }] } } });
  const plan = await p.plan.create({ data: { kind: 'KE_HOACH', number: '45/KH-UBND', title: 'KH', sourceFileName: 'x', sourceHash: 'x' } });
  // A fixed "now" and a due date on a Thursday, so that 7 days, 3 days and 1 working day before fall on
  // three different working days: the test means the same on any day it runs.
  const now = '2024-11-25T02:00:00Z';
  const due = '2024-12-19';
  await p.task.create({
    data: {
      planId: plan.id, code: '1.2', path: '1.2', ordinal: 1, title: 'Niêm yết công khai <thủ tục>', deadlineRaw: due, schedule: { kind: 'once', due },
      units: { create: [{ unitId: office.id, role: 'LEAD' }, { unitId: justice.id, role: 'COORDINATE' }] },
    },
  });

  const env = { DATABASE_URL: db.url };
  const at = { env, now };
  const all = await runCliCapture(['reminders', '--to', due, '--json'], at);
  expect(all.code).toBe(0);
  const listed = JSON.parse(all.stdout) as { reminders: Array<{ at: string; kind: string; officer: { name: string }; task: { code: string; plan: string } }> };
  const forA = listed.reminders.filter((r) => r.officer.name === 'Nguyễn Văn A');
  // Up to the due date: 7 days, 3 days and 1 working day before, and the due day (overdue ones come after).
  expect(forA.map((r) => r.kind)).toEqual(['before-due', 'before-due', 'before-due', 'due-day']);
  expect(forA.every((r) => /T08:00:00\+07:00$/.test(r.at))).toBe(true);
  expect([...forA.map((r) => r.at)].sort()).toEqual(forA.map((r) => r.at));
  expect(forA[0]!.task).toMatchObject({ code: '1.2', plan: '45/KH-UBND' });
  // The coordinating unit hears only the first reminder.
  expect(listed.reminders.filter((r) => r.officer.name === 'Lê Thị B')).toHaveLength(1);

  const onlyOffice = await runCliCapture(['reminders', '--unit', 'van phong-thong ke', '--to', due, '--json'], at);
  expect(JSON.parse(onlyOffice.stdout).reminders.every((r: { officer: { name: string } }) => r.officer.name === 'Nguyễn Văn A')).toBe(true);

  const text = await runCliCapture(['reminders', '--to', due, '--lang', 'en'], at);
  expect(text.stdout).toMatch(/^\d\d\/\d\d\/\d{4} 08:00 +before due +1\.2 +Niêm yết công khai <thủ tục> +Nguyễn Văn A \(Văn phòng - Thống kê\)$/m);
  expect(text.stdout).toMatch(/^5 reminder\(s\) from/m);

  expect(await p.reminder.count()).toBe(0);

  const bad = await runCliCapture(['reminders', '--unit', 'Phòng Không Có', '--lang', 'en'], at);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/unit "Phòng Không Có" not found/);
});
