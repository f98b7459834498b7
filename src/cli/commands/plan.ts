// `plan set <plan> --confirmation on|off`: a plan's settings. With confirmation on, an officer's
// "done" on a task with a monitoring unit waits for that unit to confirm it (confirmations.ts).
import { parseArgs } from 'node:util';
import { setPlanConfirmation } from '../../tasks/confirmations.ts';
import { findPlans } from '../../reports/export-query.ts';
import { InputError, UsageError, type CliCommand } from '../command.ts';

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'a plan\'s settings: whether reported results need the monitoring unit\'s confirmation',
  usage: 'plan set <plan id or number> --confirmation on|off',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { confirmation: { type: 'string' } } });
    if (positionals[0] !== 'set') throw new UsageError(positionals[0] ? `unknown subcommand "${positionals[0]}"` : 'missing subcommand (set)');
    if (positionals.length !== 2) throw new UsageError('give one plan: plan set <plan id or number> --confirmation on|off');
    if (values.confirmation !== 'on' && values.confirmation !== 'off') throw new UsageError(`--confirmation must be on or off${values.confirmation === undefined ? '' : `, got "${values.confirmation}"`}`);
    const prisma = await ctx.db();
    const plans = await findPlans(prisma, positionals[1]!);
    if (plans.length === 0) throw new InputError(`no plan "${positionals[1]}" (give its id or number, e.g. 336/KH-UBND)`);
    if (plans.length > 1) throw new InputError(`"${positionals[1]}" names ${plans.length} plans; give the id of one: ${plans.map((p) => `#${p.id}`).join(', ')}`);
    const plan = plans[0]!;
    await setPlanConfirmation(prisma, { planId: plan.id, on: values.confirmation === 'on', actor: 'cli' });
    ctx.io.stdout.write(`plan #${plan.id} ${plan.number ?? '(no number)'}: confirmation ${values.confirmation}\n`);
    return 0;
  },
};
