// The end-to-end scenarios, written once in channel-neutral steps and run on Telegram and on
// Zalo through a small driver each (test/helpers/channel-drivers.ts): the real grammY bot on
// the Bot API stand-in, the real Zalo adapter on the Zalo stand-in, and the real scheduler and
// workers delivering reminders and digests on both. Each scenario has its own unit, people,
// plan and task, and starts on the same fixed instant; the clock moves only when a step says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanTasksJob } from '../../src/delivery/jobs/definitions/plan-tasks.ts';
import { runOverdueDigest } from '../../src/delivery/jobs/handlers/overdue-digest.ts';
import { runWeeklySummary } from '../../src/delivery/jobs/handlers/weekly-summary.ts';
import { createInvite } from '../../src/tasks/invites.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import { telegramDriver, zaloDriver, type ChannelDriver, type Fill, type Shown } from '../helpers/channel-drivers.ts';
import { createChannelsWorld, type ChannelsWorld } from '../helpers/channels-world.ts';
import { waitFor } from '../helpers/scheduler-world.ts';

/** Tuesday 26 November 2024, 09:00 in Hà Nội: every scenario starts here. */
const START = new Date('2024-11-26T02:00:00Z');

type Who = 'officer' | 'leader';
type TaskFields = { status?: string; progress?: number; due?: string };

type Step =
  | { kind: 'link'; who: Who }
  | { kind: 'say'; who: Who; text: string }
  | { kind: 'tap'; who: Who; label: RegExp }
  | { kind: 'answer'; who: Who; fill: Fill }
  | { kind: 'photo'; who: Who }
  | { kind: 'plan-reminders' }
  | { kind: 'advance'; to: string }
  | { kind: 'overdue-digest' }
  | { kind: 'subscribe-summary' }
  | { kind: 'weekly-summary'; at: string }
  | { kind: 'receives'; who: Who | 'summary'; pattern: RegExp }
  | { kind: 'task-is'; fields: TaskFields }
  | { kind: 'check'; what: string; test: (ctx: ScenarioData) => Promise<void> };

const person = (who: Who) => ({
  links: (): Step => ({ kind: 'link', who }),
  /** "{code}" stands for the scenario's task code. */
  says: (text: string): Step => ({ kind: 'say', who, text }),
  taps: (label: RegExp): Step => ({ kind: 'tap', who, label }),
  answers: (fill: Fill): Step => ({ kind: 'answer', who, fill }),
  sendsPhoto: (): Step => ({ kind: 'photo', who }),
  receives: (pattern: RegExp): Step => ({ kind: 'receives', who, pattern }),
});
const officer = person('officer');
const leader = person('leader');
const scheduler = {
  /** The plan-tasks job an import (or a snooze, an approval) queues: reminders planned and queued at once. */
  plansReminders: (): Step => ({ kind: 'plan-reminders' }),
  /** The clock moves on to `iso`; reminders due by then are released to the workers. */
  reachesTime: (iso: string): Step => ({ kind: 'advance', to: iso }),
  runsOverdueDigest: (): Step => ({ kind: 'overdue-digest' }),
  runsWeeklySummary: (at: string): Step => ({ kind: 'weekly-summary', at }),
};
const summaryChat = { receives: (pattern: RegExp): Step => ({ kind: 'receives', who: 'summary', pattern }) };
const taskIs = (fields: TaskFields): Step => ({ kind: 'task-is', fields });
const check = (what: string, test: (ctx: ScenarioData) => Promise<void>): Step => ({ kind: 'check', what, test });

interface Scenario {
  name: string;
  /** The task's deadline (YYYY-MM-DD); START is 26/11/2024. */
  due: string;
  /** The officer starts without a chat on this platform (the scenario links it). */
  unlinked?: boolean;
  steps: Step[];
}

const TITLE = 'Rà soát thủ tục hành chính cấp xã';

