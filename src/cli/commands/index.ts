// Every CLI command, in the order `--help` lists them. Add a command by adding its module here.
import type { CliCommand } from '../command.ts';
import { dbCommand } from './db.ts';
import { deadlineCommand } from './deadline.ts';
import { calendarCommand } from './calendar.ts';
import { importCommand } from './import.ts';
import { officerCommand } from './officer.ts';
import { remindersCommand } from './reminders.ts';
import { unitCommand } from './unit.ts';
import { exportCommand } from './export.ts';
import { planCommand } from './plan.ts';

export const commands: CliCommand[] = [dbCommand, deadlineCommand, calendarCommand, importCommand, unitCommand, officerCommand, remindersCommand, exportCommand, planCommand];
