// /help and /lang: open to everyone (strangers get the Vietnamese/English help too).
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', async (ctx) => {
  const isLeader = ctx.officer && ctx.officer.role !== 'OFFICER';
  await ctx.reply([ctx.t('help'), ...(isLeader ? [ctx.t('help-leader')] : [])].join('\n\n'), { parse_mode: 'HTML' });
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