const SCENARIOS: Scenario[] = [
  {
    name: 'invite and link: the invite code links the chat, then /tasks answers',
    due: '2024-12-20',
    unlinked: true,
    steps: [
      officer.links(),
      officer.receives(/Đã liên kết tài khoản cho Cán bộ/),
      check('the chat is linked on this platform', async (c) => {
        expect(await c.world.prisma.chatIdentity.count({ where: { officerId: c.officerId, channel: c.driver.channel, externalId: c.driver.chatOf(c.officerN), active: true } })).toBe(1);
      }),
      officer.says('/tasks'),
      officer.receives(/Nhiệm vụ đang mở \(1\)/),
    ],
  },
  {
    name: 'a reminder arrives through the scheduler on the day the task is due',
    due: '2024-11-26',
    steps: [
      scheduler.plansReminders(),
      officer.receives(new RegExp(`${TITLE}[\\s\\S]*Hạn: 26/11/2024`)),
      check('the reminder is recorded sent on this platform', async (c) => {
        // The row is recorded sent just after the platform took the message.
        await waitFor(async () => (await c.world.prisma.reminder.count({ where: { taskId: c.taskId, status: 'SENT' } })) > 0, 10_000, 'the reminder recorded sent');
        const sent = await c.world.prisma.reminder.findMany({ where: { taskId: c.taskId, status: 'SENT' }, include: { chatIdentity: true } });
        expect(new Set(sent.map((r) => r.chatIdentity?.channel))).toEqual(new Set([c.driver.channel]));
      }),
    ],
  },
  {
    name: 'done with evidence: ✅ on the reminder, then a photo',
    due: '2024-11-26',
    steps: [
      scheduler.plansReminders(),
      officer.receives(new RegExp(TITLE)),
      officer.taps(/Hoàn thành/),
      officer.receives(/Đã ghi nhận: Hoàn thành lúc 09:00 26\/11\/2024/),
      taskIs({ status: 'DONE', progress: 100 }),
      officer.sendsPhoto(),
      officer.receives(/Đã lưu (ảnh )?minh chứng/),
      check('the photo is the DONE report\'s evidence', async (c) => {
        const evidence = await c.world.prisma.evidence.findMany({ where: { report: { taskId: c.taskId, status: 'DONE' } } });
        expect(evidence.map((e) => e.kind)).toEqual(['PHOTO']);
      }),
    ],
  },
  {
    name: 'progress: 🔄 then 50%',
    due: '2024-11-29',
    steps: [
      officer.says('/status {code}'),
      officer.taps(/Đang thực hiện/),
      officer.taps(/^50%$/),
      officer.receives(/Đã ghi nhận: Đang thực hiện, 50%/),
      taskIs({ status: 'IN_PROGRESS', progress: 50 }),
    ],
  },
  {
    name: 'blocked with a reason',
    due: '2024-11-29',
    steps: [
      officer.says('/status {code}'),
      officer.taps(/Vướng mắc/),
      officer.answers({ reason: 'Chờ phòng Tài chính cấp kinh phí' }),
      officer.receives(/Đã ghi nhận: Vướng mắc lúc 09:00 26\/11\/2024\. Lý do: Chờ phòng Tài chính cấp kinh phí/),
      taskIs({ status: 'BLOCKED' }),
      check('the reason is the report\'s note', async (c) => {
        const report = await c.world.prisma.statusReport.findFirstOrThrow({ where: { taskId: c.taskId }, orderBy: { id: 'desc' } });
        expect(report).toMatchObject({ status: 'BLOCKED', note: 'Chờ phòng Tài chính cấp kinh phí', officerId: c.officerId });
      }),
    ],
  },
  {
    name: 'extension asked, then approved by the leader',
    due: '2024-11-29',
    steps: [
      officer.says('/status {code}'),
      officer.taps(/Xin gia hạn/),
      officer.answers({ date: '20/12/2024', reason: 'Chờ số liệu của xã' }),
      officer.receives(/Đã gửi đề nghị gia hạn đến ngày 20\/12\/2024/),
      leader.receives(/Chờ số liệu của xã/),
      leader.taps(/✅ Đồng ý/),
      leader.receives(/Đã đồng ý gia hạn đến 20\/12\/2024/),
      officer.receives(/Lãnh đạo đã đồng ý gia hạn đến 20\/12\/2024/),
      taskIs({ due: '2024-12-20' }),
    ],
  },
  {
    name: 'extension asked, then refused by the leader: the deadline stays',
    due: '2024-11-29',
    steps: [
      officer.says('/status {code}'),
      officer.taps(/Xin gia hạn/),
      officer.answers({ date: '20/12/2024', reason: 'Chờ số liệu của xã' }),
      leader.receives(/Chờ số liệu của xã/),
      leader.taps(/Không đồng ý/),
      leader.receives(/Đã không đồng ý gia hạn/),
      officer.receives(/Lãnh đạo không đồng ý gia hạn đến 20\/12\/2024; hạn giữ nguyên/),
      taskIs({ due: '2024-11-29' }),
      check('the request is recorded refused', async (c) => {
        expect(await c.world.prisma.extensionRequest.findFirstOrThrow({ where: { taskId: c.taskId } })).toMatchObject({ status: 'REJECTED', deciderId: c.leaderId });
      }),
    ],
  },
  {
    name: 'snooze to the next working morning: the reminder comes back then',
    due: '2024-11-26',
    steps: [
      scheduler.plansReminders(),
      officer.receives(new RegExp(TITLE)),
      officer.taps(/Nhắc lại sau/),
      officer.taps(/Sáng ngày làm việc tiếp theo/),
      officer.receives(/Sẽ nhắc lại lúc 08:00 27\/11\/2024/),
      scheduler.reachesTime('2024-11-27T01:00:00Z'),
      officer.receives(new RegExp(`${TITLE}[\\s\\S]*quá hạn`)),
      check('the snooze\'s reminder was sent', async (c) => {
        await waitFor(async () => (await c.world.prisma.reminder.count({ where: { taskId: c.taskId, kind: 'snooze', status: 'SENT' } })) === 1, 10_000, 'the snoozed reminder recorded sent');
      }),
    ],
  },
  {
    name: '/status: the unit\'s summary, then one task\'s card',
    due: '2024-11-20',
    steps: [
      officer.says('/status'),
      officer.receives(/Tình hình nhiệm vụ — Phòng/),
      officer.says('/status {code}'),
      officer.receives(new RegExp(`${TITLE}[\\s\\S]*quá hạn`)),
    ],
  },
  {
    name: '/tasks: the open tasks, the task with its code',
    due: '2024-11-29',
    steps: [
      officer.says('/tasks'),
      officer.receives(new RegExp(`Nhiệm vụ đang mở \\(1\\)[\\s\\S]*1\\.1`)),
    ],
  },
  {
    name: 'the leader\'s overdue digest at 08:30',
    due: '2024-11-20',
    steps: [
      scheduler.runsOverdueDigest(),
      leader.receives(new RegExp(`Tổng hợp việc quá hạn ngày 26/11/2024[\\s\\S]*${TITLE}`)),
    ],
  },
  {
    name: 'the weekly summary on Friday at 15:00',
    due: '2024-11-27',
    steps: [
      { kind: 'subscribe-summary' },
      scheduler.runsWeeklySummary('2024-11-29T08:00:00Z'),
      summaryChat.receives(/Thống kê tuần 25\/11\/2024 – 01\/12\/2024[\s\S]*Phòng/),
    ],
  },
];

