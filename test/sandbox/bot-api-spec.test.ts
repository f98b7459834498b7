// The sandbox held against the real Bot API description (../shared/telegram/bot-api-spec.json,
// the same one the test stand-in uses): every method it answers exists, and a call missing
// any field the description marks required is refused.
import { describe, expect, it } from 'vitest';
import { BotApiError, createSandboxBotApi } from '../../src/sandbox/bot-api.ts';
import { checkCall, loadSpec } from '../helpers/telegram/spec-check.ts';

const CHAT = 710001;

async function world() {
  const api = createSandboxBotApi({ botId: 710000, username: 'nhacviec_sandbox_bot' });
  api.addPerson({ chatId: CHAT, firstName: 'Lan' });
  const sent = (await api.call('sendMessage', { chat_id: CHAT, text: 'a', reply_markup: { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] } })) as { message_id: number };
  api.userPresses(CHAT, sent.message_id, 'b');
  const [update] = (await api.call('getUpdates', {})) as Array<{ update_id: number; callback_query: { id: string } }>;
  await api.call('getUpdates', { offset: update!.update_id + 1 });
  return { api, messageId: sent.message_id, callbackId: update!.callback_query.id };
}

/** A valid call of each method that takes parameters, given a message and a callback query. */
function validCalls(messageId: number, callbackId: string): Record<string, Record<string, unknown>> {
  return {
    sendMessage: { chat_id: CHAT, text: 'Nhắc việc' },
    editMessageText: { chat_id: CHAT, message_id: messageId, text: 'Đã ghi nhận' },
    editMessageReplyMarkup: { chat_id: CHAT, message_id: messageId, reply_markup: { inline_keyboard: [[{ text: 'C', callback_data: 'c' }]] } },
    answerCallbackQuery: { callback_query_id: callbackId, text: 'OK' },
    sendDocument: { chat_id: CHAT, document: 'sandbox-file-1' },
    setMyCommands: { commands: [{ command: 'tasks', description: 'Việc của tôi' }] },
    getChatMember: { chat_id: CHAT, user_id: CHAT },
    sendChatAction: { chat_id: CHAT, action: 'typing' },
    deleteMessage: { chat_id: CHAT, message_id: messageId },
  };
}

describe('the sandbox Bot API against the real API description', () => {
  it('answers only methods Telegram has', () => {
    const spec = loadSpec();
    const api = createSandboxBotApi({ botId: 1, username: 'x_bot' });
    expect(api.methodNames.filter((m) => !spec.methods[m])).toEqual([]);
  });

  const { methods } = loadSpec();
  const names = Object.keys(validCalls(1, '1'));
  it.each(names)('%s: a valid call passes the description and the sandbox; each required field left out is refused', async (method) => {
    // Edits name the message by chat_id + message_id, "required if inline_message_id is not
    // specified": the sandbox has no inline messages, so both are required there.
    const conditional = method.startsWith('editMessage') ? ['chat_id', 'message_id'] : [];
    const required = [...(methods[method]!.fields?.filter((f) => f.required).map((f) => f.name) ?? []), ...conditional];
    expect(required.length).toBeGreaterThan(0);
    for (const field of required) {
      const { api, messageId, callbackId } = await world();
      const params = { ...validCalls(messageId, callbackId)[method]! };
      delete params[field];
      const err = await api.call(method, params).then(() => undefined, (e: unknown) => e);
      expect(err, `${method} without ${field}`).toBeInstanceOf(BotApiError);
      expect((err as BotApiError).code).toBe(400);
    }
    const { api, messageId, callbackId } = await world();
    const params = validCalls(messageId, callbackId)[method]!;
    expect(checkCall(method, params)).toEqual([]);
    await api.call(method, params);
  });
});
