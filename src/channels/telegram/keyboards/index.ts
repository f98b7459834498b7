// Platform-neutral buttons (OutgoingMessage.buttons) as Telegram inline keyboards.
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { MessageButton, OutgoingMessage } from '../../types.ts';

export function inlineKeyboard(buttons: MessageButton[][] | undefined): InlineKeyboardMarkup | undefined {
  if (!buttons?.length) return undefined;
  return { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) };
}

/** sendMessage/editMessageText options for an OutgoingMessage. */
export function messageOptions(message: OutgoingMessage) {
  const markup = inlineKeyboard(message.buttons);
  return {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(markup ? { reply_markup: markup } : {}),
  };
}
