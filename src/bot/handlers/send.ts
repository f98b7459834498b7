// Sending and editing OutgoingMessages through the Telegram Api.
import { GrammyError, type Api } from 'grammy';
import type { OutgoingMessage } from '../../channels/types.ts';
import { messageOptions } from '../keyboards/index.ts';

export async function sendOutgoing(api: Api, chatId: number | string, messages: OutgoingMessage[]): Promise<number[]> {
  const ids: number[] = [];
  for (const message of messages) {
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