interface ScenarioData {
  world: ChannelsWorld;
  driver: ChannelDriver;
  officerN: number;
  leaderN: number;
  officerId: number;
  leaderId: number;
  unitId: number;
  taskId: number;
  code: string;
  invite: string;
  summaryChat?: string;
}

let world: ChannelsWorld;
beforeAll(async () => {
  world = await createChannelsWorld(START);
});
afterAll(async () => {
  await world?.close();
});

let people = 8_000;

/** A unit of its own with an officer and a leader (linked on the driver's platform unless told), a plan and one task. */
async function setUp(driver: ChannelDriver, scenario: Scenario, index: number): Promise<ScenarioData> {
  const { prisma } = world;
  world.clock.set(START);
  const officerN = ++people;
  const leaderN = ++people;
  const name = `Phòng ${driver.name} ${index}`;
  const unit = await prisma.unit.create({ data: { name, normalizedName: unitKey(name) } });
  const link = (n: number) => ({ chatIdentities: { create: [{ channel: driver.channel, externalId: driver.chatOf(n), linkedAt: START }] } });
  const officerRow = await prisma.officer.create({ data: { name: `Cán bộ ${officerN}`, unitId: unit.id, ...(scenario.unlinked ? {} : link(officerN)) } });
  const leaderRow = await prisma.officer.create({ data: { name: `Lãnh đạo ${leaderN}`, unitId: unit.id, role: 'LEADER', ...link(leaderN) } });
  const plan = await prisma.plan.create({ data: { kind: 'KE_HOACH', number: `${index}/KH-UBND`, title: 'Kế hoạch cải cách hành chính năm 2024', sourceFileName: 'kh.docx', sourceHash: `${driver.name}-${index}` } });
  const task = await prisma.task.create({
    data: {
      planId: plan.id, code: '1.1', path: '1.1', ordinal: 1, title: TITLE, deadlineRaw: `Trước ngày ${scenario.due}`,
      due: new Date(`${scenario.due}T00:00:00Z`), schedule: { kind: 'once', due: scenario.due },
      units: { create: [{ unitId: unit.id, role: 'LEAD' }] },
    },
  });
  const invite = await prisma.$transaction((tx) => createInvite(tx, officerRow.id, START));
  return { world, driver, officerN, leaderN, officerId: officerRow.id, leaderId: leaderRow.id, unitId: unit.id, taskId: task.id, code: task.code, invite: invite.code };
}

