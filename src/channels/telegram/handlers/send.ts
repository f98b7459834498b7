// Sending and editing OutgoingMessages through the Telegram Api (a photo part with sendPhoto).
import { GrammyError, InputFile, type Api } from 'grammy';
import type { OutgoingMessage } from '../../types.ts';
import { messageOptions } from '../keyboards/index.ts';

export async function sendOutgoing(api: Api, chatId: number | string, messages: OutgoingMessage[]): Promise<number[]> {
  const ids: number[] = [];
  for (const message of messages) {
    if (message.photo) {
      const { parse_mode, reply_markup } = messageOptions(message);
      const photo = new InputFile(message.photo.bytes, message.photo.fileName);
      const sent = await api.sendPhoto(chatId, photo, { caption: message.html, parse_mode, ...(reply_markup ? { reply_markup } : {}) });
      ids.push(sent.message_id);
      continue;
    }
    const sent = await api.sendMessage(chatId, message.html, messageOptions(message));
    ids.push(sent.message_id);
  }
  return ids;
}

/** Edits a message in place (text and buttons; no buttons removes them). "Not modified" is not an error. */
export async function editOutgoing(api: Api, chatId: number | string, messageId: number, message: OutgoingMessage): Promise<void> {
  try {
    await api.editMessageText(chatId, messageId, message.html, messageOptions(message));
  } catch (err) {
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    throw err;
  }
}

export async function editButtons(api: Api, chatId: number | string, messageId: number, message: OutgoingMessage): Promise<void> {
  try {
    const markup = messageOptions(message).reply_markup;
    await api.editMessageReplyMarkup(chatId, messageId, markup ? { reply_markup: markup } : {});
  } catch (err) {
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    throw err;
  }
}
