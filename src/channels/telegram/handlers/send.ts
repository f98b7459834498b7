// Sending and editing OutgoingMessages through the Telegram Api (a photo part with sendPhoto).
import { GrammyError, InputFile, type Api } from 'grammy';
import type { OutgoingMessage } from '../../types.ts';
import { messageOptions } from '../keyboards/index.ts';
import { inWebhookAnswer } from '../webhook-answer.ts';

/**
 * Sends messages in order; ids of messages sent (a reply that rode in the webhook's answer has none).
 * `asReply`: the last message answers the update and may ride in the webhook's answer.
 */
export async function sendOutgoing(api: Api, chatId: number | string, messages: OutgoingMessage[], options: { asReply?: boolean } = {}): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, message] of messages.entries()) {
    if (message.photo) {
      const { parse_mode, reply_markup } = messageOptions(message);
      const photo = new InputFile(message.photo.bytes, message.photo.fileName);
      const sent = await api.sendPhoto(chatId, photo, { caption: message.html, parse_mode, ...(reply_markup ? { reply_markup } : {}) });
      ids.push(sent.message_id);
      continue;
    }
    const last = options.asReply && i === messages.length - 1;
    const sent = await api.sendMessage(chatId, message.html, last ? inWebhookAnswer(messageOptions(message)) : messageOptions(message));
    if (typeof sent === 'object') ids.push(sent.message_id);
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
