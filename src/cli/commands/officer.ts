// `officer add` and `officer import`: create officers with single-use invite codes and
// print the links they open to link their Telegram chat.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { Api } from 'grammy';
import { inviteLink } from '../../conversation/invites.ts';
import { addOfficers, OFFICER_ROLES, RosterError, type NewOfficer, type OfficerRoleInput } from '../../conversation/officers.ts';
import { MAX_PLAN_BYTES } from '../../plans/read-plan-file.ts';
import { checkXlsx } from '../../plans/sheet-guard.ts';
import { ZipRefused } from '../../plans/zip-guard.ts';
import { InputError, UsageError, type CliCommand, type CliContext } from '../command.ts';

/** Largest roster read at once. */
export const MAX_ROSTER_ROWS = 5_000;

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

function parseRole(value: string | undefined): OfficerRoleInput {
  const role = (value ?? 'officer').trim().toLowerCase();
  if (!(OFFICER_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${OFFICER_ROLES.join(', ')}`);
  return role as OfficerRoleInput;
}

const HEADER_ALIASES: Record<string, keyof NewOfficer> = {
  name: 'name', 'họ tên': 'name', 'ho ten': 'name', 'họ và tên': 'name', 'ho va ten': 'name',
  unit: 'unit', 'đơn vị': 'unit', 'don vi': 'unit',
  role: 'role', 'vai trò': 'role', 'vai tro': 'role',
};

function mapHeader(cells: string[]): Array<keyof NewOfficer | undefined> {
  return cells.map((c) => HEADER_ALIASES[c.trim().toLowerCase()]);
}

type RosterRow = NewOfficer & { line: number };

function rowsFromTable(table: Array<{ line: number; cells: string[] }>): RosterRow[] {
  const [header, ...rest] = table;
  if (!header) throw new InputError('the roster is empty');
  const columns = mapHeader(header.cells);
  if (!columns.includes('name') || !columns.includes('unit')) throw new InputError(`line ${header.line}: the header must name the columns name, unit[, role]`);
  if (rest.length > MAX_ROSTER_ROWS) throw new InputError(`the roster has ${rest.length} rows; at most ${MAX_ROSTER_ROWS} at once`);
  return rest
    .filter((r) => r.cells.some((c) => c.trim()))
    .map((r) => {
      const get = (key: keyof NewOfficer) => {
        const i = columns.indexOf(key);
        return i >= 0 ? (r.cells[i] ?? '').trim() : '';
      };
      return { line: r.line, name: get('name'), unit: get('unit'), role: (get('role') || 'officer').toLowerCase() as OfficerRoleInput };
    });
}

async function readRoster(file: string): Promise<RosterRow[]> {
  const ext = extname(file).toLowerCase();
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (ext === '.csv') {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parseCsv(data, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
    } catch (err) {
      throw new InputError(`${file}: ${(err as Error).message}`);
    }
    return rowsFromTable(records.map((r) => ({ line: r.info.lines, cells: r.record })));
  }
  if (ext === '.xlsx') {
    // The same guards as a plan's: size, zip bombs, sheet dimensions and merged ranges, before exceljs expands it.
    if (data.length > MAX_PLAN_BYTES) throw new InputError(`${file}: file is ${(data.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PLAN_BYTES / 1024 / 1024} MB limit`);
    try {
      checkXlsx(data);
    } catch (err) {
      if (err instanceof ZipRefused) throw new InputError(`${file}: not a readable .xlsx: ${err.message}${err.entry ? ` (${err.entry})` : ''}`);
      throw err;
    }
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch (err) {
      throw new InputError(`${file}: not a readable .xlsx file (${(err as Error).message})`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new InputError(`${file}: the workbook has no sheet`);
    const table: Array<{ line: number; cells: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table.push({ line: rowNumber, cells: values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v))) });
    });
    return rowsFromTable(table);
  }
  throw new InputError(`${file}: expected a .csv or .xlsx file`);
}

export const officerCommand: CliCommand = {
  name: 'officer',
  summary: 'officers and invite codes: `officer add --name <name> --unit <unit> [--role officer|leader|admin]`, `officer import <roster.csv|xlsx>`',
  usage: 'officer add --name "<name>" --unit "<unit>" [--role officer|leader|admin] [--json] | officer import <file.csv|xlsx> [--json]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } },
    });
    const [sub, ...rest] = positionals;
    let rows: RosterRow[];
    if (sub === 'add') {
      if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
      if (!values.name?.trim()) throw new UsageError('--name is required');
      if (!values.unit?.trim()) throw new UsageError('--unit is required');
      rows = [{ line: 1, name: values.name, unit: values.unit, role: parseRole(values.role) }];
    } else if (sub === 'import') {
      if (rest.length !== 1) throw new UsageError('officer import takes one file');
      if (values.name || values.unit || values.role) throw new UsageError('--name, --unit and --role are for `officer add`');
      rows = await readRoster(rest[0]!);
      if (!rows.length) throw new InputError('the roster has no officers');
    } else {
      throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand (add or import)');
    }

    const prisma = await ctx.db();
    let created;
    try {
      created = await addOfficers(prisma, rows, { now: new Date() });
    } catch (err) {
      if (err instanceof RosterError) {
        if (sub === 'add') throw new InputError(err.problems.map((p) => p.message).join('; '));
        throw new InputError(`nothing imported:\n${err.message}`);
      }
      throw err;
    }
    const username = await botUsername(ctx);
    if (!username) ctx.io.stderr.write('note: no bot username known (set TELEGRAM_BOT_TOKEN or BOT_USERNAME); inviteLink is null — the officer can send /start <code> to the bot\n');
    const out = created.map((o) => ({
      id: o.id,
      name: o.name,
      unit: o.unitName,
      role: o.role,
      inviteCode: o.inviteCode,
      inviteLink: username ? inviteLink(username, o.inviteCode) : null,
      expiresAt: o.expiresAt.toISOString(),
    }));
    if (sub === 'add') {
      const one = out[0]!;
      if (values.json) ctx.io.stdout.write(`${JSON.stringify({ id: one.id, inviteCode: one.inviteCode, inviteLink: one.inviteLink })}\n`);
      else ctx.io.stdout.write(`officer ${one.id} (${one.name}, ${one.unit}, ${one.role})\ninvite code: ${one.inviteCode}\ninvite link: ${one.inviteLink ?? '(unknown bot username)'}\nexpires: ${one.expiresAt}\n`);
      return 0;
    }
    if (values.json) ctx.io.stdout.write(`${JSON.stringify(out.map((o) => ({ id: o.id, name: o.name, unit: o.unit, role: o.role, inviteCode: o.inviteCode, inviteLink: o.inviteLink })))}\n`);
    else for (const o of out) ctx.io.stdout.write(`${o.id}\t${o.name}\t${o.unit}\t${o.role}\t${o.inviteLink ?? o.inviteCode}\n`);
    return 0;
  },
};
