// `db migrate`: create the database if needed and apply pending migrations.
import { parseArgs } from 'node:util';
import { migrate } from '../../db/migrate.ts';
import { UsageError, type CliCommand } from '../command.ts';

export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'database maintenance: `db migrate` applies pending migrations (creates the database if missing)',
  usage: 'db migrate [--json]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals.length !== 1 || positionals[0] !== 'migrate') {
      throw new UsageError(positionals.length ? `unknown subcommand "${positionals.join(' ')}"` : 'missing subcommand');
    }
    const result = await migrate(ctx.config.DATABASE_URL, { logger: ctx.logger });
    if (values.json) {
      ctx.io.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const db = new URL(ctx.config.DATABASE_URL).pathname.slice(1);
      if (result.createdDatabase) ctx.io.stdout.write(`created database ${db}\n`);
      ctx.io.stdout.write(
        result.applied.length
          ? `applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n`
          : `database ${db} is up to date (${result.alreadyApplied} migration(s))\n`,
      );
    }
    return 0;
  },
};
