// /export [plan] [period]: a plan's progress report as an .xlsx document, for leaders and
// admins, with only the tasks in their scope; a button per plan when several match.
import { Composer } from 'grammy';
import { exportPlan } from '../../../messages/actions.ts';
import { isLeaderOrAdmin } from '../../../access/permissions.ts';
import { parseExportArgs } from '../../../reports/export-args.ts';
import type { BotContext } from '../context.ts';
import { answerExportChoice, answerExportCommand } from '../handlers/export.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';

export const exportFeature = new Composer<BotContext>();
const priv = exportFeature.chatType('private');

priv.command('export', async (ctx) => {
  const officer = ctx.officer!;
  if (!isLeaderOrAdmin(officer)) {
    await ctx.reply(ctx.t('leaders-only'), { parse_mode: 'HTML' });
    return;
  }
  const args = parseExportArgs(ctx.match);
  if (!args) {
    await ctx.reply(ctx.t('export-usage'), { parse_mode: 'HTML' });
    return;
  }
  await answerExportCommand(ctx.services, ctx.api, ctx.chat.id, officer, args);
});

exportFeature.on('callback_query:data', async (ctx, next) => {
  const data = exportPlan.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId) || !isLeaderOrAdmin(ctx.officer!)) return refuseCallback(ctx, 'export for another officer');
  await ctx.answerCallbackQuery();
  const sent = await answerExportChoice(ctx.services, ctx.api, ctx.chat!.id, ctx.officer!, data);
  if (!sent) await ctx.reply(ctx.t('export-no-plans'), { parse_mode: 'HTML' });
});
