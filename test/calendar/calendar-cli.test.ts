import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';

describe('cli calendar <year>', () => {
  it('lists the non-working days of 2025 with their names, one per line', async () => {
    const r = await runCliCapture(['calendar', '2025']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2025-01-27 .*Tết/m);
    expect(r.stdout).toMatch(/^2025-09-01 .*Quốc khánh.*National Day/m);
    expect(r.stdout).toMatch(/^2025-04-26 .*Thứ Bảy/m);
    expect(r.stdout).not.toMatch(/^2025-03-08/m);
  });

  it('prints JSON with --json', async () => {
    const r = await runCliCapture(['calendar', '2026', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ year: 2026, decreed: true, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(out.nonWorkingDays.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2026-02-16', '2026-04-27', '2026-09-01']));
    expect(out.workingDays.map((d: { date: string }) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('says when a year has no decreed data', async () => {
    const r = await runCliCapture(['calendar', '2031']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No decreed data for 2031/);
  });

  it.each([[['calendar']], [['calendar', '25']], [['calendar', '2025', '2026']], [['calendar', '2025', '--yaml']]])(
    'exits 2 with the usage for %j', async (argv) => {
      const r = await runCliCapture(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: npm run -s cli -- calendar <year>');
    },
  );
});