/** Messages new or changed since the snapshot: what a person has received after the last action. */
function fresh(now: Shown[], before: Map<string, string>): Shown[] {
  return now.filter((m) => before.get(m.id) !== m.text);
}

async function run(c: ScenarioData, steps: Step[]) {
  const { driver } = c;
  const chats = { officer: driver.chatOf(c.officerN), leader: driver.chatOf(c.leaderN) };
  const nOf = (who: Who) => (who === 'officer' ? c.officerN : c.leaderN);
  let marks = new Map<string, Map<string, string>>();
  const snapshot = () => {
    marks = new Map();
    for (const chat of [chats.officer, chats.leader, c.summaryChat].filter((x): x is string => Boolean(x))) {
      marks.set(chat, new Map(driver.transcript(chat).map((m) => [m.id, m.text])));
    }
  };
  for (const step of steps) {
    if (step.kind !== 'receives' && step.kind !== 'task-is' && step.kind !== 'check') snapshot();
    switch (step.kind) {
      case 'link':
        await driver.say(nOf(step.who), driver.name === 'Telegram' ? `/start ${c.invite}` : c.invite);
        break;
      case 'say':
        await driver.say(nOf(step.who), step.text.replace('{code}', c.code));
        break;
      case 'tap':
        await driver.tap(nOf(step.who), step.label);
        break;
      case 'answer':
        await driver.answer(nOf(step.who), step.fill);
        break;
      case 'photo':
        await driver.sendPhoto(nOf(step.who));
        break;
      case 'plan-reminders':
        await addPlanTasksJob(world.queues.maintenance, { taskIds: [c.taskId] });
        break;
      case 'advance':
        await world.advanceTo(new Date(step.to));
        break;
      case 'overdue-digest':
        expect(await runOverdueDigest({ payload: {}, deps: world.deps })).toBeGreaterThan(0);
        break;
      case 'subscribe-summary':
        c.summaryChat = await driver.subscribeSummary(c.leaderN);
        snapshot();
        break;
      case 'weekly-summary':
        world.clock.set(new Date(step.at));
        expect(await runWeeklySummary({ payload: {}, deps: world.deps })).toBeGreaterThan(0);
        break;
      case 'receives': {
        const chat = step.who === 'summary' ? c.summaryChat! : chats[step.who];
        const before = marks.get(chat) ?? new Map<string, string>();
        const got = () => fresh(driver.transcript(chat), before).some((m) => step.pattern.test(m.text));
        // Replies are there at once; what the workers send arrives within seconds.
        await waitFor(async () => got(), 15_000, `${step.who} on ${driver.name} to receive ${step.pattern}; got: ${JSON.stringify(fresh(driver.transcript(chat), before).map((m) => m.text))}`);
        break;
      }
      case 'task-is': {
        const task = await world.prisma.task.findUniqueOrThrow({ where: { id: c.taskId } });
        const { due, ...rest } = step.fields;
        expect(task).toMatchObject(rest);
        if (due) expect(task.due?.toISOString().slice(0, 10)).toBe(due);
        break;
      }
      case 'check':
        await step.test(c);
        break;
    }
  }
}

/** Leaves no reminder of a finished scenario to go out during a later one. */
async function tearDown(c: ScenarioData) {
  await world.prisma.reminder.updateMany({ where: { taskId: c.taskId, status: 'PENDING' }, data: { status: 'CANCELLED', lastError: 'scenario over' } });
}

const DRIVERS: Array<[string, (w: ChannelsWorld) => ChannelDriver]> = [
  ['Telegram', telegramDriver],
  ['Zalo', zaloDriver],
];

describe.each(DRIVERS)('on %s', (_name, makeDriver) => {
  it.each(SCENARIOS.map((s, i) => [s.name, s, i] as const))('%s', async (_title, scenario, index) => {
    const driver = makeDriver(world);
    const c = await setUp(driver, scenario, index + 1);
    try {
      await run(c, scenario.steps);
      // Nothing for these people went out on the other platform.
      const other = driver.channel === 'TELEGRAM' ? zaloDriver(world) : telegramDriver(world);
      for (const n of [c.officerN, c.leaderN]) expect(other.transcript(other.chatOf(n))).toEqual([]);
    } finally {
      await tearDown(c);
    }
  });

  it('no call broke either API', () => {
    expect(world.tg.violations).toEqual([]);
    expect(world.zalo.violations).toEqual([]);
  });
});
