// Telegram as a DeliveryChannel: maps the neutral message to sendMessage (sendPhoto with an
// uploaded file for a photo) and the Bot API's errors to the kinds the scheduler decides on.
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import { DeliveryError, type DeliveryChannel, type OutgoingMessage } from '../types.ts';

export function toInlineKeyboard(message: OutgoingMessage) {
  return message.buttons?.length
    ? { inline_keyboard: message.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) }
    : undefined;
}

export function classifyTelegramError(err: unknown): DeliveryError {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) {
      return new DeliveryError('rate-limited', err.description, (err.parameters.retry_after ?? 1) * 1000);
    }
    // 403: blocked by the user, kicked from the group, user deactivated; 400 chat not found is the same fate.
    if (err.error_code === 403 || (err.error_code === 400 && /chat not found|user not found|chat_id is empty/i.test(err.description))) {
      return new DeliveryError('recipient-gone', err.description);
    }
    if (err.error_code >= 500) return new DeliveryError('transient', err.description);
    return new DeliveryError('rejected', err.description);
  }
  if (err instanceof HttpError) return new DeliveryError('transient', err.message);
  return new DeliveryError('transient', err instanceof Error ? err.message : String(err));
}

export function createTelegramChannel(api: Api): DeliveryChannel {
  return {
    name: 'TELEGRAM',
    sendsPhotos: true,
    async send(chatId, message) {
      try {
        const reply_markup = toInlineKeyboard(message);
        if (message.photo) {
          const photo = new InputFile(message.photo.bytes, message.photo.fileName);
          const sent = await api.sendPhoto(chatId, photo, { caption: message.html, parse_mode: 'HTML', ...(reply_markup ? { reply_markup } : {}) });
          return { messageId: String(sent.message_id) };
        }
        const sent = await api.sendMessage(chatId, message.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(reply_markup ? { reply_markup } : {}),
        });
        return { messageId: String(sent.message_id) };
      } catch (err) {
        throw classifyTelegramError(err);
      }
    },
  };
}
