// `officer add | import | list | invite | deactivate | set-role`: officers with single-use
// invite codes, and the links they open to link their Telegram chat.
import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { inviteLink } from '../../tasks/invites.ts';
import {
  addOfficers,
  deactivateOfficer,
  listOfficers,
  OfficerError,
  parseRoleName,
  reinviteOfficer,
  RosterError,
  setOfficerRole,
  type CreatedOfficer,
  type OfficerRoleInput,
  type RosterProblem,
} from '../../tasks/officers.ts';
import type { TranslateFn } from '../../messages/i18n.ts';
import { requireUnit, UnitError } from '../../tasks/units.ts';
import { cliTranslator, displayDate, displayZonedInstant, LANG_OPTION, parseLang } from '../cli-text.ts';
import { AbsenceError, recordAbsence } from '../../tasks/absences.ts';
import type { IsoDate } from '../../deadlines/types.ts';
import { renderTable } from '../text-table.ts';
import { unitErrorText, withUnitErrors } from '../unit-errors.ts';
import { calendarFromConfig } from './calendar-from-config.ts';
import { readRoster, type RosterRow } from './roster-file.ts';
import { InputError, UsageError, type CliCommand, type CliContext } from '../command.ts';

async function botUsername(ctx: CliContext): Promise<string | undefined> {
  if (ctx.config.telegram.token) {
    try {
      const me = await new Api(ctx.config.telegram.token, { apiRoot: ctx.config.telegram.apiRoot }).getMe();
      return me.username;
    } catch (err) {
      ctx.logger.warn({ err, msg: 'getMe failed; falling back to BOT_USERNAME' });
    }
  }
  return ctx.config.BOT_USERNAME;
}

function parseRole(value: string, t: TranslateFn): OfficerRoleInput {
  const role = parseRoleName(value);
  if (!role) throw new UsageError(t('cli-role-invalid', { role: value }));
  return role;
}

function parseId(value: string | undefined): number {
  if (value === undefined || !/^\d{1,9}$/.test(value)) throw new UsageError(value === undefined ? 'missing officer <id>' : `"${value}" is not an officer id (a number from \`officer list\`)`);
  return Number(value);
}

function rosterProblemText(p: RosterProblem, t: TranslateFn): string {
  const problem =
    p.code === 'unit-not-found'
      ? unitErrorText(new UnitError('not-found', { unit: p.unit, suggestions: p.suggestions }), t)
      : p.code === 'name-too-long'
        ? t('cli-roster-name-too-long', { max: p.max })
        : p.code === 'role-invalid'
          ? t('cli-roster-role-invalid', { role: p.role })
          : t(`cli-roster-${p.code}`);
  return t('cli-roster-line', { line: p.line, problem });
}

const USAGE = [
  'officer add --name "<name>" --unit "<unit>" [--role officer|leader|admin|"cán bộ"|"lãnh đạo"|"quản trị"] [--json]',
  'officer import <file.csv|xlsx> [--json]',
  'officer list [--unit "<unit>"] [--all] [--json]',
  'officer invite <id> [--json]',
  'officer deactivate <id> [--json]',
  'officer set-role <id> <role> [--json]',
  'officer absent <id> --from YYYY-MM-DD --to YYYY-MM-DD [--delegate <id>] [--json]',
  '[--lang vi|en]',
].join(' | ');

