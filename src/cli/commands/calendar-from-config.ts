// The working calendar the CLI commands use, built from configuration.
import type { Config } from '../../config.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../../calendar/working-calendar.ts';

export function calendarFromConfig(config: Config): WorkingCalendar {
  return createWorkingCalendar({
    timeZone: config.TZ_NAME,
    workDays: config.WORK_DAYS,
    workHours: config.WORK_HOURS,
    ...(config.CALENDAR_DIR ? { extraDataDir: config.CALENDAR_DIR } : {}),
  });
}
