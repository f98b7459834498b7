// "nhắc qua zalo" / "nhắc qua telegram" typed on Telegram: the same choice as /settings' buttons
// and as on Zalo, for an officer linked on both platforms.
import { Composer } from 'grammy';
import { reminderChannelNameKey, setReminderChannel } from '../../../tasks/reminder-channel.ts';
import { parseReminderChannelCommand } from '../../../replies/settings-commands.ts';
import type { BotContext } from '../context.ts';

export const reminderChannelFeature = new Composer<BotContext>();

reminderChannelFeature.chatType('private').on('message:text', async (ctx, next) => {
  const channel = parseReminderChannelCommand(ctx.message.text);
  if (channel === undefined) return next();
  const result = await setReminderChannel(ctx.services.prisma, { officerId: ctx.officer!.id, channel });
  const name = ctx.t(reminderChannelNameKey(channel));
  await ctx.reply(ctx.t(result.outcome === 'set' ? 'reminder-channel-set' : 'reminder-channel-not-linked', { channel: name }), { parse_mode: 'HTML' });
});
