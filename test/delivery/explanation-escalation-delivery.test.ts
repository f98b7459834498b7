// Quá hạn giải trình through the real workers: an explanation demanded on Tuesday 26/11 (due Friday
// 29/11) and not answered is escalated on Monday 02/12 at 08:00 to the admin who asked (in English)
// and to the lead unit's leader, each once, through the reminder rows and BullMQ jobs every reminder
// goes through; queueing again sends nothing more.
import { afterEach, describe, expect, it } from 'vitest';
import { runPlanTasks } from '../../src/delivery/jobs/handlers/plan-tasks.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { fixedClock } from '../../src/clock.ts';
import { createComposer } from '../../src/messages/index.ts';
import { EXPLANATION_ESCALATION_KIND } from '../../src/tasks/explanation-escalation.ts';
import { requestExplanation } from '../../src/tasks/explanations.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { enqueueReminders } from '../../src/delivery/enqueue-reminders.ts';
import { NOW, seedWorld, USERS } from '../helpers/bot-world.ts';
import { createSchedulerWorld, waitFor, type SchedulerWorld } from '../helpers/scheduler-world.ts';

const MONDAY = new Date('2024-12-02T01:00:00Z');
const CALENDAR = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });

let world: SchedulerWorld;
afterEach(async () => {
  await world?.close();
});

describe('an unanswered explanation is escalated by the workers', () => {
  it('the requester and the lead unit\'s leader get "quá hạn giải trình" once, on the first working morning after its day', async () => {
    world = await createSchedulerWorld({
      clock: fixedClock(MONDAY.toISOString()),
      composer: (prisma) => createComposer({ prisma, i18n: createI18n(), calendar: CALENDAR, timeZone: 'Asia/Ho_Chi_Minh', renderChart: null }),
    });
    const seed = await seedWorld(world.prisma);
    const task = seed.tasks.overdue; // 1.3, lead Phòng Nội vụ, due 15/11/2024
    await requestExplanation(world.prisma, world.calendar, { officerId: seed.officers.admin.id, taskId: task.id, now: NOW });

    // Monday morning: the task's reminders are planned and queued (as plan-tasks or reconcile do), and the workers send.
    await world.startWorkers();
    await runPlanTasks({ payload: { taskIds: [task.id] }, deps: world.deps });
    const escalations = () => world.prisma.reminder.findMany({ where: { taskId: task.id, kind: EXPLANATION_ESCALATION_KIND } });
    expect((await escalations()).map((r) => r.plannedAt.toISOString())).toEqual([MONDAY.toISOString(), MONDAY.toISOString()]);
    await waitFor(async () => (await escalations()).every((r) => r.status === 'SENT'), 15_000, 'both escalations sent');

    const told = (chatId: number, header: string) => world.tg.messagesTo(chatId).filter((m) => m.text.includes(header));
    const toAdmin = told(USERS.admin, 'Explanation overdue');
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.text).toContain('Kiện toàn tổ công tác CCHC');
    expect(told(USERS.leader, 'Quá hạn giải trình')).toHaveLength(1);
    // The officer who owes it is not escalated to (they had the due-day reminder).
    expect(told(USERS.officerA, 'Quá hạn giải trình')).toHaveLength(0);

    // Queued again (a reconcile, a restart): the rows are sent, nothing goes twice.
    expect(await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: MONDAY, reminderIds: (await escalations()).map((r) => r.id) })).toBe(0);
    expect(world.tg.violations).toEqual([]);
  });
});
