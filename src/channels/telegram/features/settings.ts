// /settings: the snooze default (next working morning, or n working hours) and, for an officer
// linked on Telegram and on Zalo, where reminders go. /confirmation: an admin turns a plan's or
// a monitoring unit's confirmation of results on or off.
import { Composer } from 'grammy';
import { reminderChannelSetting, snoozeSetting } from '../../../messages/actions.ts';
import type { OutgoingMessage } from '../../types.ts';
import type { TranslateFn } from '../../../messages/i18n.ts';
import { reminderChannelNameKey, setReminderChannel, type ReminderPlatform } from '../../../tasks/reminder-channel.ts';
import type { BotContext } from '../context.ts';
import { editOutgoing } from '../handlers/send.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { messageOptions } from '../keyboards/index.ts';
import { setConfirmationFromChat } from '../handlers/confirmation-setting.ts';

export const SNOOZE_HOUR_CHOICES = [0, 2, 4, 8] as const;

/** What the officer chose for reminders, offered only to someone linked on both platforms. */
interface ReminderChoice {
  choice: ReminderPlatform | null;
  linkedOnBoth: boolean;
}

const CHANNEL_CODES = { tg: 'TELEGRAM', zl: 'ZALO', last: null } as const;
const channelName = (t: TranslateFn, channel: ReminderPlatform | null) => t(reminderChannelNameKey(channel));

async function reminderChoiceOf(ctx: BotContext, officerId: number): Promise<ReminderChoice> {
  const officer = await ctx.services.prisma.officer.findUniqueOrThrow({ where: { id: officerId }, select: { reminderChannel: true, chatIdentities: { where: { active: true }, select: { channel: true } } } });
  const platforms = new Set(officer.chatIdentities.map((c) => c.channel));
  return { choice: officer.reminderChannel, linkedOnBoth: platforms.has('TELEGRAM') && platforms.has('ZALO') };
}

function settingsMessage(t: TranslateFn, officerId: number, snoozeHours: number | null, reminder: ReminderChoice): OutgoingMessage {
  const current = snoozeHours ? t('snooze-hours', { hours: String(snoozeHours) }) : t('snooze-next-morning');
  const snoozeRow = SNOOZE_HOUR_CHOICES.map((hours) => ({
    text: `${(snoozeHours ?? 0) === hours ? '• ' : ''}${hours ? t('snooze-hours', { hours: String(hours) }) : t('snooze-next-morning')}`,
    data: snoozeSetting.pack({ hours, officerId }),
  }));
  if (!reminder.linkedOnBoth) return { html: t('settings', { snooze: current }), buttons: [snoozeRow] };
  const channelRow = (Object.keys(CHANNEL_CODES) as Array<keyof typeof CHANNEL_CODES>).map((code) => {
    const channel = CHANNEL_CODES[code];
    return { text: `${reminder.choice === channel ? '• ' : ''}${channel ? channelName(t, channel) : t('btn-reminder-channel-last')}`, data: reminderChannelSetting.pack({ channel: code, officerId }) };
  });
  return { html: `${t('settings', { snooze: current })}\n${t('settings-reminder-channel', { channel: channelName(t, reminder.choice) })}`, buttons: [snoozeRow, channelRow] };
}

export const settingsFeature = new Composer<BotContext>();

settingsFeature.chatType('private').command('settings', async (ctx) => {
  const message = settingsMessage(ctx.t, ctx.officer!.id, ctx.officer!.snoozeHours, await reminderChoiceOf(ctx, ctx.officer!.id));
  await ctx.reply(message.html, messageOptions(message));
});

settingsFeature.on('callback_query:data', async (ctx, next) => {
  const data = snoozeSetting.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'settings of another officer');
  const snoozeHours = data.hours || null;
  await ctx.services.prisma.officer.update({ where: { id: data.officerId }, data: { snoozeHours } });
  await editOutgoing(ctx.api, ctx.chat!.id, ctx.callbackQuery.message!.message_id, settingsMessage(ctx.t, data.officerId, snoozeHours, await reminderChoiceOf(ctx, data.officerId)));
  await ctx.answerCallbackQuery({ text: ctx.t('settings-saved') });
});

settingsFeature.on('callback_query:data', async (ctx, next) => {
  const data = reminderChannelSetting.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'reminder channel of another officer');
  const channel = CHANNEL_CODES[data.channel];
  const result = await setReminderChannel(ctx.services.prisma, { officerId: data.officerId, channel });
  if (result.outcome === 'not-linked') return void (await ctx.answerCallbackQuery({ text: ctx.t('reminder-channel-not-linked', { channel: channelName(ctx.t, channel) }) }));
  const officer = await ctx.services.prisma.officer.findUniqueOrThrow({ where: { id: data.officerId }, select: { snoozeHours: true } });
  await editOutgoing(ctx.api, ctx.chat!.id, ctx.callbackQuery.message!.message_id, settingsMessage(ctx.t, data.officerId, officer.snoozeHours, await reminderChoiceOf(ctx, data.officerId)));
  await ctx.answerCallbackQuery({ text: ctx.t('reminder-channel-set', { channel: channelName(ctx.t, channel) }) });
});

/** /confirmation <plan or unit> on|off, for admins: a plan's or a monitoring unit's confirmation setting (as `plan set` / `unit set`). */
settingsFeature.chatType('private').command('confirmation', async (ctx) => {
  const officer = ctx.officer!;
  if (officer.role !== 'ADMIN') return void (await ctx.reply(ctx.t('plan-confirmation-admin-only'), { parse_mode: 'HTML' }));
  await ctx.reply(await setConfirmationFromChat(ctx.services, ctx.t, officer.id, ctx.match), { parse_mode: 'HTML' });
});
