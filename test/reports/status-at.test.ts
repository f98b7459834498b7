import { describe, expect, it } from 'vitest';
import { taskStateAt, type HistoryReport, type TaskHistory } from '../../src/reports/status-at.ts';

// Asia/Ho_Chi_Minh is UTC+7 all year: a civil day starts at 17:00 UTC the day before.
const dateOf = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const endOf = (date: string) => ({ date, cutoff: new Date(new Date(`${date}T17:00:00.000Z`).getTime()) });
const report = (at: string, status: HistoryReport['status'], extra: Partial<HistoryReport> = {}): HistoryReport => ({
  at: new Date(at), status, progress: null, note: null, officerName: 'Nguyễn Văn A', evidence: [], ...extra,
});
const task = (extra: Partial<TaskHistory> = {}): TaskHistory => ({
  status: 'NOT_STARTED', completedAt: null, due: '2025-03-15', recurring: false, reports: [], extensions: [], ...extra,
});

describe('a task state at a past date', () => {
  const done = task({
    status: 'DONE',
    completedAt: new Date('2025-04-10T03:00:00Z'),
    reports: [
      report('2025-02-01T03:00:00Z', 'IN_PROGRESS', { progress: 40, note: 'đang soạn' }),
      report('2025-03-10T03:00:00Z', 'BLOCKED', { note: 'chờ số liệu', evidence: [{ at: new Date('2025-03-10T03:01:00Z'), kind: 'LINK', reference: 'https://x.gov.vn/a', fileName: null }] }),
      report('2025-04-10T03:00:00Z', 'DONE', { progress: 100, note: 'xong' }),
    ],
  });

  it('is the latest answer before the date, not today\'s status', () => {
    expect(taskStateAt(done, endOf('2025-03-12'), dateOf)).toMatchObject({ status: 'blocked', progress: 40, latestReport: { on: '2025-03-10', note: 'chờ số liệu' } });
    expect(taskStateAt(done, endOf('2025-03-31'), dateOf)).toMatchObject({ status: 'open-overdue', progress: 40 });
    expect(taskStateAt(done, endOf('2025-04-30'), dateOf)).toMatchObject({ status: 'done-late', completedOn: '2025-04-10', progress: 100, latestReport: { note: 'xong' } });
    expect(taskStateAt(done, endOf('2025-01-31'), dateOf)).toMatchObject({ status: 'open-in-time', progress: 0, evidence: [] });
    expect(taskStateAt(done, endOf('2025-01-31'), dateOf).latestReport).toBeUndefined();
  });

  it('counts an answer given late in the evening on its local day', () => {
    // 23:30 on 31/03 in Hà Nội is 16:30 UTC: inside Q1.
    const late = task({ reports: [report('2025-03-31T16:30:00Z', 'DONE')] });
    expect(taskStateAt(late, endOf('2025-03-31'), dateOf)).toMatchObject({ status: 'done-late', completedOn: '2025-03-31' });
    const after = task({ reports: [report('2025-03-31T17:30:00Z', 'DONE')] });
    expect(taskStateAt(after, endOf('2025-03-31'), dateOf).status).toBe('open-overdue');
  });

  it('keeps the evidence given by then', () => {
    expect(taskStateAt(done, endOf('2025-03-12'), dateOf).evidence).toEqual([{ kind: 'LINK', reference: 'https://x.gov.vn/a', fileName: null }]);
  });

  it('takes the deadline in force at the date: an extension granted later has not moved it yet', () => {
    const extended = task({
      due: '2025-04-30',
      extensions: [
        { status: 'REJECTED', decidedAt: new Date('2025-03-01T03:00:00Z'), currentDue: '2025-03-15', proposedDue: '2025-12-31' },
        { status: 'APPROVED', decidedAt: new Date('2025-03-20T03:00:00Z'), currentDue: '2025-03-15', proposedDue: '2025-04-30' },
      ],
    });
    expect(taskStateAt(extended, endOf('2025-03-18'), dateOf)).toMatchObject({ status: 'open-overdue', due: '2025-03-15', extensions: [] });
    expect(taskStateAt(extended, endOf('2025-03-31'), dateOf)).toMatchObject({ status: 'open-in-time', due: '2025-04-30', extensions: [{ due: '2025-04-30', grantedOn: '2025-03-20' }] });
  });

  it('a recurring task is never finished by an answer; a cancelled one is not counted', () => {
    expect(taskStateAt(task({ recurring: true, due: '2025-12-31', reports: [report('2025-02-01T03:00:00Z', 'DONE')] }), endOf('2025-03-31'), dateOf).status).toBe('in-progress');
    expect(taskStateAt(task({ status: 'CANCELLED' }), endOf('2025-03-31'), dateOf).status).toBeUndefined();
  });

  it('a snooze is not a report and an extension request does not change the status', () => {
    const t = task({ due: '2025-12-31', reports: [report('2025-02-01T03:00:00Z', 'IN_PROGRESS', { progress: 25 }), report('2025-02-02T03:00:00Z', 'EXTENSION_REQUESTED', { note: 'xin thêm' }), report('2025-02-03T03:00:00Z', 'SNOOZED', { note: '2025-02-04T01:00:00.000Z' })] });
    expect(taskStateAt(t, endOf('2025-03-31'), dateOf)).toMatchObject({ status: 'in-progress', progress: 25, latestReport: { note: 'xin thêm' } });
  });
});

describe('a "done" waiting for confirmation, in the history', () => {
  it('is not done while it waits; a returned one (a RETURNED report after it) is in progress again', () => {
    const waiting = task({ status: 'IN_PROGRESS', confirmationPendingAt: new Date('2025-03-10T03:00:00Z'), reports: [report('2025-03-10T03:00:00Z', 'DONE', { progress: 100 })] });
    expect(taskStateAt(waiting, endOf('2025-03-12'), dateOf)).toMatchObject({ status: 'in-progress', awaitingConfirmation: true });
    expect(taskStateAt(waiting, endOf('2025-03-20'), dateOf)).toMatchObject({ status: 'open-overdue', awaitingConfirmation: true });
    const returned = task({ status: 'IN_PROGRESS', reports: [report('2025-03-10T03:00:00Z', 'DONE', { progress: 100 }), report('2025-03-11T03:00:00Z', 'RETURNED', { progress: 100, note: 'thiếu biên bản', officerName: 'Đỗ Thị Dung' })] });
    // Counted under the officer who did the work, not the one who returned it.
    expect(taskStateAt(returned, endOf('2025-03-12'), dateOf)).toMatchObject({ status: 'in-progress', latestReport: { note: 'thiếu biên bản' }, answeredBy: 'Nguyễn Văn A' });
    expect(taskStateAt(returned, endOf('2025-03-12'), dateOf).awaitingConfirmation).toBeUndefined();
  });
});
