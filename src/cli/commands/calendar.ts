// `calendar <year>`: the year's holidays and days off, and the Saturdays worked in exchange.
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command.ts';
import { calendarFromConfig } from './calendar-from-config.ts';

const WEEKDAY_VI = ['', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'List the non-working days of a year (holidays, Tết, days off, swapped Saturdays)',
  usage: 'calendar <year> [--json]',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const [yearText, ...extra] = parsed.positionals;
    if (!yearText || extra.length > 0) throw new UsageError('give one year, e.g. 2025');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new UsageError(`year must be ${MIN_YEAR}-${MAX_YEAR}, got "${yearText}"`);
    }
    const calendar = calendarFromConfig(ctx.config);
    const days = calendar.nonWorkingDays(year);
    const swapped = calendar.swappedWorkingDays(year);
    const decreed = calendar.hasDecreedData(year);
    const out = ctx.io.stdout;

    if (parsed.values.json) {
      out.write(`${JSON.stringify({ year, timeZone: calendar.timeZone, workDays: calendar.workDays, decreed, nonWorkingDays: days, workingDays: swapped })}\n`);
      return 0;
    }
    out.write(`Ngày nghỉ năm ${year} / Non-working days in ${year} (besides weekly rest days ${calendar.workDays.length < 7 ? restDays(calendar.workDays) : 'none'}):\n`);
    for (const d of days) {
      const rest = d.onRestDay ? '  [trùng ngày nghỉ hằng tuần / on a rest day]' : '';
      out.write(`${d.date}  ${WEEKDAY_VI[d.weekday]!.padEnd(8)}  ${d.vi} / ${d.en}${rest}\n`);
    }
    if (swapped.length > 0) {
      out.write('Ngày làm việc bù / Working rest days:\n');
      for (const d of swapped) out.write(`${d.date}  ${WEEKDAY_VI[d.weekday]!.padEnd(8)}  ${d.vi} / ${d.en}\n`);
    }
    if (!decreed) {
      out.write(`Chưa có dữ liệu ngày nghỉ được quyết định cho ${year}: chỉ ngày lễ luật định và ngày nghỉ bù tính theo quy tắc. / No decreed data for ${year}: statutory holidays and rule-based compensatory days only; add src/calendar/data/${year}.json or a file in CALENDAR_DIR.\n`);
    }
    return 0;
  },
};

function restDays(workDays: readonly number[]): string {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => !workDays.includes(d)).map((d) => WEEKDAY_VI[d]).join(', ');
}
