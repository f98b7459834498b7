// `unit list | add | alias | rename | set`: the unit directory, kept before and between plans,
// and a unit's settings (`set --confirmation`: as the monitoring unit, it confirms every "done").
import { parseArgs } from 'node:util';
import { addUnit, addUnitAlias, listUnits, renameUnit } from '../../tasks/units.ts';
import { setUnitConfirmation } from '../../tasks/unit-confirmation.ts';
import { cliTranslator, LANG_OPTION, parseLang } from '../cli-text.ts';
import { UsageError, type CliCommand } from '../command.ts';
import { renderTable } from '../text-table.ts';
import { withUnitErrors } from '../unit-errors.ts';

const USAGE = 'unit list [--json] | unit add "<name>" [--alias "<other spelling>"]... [--json] | unit alias "<unit>" "<other spelling>" | unit rename "<unit>" "<new name>" | unit set "<unit>" --confirmation on|off [--lang vi|en]';

export const unitCommand: CliCommand = {
  name: 'unit',
  summary: 'the unit directory plans are matched against: `unit list`, `unit add "<name>"`, `unit alias "<unit>" "<spelling>"`, `unit rename "<unit>" "<new name>"`, `unit set "<unit>" --confirmation on|off`',
  usage: USAGE,
  async run(args, ctx) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, alias: { type: 'string', multiple: true }, confirmation: { type: 'string' }, ...LANG_OPTION },
    });
    const t = cliTranslator(parseLang(values.lang));
    const [sub, ...rest] = positionals;
    const expect = (n: number, what: string) => {
      if (rest.length !== n) throw new UsageError(`unit ${sub} takes ${what}`);
    };
    if (values.alias && sub !== 'add') throw new UsageError('--alias is for `unit add`');
    if (values.confirmation !== undefined && sub !== 'set') throw new UsageError('--confirmation is for `unit set`');
    const out = (line: string) => ctx.io.stdout.write(`${line}\n`);

    switch (sub) {
      case 'list': {
        expect(0, 'no argument');
        const units = await listUnits(await ctx.db());
        if (values.json) {
          out(JSON.stringify(units));
          return 0;
        }
        if (!units.length) {
          out(t('cli-unit-list-empty'));
          return 0;
        }
        const table = renderTable(
          [
            { header: t('cli-unit-col-id'), width: 5 },
            { header: t('cli-unit-col-name'), width: 36 },
            { header: t('cli-unit-col-aliases'), width: 36 },
            { header: t('cli-unit-col-officers'), width: 10 },
            { header: t('cli-unit-col-tasks'), width: 8 },
            { header: t('cli-unit-col-confirmation'), width: 9 },
          ],
          units.map((u) => [String(u.id), u.name, u.aliases, `${u.officers} (${u.linked})`, String(u.tasks), u.requiresConfirmation ? t('cli-unit-confirmation-on') : '']),
        );
        out([...table, t('cli-unit-list-count', { count: units.length })].join('\n'));
        return 0;
      }
      case 'add': {
        expect(1, 'one name');
        const unit = await withUnitErrors(t, async () => addUnit(await ctx.db(), { name: rest[0]!, aliases: values.alias ?? [] }));
        if (values.json) {
          out(JSON.stringify({ id: unit.id, name: unit.name, aliases: unit.aliases }));
          return 0;
        }
        out(t('cli-unit-added', { id: unit.id, name: unit.name, aliases: unit.aliases.length ? t('cli-unit-aliases', { aliases: unit.aliases.join('; ') }) : '' }));
        return 0;
      }
      case 'alias': {
        expect(2, 'the unit and its other spelling');
        const result = await withUnitErrors(t, async () => addUnitAlias(await ctx.db(), rest[0]!, rest[1]!));
        if (values.json) {
          out(JSON.stringify({ id: result.unit.id, name: result.unit.name, alias: result.alias, added: result.added }));
          return 0;
        }
        out(t(result.added ? 'cli-unit-alias-added' : 'cli-unit-alias-exists', { alias: result.alias, unit: result.unit.name }));
        return 0;
      }
      case 'rename': {
        expect(2, 'the unit and its new name');
        const result = await withUnitErrors(t, async () => renameUnit(await ctx.db(), rest[0]!, rest[1]!));
        if (values.json) {
          out(JSON.stringify({ id: result.unit.id, name: result.unit.name, from: result.from }));
          return 0;
        }
        out(t('cli-unit-renamed', { id: result.unit.id, from: result.from, to: result.unit.name }));
        return 0;
      }
      case 'set': {
        expect(1, 'one unit');
        const setting = values.confirmation;
        if (setting !== 'on' && setting !== 'off') throw new UsageError(`--confirmation must be on or off${setting === undefined ? '' : `, got "${setting}"`}`);
        const unit = await withUnitErrors(t, async () => setUnitConfirmation(await ctx.db(), { unit: rest[0]!, on: setting === 'on', actor: 'cli' }));
        if (values.json) {
          out(JSON.stringify({ id: unit.id, name: unit.name, requireConfirmation: setting === 'on' }));
          return 0;
        }
        out(t('cli-unit-confirmation', { id: String(unit.id), name: unit.name, on: setting }));
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand (list, add, alias, rename or set)');
    }
  },
};
