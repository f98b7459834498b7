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

/** Telegram's caption limit: a longer text goes as a message of its own (without the file). */
const CAPTION_LIMIT = 1_024;

export function createTelegramChannel(api: Api): DeliveryChannel {
  return {
    name: 'TELEGRAM',
    sendsPhotos: true,
    async send(chatId, message) {
      try {
        const reply_markup = toInlineKeyboard(message);
        if (message.file && message.html.length <= CAPTION_LIMIT) {
          const options = { caption: message.html, parse_mode: 'HTML' as const, ...(reply_markup ? { reply_markup } : {}) };
          const sent = message.file.kind === 'document' ? await api.sendDocument(chatId, message.file.fileId, options) : await api.sendPhoto(chatId, message.file.fileId, options);
          return { messageId: String(sent.message_id) };
        }
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
    async sendDocument(chatId, document) {
      try {
        const sent = await api.sendDocument(chatId, new InputFile(document.bytes, document.fileName), { caption: document.captionHtml, parse_mode: 'HTML' });
        return { messageId: String(sent.message_id) };
      } catch (err) {
        throw classifyTelegramError(err);
      }
    },
    async editText(chatId, messageId, html) {
      try {
        await api.editMessageText(chatId, Number(messageId), html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      } catch (err) {
        throw classifyTelegramError(err);
      }
    },
  };
}
