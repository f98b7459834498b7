import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('cli deadline "<text>"', () => {
  it('prints one JSON object for a once deadline, "Trước ngày D" due the day before', async () => {
    const r = await runCliCapture(['deadline', 'Trước ngày 30/11/2024', '--ref', '2024-10-15']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(json(r.stdout)).toEqual({ raw: 'Trước ngày 30/11/2024', kind: 'once', due: '2024-11-29' });
  });

  it('adds dueTime when the text names an hour', async () => {
    const r = await runCliCapture(['deadline', 'trước 17h00 ngày 20/11/2024']);
    expect(json(r.stdout)).toMatchObject({ kind: 'once', due: '2024-11-20', dueTime: '17:00' });
  });

  it('lists a recurring schedule\'s due dates within the calendar year of --ref', async () => {
    const r = await runCliCapture(['deadline', 'Quý I, 6 tháng, Quý III và báo cáo năm', '--ref', '2025-05-10']);
    expect(json(r.stdout)).toEqual({
      raw: 'Quý I, 6 tháng, Quý III và báo cáo năm',
      kind: 'recurring',
      cadence: 'quarterly',
      dates: ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'],
    });
  });

  it('shows the start of a range ("Quý IV/2025 - Quý II/2026")', async () => {
    const r = await runCliCapture(['deadline', 'Quý IV/2025 - Quý II/2026', '--ref', '2025-03-01']);
    expect(json(r.stdout)).toEqual({ raw: 'Quý IV/2025 - Quý II/2026', kind: 'once', due: '2026-06-30', from: '2025-10-01' });
  });

  it('lists every date a text names, even across the new year of --ref', async () => {
    const r = await runCliCapture(['deadline', 'trước ngày 10/6 và 10/12', '--ref', '2025-08-01']);
    expect(json(r.stdout)).toEqual({ raw: 'trước ngày 10/6 và 10/12', kind: 'recurring', cadence: 'semiannual', dates: ['2025-12-09', '2026-06-09'] });
  });

  it('lists the 21st of each month for "Hằng tháng, trước ngày 22"', async () => {
    const r = await runCliCapture(['deadline', 'Hằng tháng, trước ngày 22', '--ref', '2025-03-01']);
    expect((json(r.stdout) as { dates: string[] }).dates).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}-21`));
  });

  it('gives the reason of an unscheduled text', async () => {
    const r = await runCliCapture(['deadline', '31/02/2024', '--ref', '2024-01-01']);
    expect(json(r.stdout)).toMatchObject({ kind: 'unscheduled', reason: expect.stringContaining('31/02/2024') });
  });

  it('with --reminders prints ordered instants with the +07:00 offset, planned from the start of the ref day', async () => {
    const r = await runCliCapture(['deadline', '31/12/2024', '--ref', '2024-10-15', '--reminders']);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { reminders: Array<{ at: string; kind: string }> };
    expect(out.reminders.slice(0, 5)).toEqual([
      { at: '2024-12-24T08:00:00+07:00', kind: 'before-due' },
      { at: '2024-12-27T08:00:00+07:00', kind: 'before-due' },
      { at: '2024-12-30T08:00:00+07:00', kind: 'before-due' },
      { at: '2024-12-31T08:00:00+07:00', kind: 'due-day' },
      { at: '2025-01-02T08:00:00+07:00', kind: 'overdue' },
    ]);
    const times = out.reminders.map((x) => Date.parse(x.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const x of out.reminders) expect(x.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  });

  it('with --reminders, uses WORK_HOURS for the reminder time', async () => {
    const r = await runCliCapture(['deadline', '31/12/2024', '--ref', '2024-10-15', '--reminders'], { env: { WORK_HOURS: '07:30-16:30' } });
    expect((json(r.stdout) as { reminders: Array<{ at: string }> }).reminders[0]!.at).toBe('2024-12-24T07:30:00+07:00');
  });

  it.each([
    [['deadline'], /give the deadline text/],
    [['deadline', 'a', 'b'], /one deadline text/],
    [['deadline', 'x', '--ref', '2024-02-30'], /--ref/],
    [['deadline', 'x', '--bogus'], /bogus/],
    [['deadline', '--jsonl', 'x'], /stdin/],
  ])('exits 2 with the usage for bad arguments %j', async (argv, message) => {
    const r = await runCliCapture(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npm run -s cli -- deadline');
    expect(r.stdout).toBe('');
  });
});

describe('cli deadline --jsonl', () => {
  it('prints one JSON object per stdin line, in order, an empty line unscheduled', async () => {
    const r = await runCliCapture(['deadline', '--jsonl', '--ref', '2024-10-15'], {
      stdin: 'Thường xuyên\n\nQuý IV năm 2024\r\nTheo quy định\nhằng quý',
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.raw, l.kind])).toEqual([
      ['Thường xuyên', 'ongoing'],
      ['', 'unscheduled'],
      ['Quý IV năm 2024', 'once'],
      ['Theo quy định', 'unscheduled'],
      ['hằng quý', 'recurring'],
    ]);
    expect(lines[2]).toMatchObject({ due: '2024-12-31' });
    expect(lines[4]).toMatchObject({ dates: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'] });
  });
});
