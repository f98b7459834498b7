// /help and /lang: open to everyone (strangers get the Vietnamese/English help too).
import { Composer } from 'grammy';
import { unitMonitorsPlans } from '../../../tasks/plan-import-access.ts';
import { mayImportPlans } from '../../../access/permissions.ts';
import type { BotContext } from '../context.ts';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', async (ctx) => {
  const officer = ctx.officer;
  const isLeader = officer && officer.role !== 'OFFICER';
  // Those who may send plan files are told they can (see plan-import.ts).
  const importsPlans = Boolean(ctx.services.planImports && officer && ctx.chat?.type === 'private' && mayImportPlans(officer, officer.role === 'ADMIN' || (await unitMonitorsPlans(ctx.services.sql, officer.unitId))));
  await ctx.reply([ctx.t('help'), ...(isLeader ? [ctx.t('help-leader')] : []), ...(officer?.role === 'ADMIN' ? [ctx.t('help-admin')] : []), ...(importsPlans ? [ctx.t('help-plans')] : [])].join('\n\n'), { parse_mode: 'HTML' });
});

helpFeature.command('lang', async (ctx) => {
  const wanted = ctx.match.trim().toLowerCase();
  if (wanted !== 'vi' && wanted !== 'en') {
    await ctx.reply(ctx.t('lang-usage'), { parse_mode: 'HTML' });
    return;
  }
  if (!ctx.officer) {
    await ctx.reply(ctx.t('not-registered'), { parse_mode: 'HTML' });
    return;
  }
  await ctx.services.prisma.officer.update({ where: { id: ctx.officer.id }, data: { language: wanted } });
  ctx.officer.language = wanted;
  ctx.i18n.useLocale(wanted);
  await ctx.reply(ctx.t('lang-set'), { parse_mode: 'HTML' });
});
