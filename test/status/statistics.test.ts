import { describe, expect, it } from 'vitest';
import { addToTally, calendarDaysAfter, emptyTally, officerOfTask, officialBucket, tallyBy, tallyTotal, taskClassOf, type CountedTask } from '../../src/status/statistics.ts';

// Fixed "today": Monday 9 December 2024. Days overdue are calendar days (a weekend counts).
const TODAY = '2024-12-09';

describe('the four official buckets on a fixed date', () => {
  const cases: Array<[string, CountedTask, ReturnType<typeof officialBucket>]> = [
    ['done before the deadline', { status: 'DONE', due: '2024-12-06', completedOn: '2024-12-05' }, { bucket: 'done-on-time', daysOverdue: 0, blocked: false }],
    ['done on the deadline day', { status: 'DONE', due: '2024-12-06', completedOn: '2024-12-06' }, { bucket: 'done-on-time', daysOverdue: 0, blocked: false }],
    ['done over a weekend late: 3 calendar days', { status: 'DONE', due: '2024-12-06', completedOn: '2024-12-09' }, { bucket: 'done-late', daysOverdue: 3, blocked: false }],
    ['done without a deadline', { status: 'DONE', completedOn: '2024-12-01' }, { bucket: 'done-on-time', daysOverdue: 0, blocked: false }],
    ['not started, due today: still in time', { status: 'NOT_STARTED', due: TODAY }, { bucket: 'open-in-time', daysOverdue: 0, blocked: false }],
    ['in progress, due tomorrow', { status: 'IN_PROGRESS', due: '2024-12-10' }, { bucket: 'open-in-time', daysOverdue: 0, blocked: false }],
    ['blocked in time: in time, told apart', { status: 'BLOCKED', due: '2024-12-31' }, { bucket: 'open-in-time', daysOverdue: 0, blocked: true }],
    ['not started, due last Friday: 3 days overdue', { status: 'NOT_STARTED', due: '2024-12-06' }, { bucket: 'open-overdue', daysOverdue: 3, blocked: false }],
    ['blocked and overdue: overdue wins', { status: 'BLOCKED', due: '2024-11-30' }, { bucket: 'open-overdue', daysOverdue: 9, blocked: true }],
    ['no deadline, open', { status: 'NOT_STARTED' }, { bucket: 'open-in-time', daysOverdue: 0, blocked: false }],
    ['waiting for confirmation past its deadline: not done', { status: 'IN_PROGRESS', due: '2024-12-02', awaitingConfirmation: true }, { bucket: 'open-overdue', daysOverdue: 7, blocked: false }],
    ['cancelled: not counted', { status: 'CANCELLED', due: '2024-12-01' }, undefined],
  ];
  it.each(cases)('%s', (_name, task, expected) => {
    expect(officialBucket(task, TODAY)).toEqual(expected);
  });

  it('counts calendar days, not working days', () => {
    expect(calendarDaysAfter('2024-12-06', '2024-12-09')).toBe(3);
    expect(calendarDaysAfter('2024-12-09', '2024-12-06')).toBe(0);
    expect(calendarDaysAfter('2024-12-31', '2025-01-02')).toBe(2);
  });
});

describe('tallies by unit and by officer, "thường xuyên" apart', () => {
  type Row = CountedTask & { units: string[]; lastAnswerBy?: string };
  const tasks: Row[] = [
    { status: 'DONE', due: '2024-12-06', completedOn: '2024-12-05', scheduleKind: 'once', units: ['Nội vụ'], lastAnswerBy: 'An' },
    { status: 'DONE', due: '2024-12-01', completedOn: '2024-12-04', scheduleKind: 'once', units: ['Nội vụ', 'Tư pháp'], lastAnswerBy: 'An' },
    { status: 'NOT_STARTED', due: '2024-12-02', scheduleKind: 'once', units: ['Nội vụ'] },
    { status: 'BLOCKED', due: '2024-12-20', scheduleKind: 'once', units: ['Tư pháp'], lastAnswerBy: 'Bình' },
    { status: 'IN_PROGRESS', due: '2024-12-05', scheduleKind: 'once', awaitingConfirmation: true, units: ['Tư pháp'], lastAnswerBy: 'Bình' },
    // Recurring (monthly report, current occurrence overdue) and ongoing: reported apart.
    { status: 'IN_PROGRESS', due: '2024-11-30', scheduleKind: 'recurring', units: ['Nội vụ'], lastAnswerBy: 'An' },
    { status: 'NOT_STARTED', scheduleKind: 'ongoing', units: ['Nội vụ'] },
    { status: 'CANCELLED', due: '2024-11-01', scheduleKind: 'once', units: ['Nội vụ'] },
  ];

  it('per unit: the four buckets of time-bound tasks with days overdue; regular ones apart; waiting ones counted as open', () => {
    const byUnit = tallyBy(tasks, (t) => t.units, TODAY);
    const home = byUnit.get('Nội vụ')!;
    expect(home.timeBound.counts).toEqual({ 'done-on-time': 1, 'done-late': 1, 'open-in-time': 0, 'open-overdue': 1 });
    expect([home.timeBound.daysLate, home.timeBound.daysOverdue, home.timeBound.maxDaysOverdue]).toEqual([3, 7, 7]);
    expect(home.regular.counts).toEqual({ 'done-on-time': 0, 'done-late': 0, 'open-in-time': 1, 'open-overdue': 1 });
    expect(home.regular.daysOverdue).toBe(9);
    expect(tallyTotal(home)).toBe(5);
    const justice = byUnit.get('Tư pháp')!;
    expect(justice.timeBound.counts).toEqual({ 'done-on-time': 0, 'done-late': 1, 'open-in-time': 1, 'open-overdue': 1 });
    expect([justice.blocked, justice.awaiting, justice.timeBound.daysOverdue]).toEqual([1, 1, 4]);
  });

  it('per officer: who answered last; tasks nobody answered are under nobody', () => {
    const byOfficer = tallyBy(tasks, (t) => [officerOfTask(t) ?? '—'], TODAY);
    expect([...byOfficer.keys()]).toEqual(['An', '—', 'Bình']);
    expect(tallyTotal(byOfficer.get('An')!)).toBe(3);
    expect(byOfficer.get('Bình')!.awaiting).toBe(1);
    expect(officerOfTask({ assignee: 'Chi' })).toBe('Chi');
    expect(officerOfTask({ lastAnswerBy: 'An', assignee: 'Chi' })).toBe('An');
  });

  it('ongoing and recurring schedules are "thường xuyên"; once and unscheduled are time-bound', () => {
    expect(['once', 'recurring', 'ongoing', 'unscheduled', null].map(taskClassOf)).toEqual(['time-bound', 'regular', 'regular', 'time-bound', 'time-bound']);
    const tally = emptyTally();
    expect(addToTally(tally, { status: 'CANCELLED' }, TODAY)).toBe(false);
    expect(tallyTotal(tally)).toBe(0);
  });
});
