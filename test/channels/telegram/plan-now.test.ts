// A snooze and an approved extension plan and queue their reminders at once: the bot adds a
// plan-tasks job with the task's id, and that job (run here by its handler against this world's
// database and queue) queues the reminders. A rejected extension asks for nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/reminders/policy-values.ts';
import { runPlanTasks } from '../../../src/delivery/jobs/handlers/plan-tasks.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeEach(async () => {
  w = await createBotWorld();
});
afterEach(async () => {
  await w.close();
});

const planDeps = () => ({ prisma: w.prisma, deliveryQueue: w.queues.delivery, calendar: w.calendar, policy: DEFAULT_REMINDER_POLICY, logger: w.logger, clock: fixedClock(NOW) });
const planJobs = async () => (await w.queues.maintenance.getJobs(['waiting'])).filter((j) => j.name === 'plan-tasks');

describe('planning at once', () => {
  it('a snooze queues a plan-tasks job for its task, and the job puts the snooze reminder on the delivery queue', async () => {
    const task = w.seed.tasks.review;
    const { messageId } = await w.sendReminder(task.id, w.seed.officers.officerA.id, USERS.officerA);
    await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text === '💤 Nhắc lại sau')!.callback_data);
    await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text === 'Sáng ngày làm việc tiếp theo')!.callback_data);
    const snooze = await w.prisma.reminder.findFirstOrThrow({ where: { taskId: task.id, kind: 'snooze' } });

    const jobs = await planJobs();
    expect(jobs.map((j) => j.data)).toEqual([{ taskIds: [task.id] }]);
    expect(await w.queues.delivery.getJob(`rem-${snooze.id}-${snooze.plannedAt.getTime()}`)).toBeUndefined();
    await runPlanTasks({ payload: jobs[0]!.data, deps: planDeps() });
    expect(await w.queues.delivery.getJob(`rem-${snooze.id}-${snooze.plannedAt.getTime()}`)).toBeTruthy();
  });

  it('an approved extension queues a plan-tasks job, and the job plans the new deadline\'s reminders; a rejection asks for nothing', async () => {
    const task = w.seed.tasks.review;
    const ask = async () => {
      const { messageId } = await w.sendReminder(task.id, w.seed.officers.officerA.id, USERS.officerA);
      await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text === '⏳ Xin gia hạn')!.callback_data);
      await w.send(USERS.officerA, '20/12/2024');
      await w.send(USERS.officerA, 'Chờ số liệu của các xã');
      const leaderAsk = w.last(USERS.leader)!;
      return { leaderAsk, buttons: w.buttons(USERS.leader, leaderAsk.messageId) };
    };
    const first = await ask();
    await w.tap(USERS.leader, first.leaderAsk.messageId, first.buttons[1]!.callback_data);
    expect(await planJobs()).toEqual([]);

    const second = await ask();
    await w.tap(USERS.leader, second.leaderAsk.messageId, second.buttons[0]!.callback_data);
    const jobs = await planJobs();
    expect(jobs.map((j) => j.data)).toEqual([{ taskIds: [task.id] }]);
    await runPlanTasks({ payload: jobs[0]!.data, deps: planDeps() });
    const planned = await w.prisma.reminder.findMany({ where: { taskId: task.id, status: 'PENDING', kind: 'due-day' } });
    expect(planned.map((r) => r.occurrenceDue?.toISOString().slice(0, 10))).toContain('2024-12-20');
    for (const r of planned) expect(await w.queues.delivery.getJob(`rem-${r.id}-${r.plannedAt.getTime()}`)).toBeTruthy();
  });
});
