// The overdue trend's counts: each date's overdue tasks as the history tells them, not as the
// tasks are now (an answer or an extension after a date does not change that date's count).
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { overdueByDate, trendDates } from '../../src/reports/overdue-history.ts';
import type { TaskHistory } from '../../src/reports/status-at.ts';

const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });
const task = (t: Partial<TaskHistory>): TaskHistory => ({ status: 'NOT_STARTED', completedAt: null, due: null, recurring: false, reports: [], extensions: [], ...t });
const answer = (at: string, status: 'DONE' | 'IN_PROGRESS' | 'BLOCKED') => ({ at: new Date(at), status, progress: null, note: null, officerName: '', evidence: [] });

describe('overdue tasks by week', () => {
  it('counts the eight weeks up to today, oldest first', () => {
    expect(trendDates('2024-11-26')).toEqual(['2024-10-08', '2024-10-15', '2024-10-22', '2024-10-29', '2024-11-05', '2024-11-12', '2024-11-19', '2024-11-26']);
  });

  it('a task is overdue until the day it is answered done, and an extension counts from the day it is granted', () => {
    const tasks = [
      // Due 01/11, done on 10/11 (17:00 Hà Nội): overdue on 05/11 only.
      task({ status: 'DONE', due: '2024-11-01', completedAt: new Date('2024-11-10T10:00:00Z'), reports: [answer('2024-11-10T10:00:00Z', 'DONE')] }),
      // Due 15/11, extended to 15/12 on 20/11: overdue on 19/11, in time again on 26/11.
      task({ due: '2024-12-15', extensions: [{ status: 'APPROVED', decidedAt: new Date('2024-11-20T02:00:00Z'), currentDue: '2024-11-15', proposedDue: '2024-12-15' }] }),
      // Due 01/11 and blocked since: overdue wins over blocked.
      task({ status: 'BLOCKED', due: '2024-11-01', reports: [answer('2024-10-20T02:00:00Z', 'BLOCKED')] }),
      task({ status: 'CANCELLED', due: '2024-10-01' }),
    ];
    const points = overdueByDate(tasks, trendDates('2024-11-26', 4), calendar);
    expect(points).toEqual([
      { label: '05/11', value: 2 },
      { label: '12/11', value: 1 },
      { label: '19/11', value: 2 },
      { label: '26/11', value: 1 },
    ]);
  });
});
