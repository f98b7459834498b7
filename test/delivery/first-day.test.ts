// The first day end to end: the unit and its officer are registered before the plan, the officer
// links Telegram, the clerk imports the plan with the CLI while the service runs, and the
// officer's first reminder (a task due today) arrives within seconds through the real workers,
// not at the next reconcile. The instant is fixed (a working Tuesday morning); the queue's delays
// are real time, so "due now" means sent now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanTasksJob } from '../../src/delivery/jobs/definitions/plan-tasks.ts';
import { fixedClock } from '../../src/clock.ts';
import { createComposer } from '../../src/messages/index.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createSchedulerWorld, waitFor, WORK_HOURS, type SchedulerWorld } from '../helpers/scheduler-world.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Tuesday 26 November 2024, 09:00 in Hà Nội. */
const NOW = '2024-11-26T02:00:00Z';
const CHAT = 6101;

let world: SchedulerWorld;
const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: WORK_HOURS });
beforeAll(async () => {
  world = await createSchedulerWorld({ clock: fixedClock(NOW), composer: (prisma) => createComposer({ prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' }) });
  world.deps.clock = fixedClock(NOW);
});
afterAll(async () => {
  await world?.close();
});

describe('the first day', () => {
  it('an officer registered before the plan gets the first reminder within seconds of the import', async () => {
    const env = { DATABASE_URL: world.db.url };
    const at = { env, now: NOW };
    expect((await runCliCapture(['unit', 'add', 'Văn phòng - Thống kê'], at)).code).toBe(0);
    const added = await runCliCapture(['officer', 'add', '--name', 'Nguyễn Văn A', '--unit', 'van phong thong ke', '--json'], at);
    expect(added.code, added.stderr).toBe(0);
    const { id } = JSON.parse(added.stdout) as { id: number };
    // The officer opens the invite link (the bot's /start is tested in test/channels/telegram/onboarding.test.ts).
    await world.prisma.chatIdentity.create({ data: { officerId: id, channel: 'TELEGRAM', externalId: String(CHAT) } });

    await world.startWorkers();
    const dir = mkdtempSync(join(tmpdir(), 'first-day-'));
    const file = join(dir, 'ke-hoach.txt');
    writeFileSync(file, [
      'ỦY BAN NHÂN DÂN XÃ AN HÒA',
      'Số: 12/KH-UBND',
      'An Hòa, ngày 20 tháng 11 năm 2024',
      'KẾ HOẠCH',
      'Cải cách hành chính quý IV năm 2024',
      'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành',
      '1\tBáo cáo kết quả rà soát thủ tục hành chính\tVăn phòng - Thống kê\t26/11/2024',
      '2\tTổng kết công tác cải cách hành chính\tVăn phòng - Thống kê\t20/12/2024',
    ].join('\n'));
    const imported = await runCliCapture(['import', file, '--json'], { ...at, requestPlanning: async (payload) => (await addPlanTasksJob(world.queues.maintenance, payload), true) });
    expect(imported.code, imported.stderr).toBe(0);

    // No reconcile runs here (the service's runs every 10 minutes): only the import's plan-tasks job can send it.
    await waitFor(async () => (await world.prisma.reminder.count({ where: { officerId: id, status: 'SENT' } })) > 0, 15_000, 'the first reminder sent and recorded');
    const [first] = world.tg.messagesTo(CHAT);
    expect(first!.text).toContain('Báo cáo kết quả rà soát thủ tục hành chính');
    expect(first!.text).toContain('12/KH-UBND');
    const sent = await world.prisma.reminder.findFirstOrThrow({ where: { officerId: id, status: 'SENT' } });
    expect(sent.kind).toBe('due-day');
    expect(world.tg.violations).toEqual([]);
  });
});
