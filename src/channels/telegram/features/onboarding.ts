// /start <code>: links a private chat to the officer the code was made for.
import { Composer } from 'grammy';
import { redeemInvite } from '../../../tasks/invites.ts';
import { escapeHtml } from '../../../messages/html.ts';
import type { BotContext } from '../context.ts';

export const onboardingFeature = new Composer<BotContext>();

onboardingFeature.chatType('private').command('start', async (ctx) => {
  const code = ctx.match.trim();
  if (!code) {
    await ctx.reply(ctx.officer ? ctx.t('start-welcome-back', { name: escapeHtml(ctx.officer.name) }) : ctx.t('start-unregistered'), { parse_mode: 'HTML' });
    return;
  }
  const result = await redeemInvite(ctx.services.prisma, {
    code,
    channel: 'TELEGRAM',
    externalId: String(ctx.chat.id),
    ...(ctx.from.username ? { username: ctx.from.username } : {}),
    now: ctx.services.now(),
  });
  if (result.outcome !== 'linked') {
    ctx.logger.info({ msg: 'invite code refused', outcome: result.outcome });
    await ctx.reply(ctx.t(`start-code-${result.outcome}`), { parse_mode: 'HTML' });
    return;
  }
  ctx.logger.info({ msg: 'chat linked', officer_id: result.officerId });
  ctx.i18n.useLocale(result.language);
  await ctx.reply(ctx.t('start-linked', { name: escapeHtml(result.officerName) }), { parse_mode: 'HTML' });
});

onboardingFeature.chatType(['group', 'supergroup']).command('start', async (ctx) => {
  await ctx.reply(ctx.t('start-in-group'), { parse_mode: 'HTML' });
});