export const officerCommand: CliCommand = {
  name: 'officer',
  summary: 'officers and invite codes: `officer add`, `officer import <roster>`, `officer list [--unit]`, `officer invite <id>`, `officer deactivate <id>`, `officer set-role <id> <role>`',
  usage: USAGE,
  async run(args, ctx) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, delegate: { type: 'string' }, ...LANG_OPTION },
    });
    const t = cliTranslator(parseLang(values.lang));
    const [sub, ...rest] = positionals;
    const now = ctx.clock.now();
    const out = (line: string) => ctx.io.stdout.write(`${line}\n`);
    const when = (at: Date) => displayZonedInstant(calendarFromConfig(ctx.config).formatInstant(at));
    const onlyFor = (flags: Array<keyof typeof values>, command: string) => {
      for (const f of flags) if (values[f] !== undefined) throw new UsageError(`--${f} is not for \`officer ${sub}\` (only for ${command})`);
    };
    const officerErrors = async <T>(step: () => Promise<T>): Promise<T> => {
      try {
        return await step();
      } catch (err) {
        if (err instanceof OfficerError) throw new InputError(t(err.code === 'not-found' ? 'cli-officer-not-found' : 'cli-officer-inactive', { id: err.officerId }));
        throw err;
      }
    };
    /** The invite as the clerk passes it on: code, link (when the bot's username is known), expiry. */
    const inviteLines = (o: CreatedOfficer, username: string | undefined) => [
      t('cli-invite-code', { code: o.inviteCode }),
      username ? t('cli-invite-link', { link: inviteLink(username, o.inviteCode) }) : t('cli-invite-no-link', { code: o.inviteCode }),
      t('cli-invite-expires', { at: when(o.expiresAt) }),
    ];

    switch (sub) {
      case 'add':
      case 'import': {
        let rows: RosterRow[];
        if (sub === 'add') {
          if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
          onlyFor(['all'], '`officer list`');
          if (!values.name?.trim()) throw new UsageError('--name is required');
          if (!values.unit?.trim()) throw new UsageError('--unit is required');
          rows = [{ line: 1, name: values.name, unit: values.unit, ...(values.role !== undefined ? { role: parseRole(values.role, t) } : {}) }];
        } else {
          if (rest.length !== 1) throw new UsageError('officer import takes one file');
          if (values.name || values.unit || values.role) throw new UsageError('--name, --unit and --role are for `officer add`');
          onlyFor(['all'], '`officer list`');
          rows = await readRoster(rest[0]!, t);
          if (!rows.length) throw new InputError('the roster has no officers');
        }
        const prisma = await ctx.db();
        let created: CreatedOfficer[];
        try {
          created = await addOfficers(prisma, rows, { now });
        } catch (err) {
          if (!(err instanceof RosterError)) throw err;
          const lines = err.problems.map((p) => rosterProblemText(p, t));
          // One officer: the problem alone; a roster: every line that is wrong, and that nothing was written.
          throw new InputError(sub === 'add' ? lines.map((l) => l.replace(/^[^:]+: /, '')).join('; ') : [t('cli-roster-nothing'), ...lines].join('\n'));
        }
        const username = await botUsername(ctx);
        // The text of one officer says it on the link's line; JSON and roster lines need the note.
        if (!username && (values.json || sub === 'import')) ctx.io.stderr.write(`${t('cli-invite-no-username')}\n`);
        const link = (o: CreatedOfficer) => (username ? inviteLink(username, o.inviteCode) : null);
        if (sub === 'add') {
          const one = created[0]!;
          if (values.json) out(JSON.stringify({ id: one.id, inviteCode: one.inviteCode, inviteLink: link(one) }));
          else out([t(one.reused ? 'cli-officer-reused' : 'cli-officer-added', { id: one.id, name: one.name, unit: one.unitName, role: t('cli-role', { role: one.role }) }), ...inviteLines(one, username)].join('\n'));
          return 0;
        }
        if (values.json) out(JSON.stringify(created.map((o) => ({ id: o.id, name: o.name, unit: o.unitName, role: o.role, inviteCode: o.inviteCode, inviteLink: link(o) }))));
        else for (const o of created) out(`${o.id}\t${o.name}\t${o.unitName}\t${o.role}\t${link(o) ?? o.inviteCode}`);
        return 0;
      }
      case 'list': {
        if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
        onlyFor(['name', 'role'], '`officer add`');
        const prisma = await ctx.db();
        const unit = values.unit !== undefined ? await withUnitErrors(t, () => requireUnit(prisma, values.unit!)) : undefined;
        const officers = await listOfficers(prisma, { now, ...(unit ? { unitId: unit.id } : {}), ...(values.all ? { includeInactive: true } : {}) });
        if (values.json) {
          out(JSON.stringify(officers));
          return 0;
        }
        if (!officers.length) {
          out(t('cli-officer-list-empty', { unit: unit ? t('cli-officer-list-unit', { unit: unit.name }) : '' }));
          return 0;
        }
        const chat = (o: (typeof officers)[number]) =>
          !o.active ? t('cli-officer-inactive-mark') : o.linked ? linkedOn(o) : o.invitePending ? t('cli-officer-invite-pending') : t('cli-officer-not-linked');
        // "Telegram", "Zalo", or both with where reminders go when they chose.
        const platformName = (p: 'TELEGRAM' | 'ZALO') => (p === 'TELEGRAM' ? 'Telegram' : 'Zalo');
        const linkedOn = (o: (typeof officers)[number]) =>
          t('cli-officer-linked-on', { platforms: o.platforms.map(platformName).join(' + '), choice: o.platforms.length > 1 && o.reminderChannel ? platformName(o.reminderChannel) : 'none' });
        const table = renderTable(
          [
            { header: t('cli-officer-col-id'), width: 5 },
            { header: t('cli-officer-col-name'), width: 26 },
            { header: t('cli-officer-col-unit'), width: 30 },
            { header: t('cli-officer-col-role'), width: 10 },
            { header: t('cli-officer-col-chat'), width: 34 },
          ],
          officers.map((o) => [String(o.id), o.name, o.unit, t('cli-role', { role: o.role }), chat(o)]),
        );
        out([...table, t('cli-officer-list-count', { count: officers.length, linked: officers.filter((o) => o.active && o.linked).length })].join('\n'));
        return 0;
      }
      case 'invite': {
        if (rest.length !== 1) throw new UsageError('officer invite takes one <id>');
        onlyFor(['name', 'unit', 'role', 'all'], 'other subcommands');
        const id = parseId(rest[0]);
        const result = await officerErrors(async () => reinviteOfficer(await ctx.db(), id, { now }));
        const username = await botUsername(ctx);
        if (values.json) {
          if (!username) ctx.io.stderr.write(`${t('cli-invite-no-username')}\n`);
          out(JSON.stringify({ id, inviteCode: result.inviteCode, inviteLink: username ? inviteLink(username, result.inviteCode) : null }));
          return 0;
        }
        out(
          [
            t('cli-officer-added', { id, name: result.name, unit: result.unitName, role: t('cli-role', { role: result.role }) }),
            ...inviteLines(result, username),
            ...(result.revoked ? [t('cli-invite-revoked', { count: result.revoked })] : []),
          ].join('\n'),
        );
        return 0;
      }
      case 'deactivate': {
        if (rest.length !== 1) throw new UsageError('officer deactivate takes one <id>');
        onlyFor(['name', 'unit', 'role', 'all'], 'other subcommands');
        const id = parseId(rest[0]);
        const result = await officerErrors(async () => deactivateOfficer(await ctx.db(), id, { now }));
        if (values.json) out(JSON.stringify({ id, active: false, cancelledReminders: result.cancelledReminders }));
        else if (!result.wasActive) out(t('cli-officer-already-inactive', { id, name: result.name }));
        else out(t('cli-officer-deactivated', { id, name: result.name, unit: result.unit, reminders: result.cancelledReminders }));
        return 0;
      }
      case 'set-role': {
        if (rest.length !== 2) throw new UsageError('officer set-role takes <id> <role>');
        onlyFor(['name', 'unit', 'role', 'all'], 'other subcommands');
        const id = parseId(rest[0]);
        const role = parseRole(rest[1]!, t);
        const result = await officerErrors(async () => setOfficerRole(await ctx.db(), id, role));
        if (values.json) out(JSON.stringify({ id, role: result.to }));
        else out(t('cli-officer-role-set', { id, name: result.name, unit: result.unit, from: t('cli-role', { role: result.from }), to: t('cli-role', { role: result.to }) }));
        return 0;
      }
      case 'absent': {
        if (rest.length !== 1) throw new UsageError('officer absent takes one <id>');
        onlyFor(['name', 'unit', 'role', 'all'], 'other subcommands');
        const id = parseId(rest[0]);
        const date = (flag: 'from' | 'to') => {
          const value = values[flag];
          if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new UsageError(`--${flag} YYYY-MM-DD is required`);
          return value as IsoDate;
        };
        const delegateId = values.delegate === undefined ? undefined : parseId(values.delegate);
        let result;
        try {
          result = await recordAbsence(await ctx.db(), { officerId: id, from: date('from'), to: date('to'), ...(delegateId !== undefined ? { delegateId } : {}), createdBy: 'cli', now });
        } catch (err) {
          if (err instanceof AbsenceError) throw new InputError(t(`cli-absence-${err.code}`, { id: String(err.code.startsWith('delegate') ? delegateId ?? 0 : id) }));
          throw err;
        }
        // The reminders of those days move now; a service that cannot be reached re-plans at its next reconcile.
        const planned = result.unitTaskIds.length ? await ctx.requestPlanning({ taskIds: result.unitTaskIds }) : true;
        if (values.json) out(JSON.stringify({ id: result.id, officerId: id, from: result.from, to: result.to, delegateId: result.delegate?.id ?? null, plannedNow: planned }));
        else {
          out(t(result.delegate ? 'cli-absence-recorded-delegate' : 'cli-absence-recorded', { name: result.officer.name, from: displayDate(result.from), to: displayDate(result.to), delegate: result.delegate?.name ?? '' }));
          if (!planned) out(t('cli-absence-planning-later'));
        }
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand (add, import, list, invite, deactivate, set-role or absent)');
    }
  },
};
