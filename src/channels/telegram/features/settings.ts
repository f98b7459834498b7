// /settings: the snooze default (next working morning, or n working hours). /confirmation: an
// admin turns a plan's or a monitoring unit's confirmation of results on or off.
import { Composer } from 'grammy';
import { snoozeSetting } from '../../../messages/actions.ts';
import type { OutgoingMessage } from '../../types.ts';
import type { TranslateFn } from '../../../messages/i18n.ts';
import type { BotContext } from '../context.ts';
import { editOutgoing } from '../handlers/send.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { messageOptions } from '../keyboards/index.ts';
import { setConfirmationFromChat } from '../handlers/confirmation-setting.ts';

export const SNOOZE_HOUR_CHOICES = [0, 2, 4, 8] as const;

function settingsMessage(t: TranslateFn, officerId: number, snoozeHours: number | null): OutgoingMessage {
  const current = snoozeHours ? t('snooze-hours', { hours: String(snoozeHours) }) : t('snooze-next-morning');
  return {
    html: t('settings', { snooze: current }),
    buttons: [SNOOZE_HOUR_CHOICES.map((hours) => ({
      text: `${(snoozeHours ?? 0) === hours ? '• ' : ''}${hours ? t('snooze-hours', { hours: String(hours) }) : t('snooze-next-morning')}`,
      data: snoozeSetting.pack({ hours, officerId }),
    }))],
  };
}

export const settingsFeature = new Composer<BotContext>();

settingsFeature.chatType('private').command('settings', async (ctx) => {
  const message = settingsMessage(ctx.t, ctx.officer!.id, ctx.officer!.snoozeHours);
  await ctx.reply(message.html, messageOptions(message));
});

settingsFeature.on('callback_query:data', async (ctx, next) => {
  const data = snoozeSetting.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'settings of another officer');
  const snoozeHours = data.hours || null;
  await ctx.services.prisma.officer.update({ where: { id: data.officerId }, data: { snoozeHours } });
  await editOutgoing(ctx.api, ctx.chat!.id, ctx.callbackQuery.message!.message_id, settingsMessage(ctx.t, data.officerId, snoozeHours));
  await ctx.answerCallbackQuery({ text: ctx.t('settings-saved') });
});

/** /confirmation <plan or unit> on|off, for admins: a plan's or a monitoring unit's confirmation setting (as `plan set` / `unit set`). */
settingsFeature.chatType('private').command('confirmation', async (ctx) => {
  const officer = ctx.officer!;
  if (officer.role !== 'ADMIN') return void (await ctx.reply(ctx.t('plan-confirmation-admin-only'), { parse_mode: 'HTML' }));
  await ctx.reply(await setConfirmationFromChat(ctx.services, ctx.t, officer.id, ctx.match), { parse_mode: 'HTML' });
});
