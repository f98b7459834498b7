import { describe, expect, it } from 'vitest';
import { BotApiError, createSandboxBotApi } from '../../src/sandbox/bot-api.ts';

const CHAT = 1001;

function sandbox() {
  const api = createSandboxBotApi({ botId: 42, username: 'nhacviec_sandbox_bot', now: () => Date.UTC(2026, 11, 3, 2) });
  api.addPerson({ chatId: CHAT, firstName: 'Lan' });
  return api;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: number; description: string }> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BotApiError);
  return { code: (err as BotApiError).code, description: (err as BotApiError).description };
}

describe('sandbox Bot API', () => {
  it('getMe answers the bot itself; an unknown method is 404 Not Found', async () => {
    const api = sandbox();
    expect(await api.call('getMe', {})).toMatchObject({ id: 42, is_bot: true, username: 'nhacviec_sandbox_bot' });
    expect(await refusal(api.call('sendSticker', { chat_id: CHAT }))).toEqual({ code: 404, description: 'Not Found' });
  });

  it('sendMessage without chat_id or text is refused as Telegram refuses it', async () => {
    const api = sandbox();
    expect((await refusal(api.call('sendMessage', { text: 'x' }))).description).toBe('Bad Request: chat_id is empty');
    expect((await refusal(api.call('sendMessage', { chat_id: CHAT }))).description).toBe('Bad Request: text is empty');
  });

  it('text over 4,096 characters after HTML parsing is too long; 4,096 with tags around it is not', async () => {
    const api = sandbox();
    expect(await refusal(api.call('sendMessage', { chat_id: CHAT, text: 'a'.repeat(4097) }))).toEqual({ code: 400, description: 'Bad Request: message text is too long' });
    await api.call('sendMessage', { chat_id: CHAT, text: `<b>${'a'.repeat(4096)}</b>`, parse_mode: 'HTML' });
  });

  it('HTML becomes text and entities; broken HTML is "can\'t parse entities"', async () => {
    const api = sandbox();
    const sent = (await api.call('sendMessage', { chat_id: CHAT, text: '<b>1.2</b> &lt;Hạn&gt; <a href="https://x.vn">xem</a>', parse_mode: 'HTML' })) as { text: string; entities: unknown[] };
    expect(sent.text).toBe('1.2 <Hạn> xem');
    expect(sent.entities).toEqual([{ type: 'bold', offset: 0, length: 3 }, { type: 'text_link', offset: 10, length: 3, url: 'https://x.vn' }]);
    expect((await refusal(api.call('sendMessage', { chat_id: CHAT, text: '<b>open', parse_mode: 'HTML' }))).description).toMatch(/^Bad Request: can't parse entities/);
    expect((await refusal(api.call('sendMessage', { chat_id: CHAT, text: '<div>x</div>', parse_mode: 'HTML' }))).description).toMatch(/unsupported start tag "div"/);
  });

  it('callback_data must be 1-64 bytes (UTF-8), and a button has exactly one action', async () => {
    const api = sandbox();
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: 'OK', callback_data: data }]] });
    await api.call('sendMessage', { chat_id: CHAT, text: 'x', reply_markup: keyboard('d'.repeat(64)) });
    expect((await refusal(api.call('sendMessage', { chat_id: CHAT, text: 'x', reply_markup: keyboard('d'.repeat(65)) }))).description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect((await refusal(api.call('sendMessage', { chat_id: CHAT, text: 'x', reply_markup: keyboard('đ'.repeat(33)) }))).description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect((await refusal(api.call('sendMessage', { chat_id: CHAT, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'OK' }]] } }))).description).toBe('Bad Request: BUTTON_TYPE_INVALID');
  });

  it('a typed /command reaches getUpdates as a message with a bot_command entity; the offset confirms updates', async () => {
    const api = sandbox();
    api.userSendsText(CHAT, '/tasks');
    const [update] = (await api.call('getUpdates', { timeout: 0 })) as Array<{ update_id: number; message: { text: string; entities: unknown[]; chat: { id: number } } }>;
    expect(update!.message).toMatchObject({ text: '/tasks', chat: { id: CHAT }, entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    expect(await api.call('getUpdates', { offset: update!.update_id + 1, timeout: 0 })).toEqual([]);
  });

  it('a long poll is answered as soon as an update arrives', async () => {
    const api = sandbox();
    const poll = api.call('getUpdates', { timeout: 30 });
    api.userSendsText(CHAT, 'xong 1.2');
    expect(await poll).toHaveLength(1);
    api.close();
  });

  it('pressing a button sends a callback query once; the answer shows as a notice; a button not on the message cannot be pressed', async () => {
    const api = sandbox();
    const sent = (await api.call('sendMessage', { chat_id: CHAT, text: 'Nhắc việc', reply_markup: { inline_keyboard: [[{ text: '✅ Hoàn thành', callback_data: 'st:1:done' }]] } })) as { message_id: number };
    expect(() => api.userPresses(CHAT, sent.message_id, 'st:1:other')).toThrow(BotApiError);
    api.userPresses(CHAT, sent.message_id, 'st:1:done');
    const [update] = (await api.call('getUpdates', {})) as Array<{ callback_query: { id: string; data: string; message: { message_id: number } } }>;
    expect(update!.callback_query).toMatchObject({ data: 'st:1:done', message: { message_id: sent.message_id } });
    await api.call('answerCallbackQuery', { callback_query_id: update!.callback_query.id, text: 'Đã ghi nhận' });
    expect(api.view(CHAT).notice?.text).toBe('Đã ghi nhận');
    expect((await refusal(api.call('answerCallbackQuery', { callback_query_id: update!.callback_query.id }))).description).toMatch(/query ID is invalid/);
  });

  it('editMessageText and editMessageReplyMarkup change the stored message; the same content again is "not modified"', async () => {
    const api = sandbox();
    const sent = (await api.call('sendMessage', { chat_id: CHAT, text: 'a', reply_markup: { inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] } })) as { message_id: number };
    await api.call('editMessageText', { chat_id: CHAT, message_id: sent.message_id, text: 'b' });
    expect(api.view(CHAT).messages[0]).toMatchObject({ text: 'b', edited: true });
    expect(api.view(CHAT).messages[0]!.replyMarkup).toBeUndefined();
    expect((await refusal(api.call('editMessageText', { chat_id: CHAT, message_id: sent.message_id, text: 'b' }))).description).toMatch(/message is not modified/);
    expect((await refusal(api.call('editMessageReplyMarkup', { chat_id: CHAT, message_id: 99 }))).description).toMatch(/message to edit not found/);
  });

  it('an attached file reaches the bot as a document message', async () => {
    const api = sandbox();
    api.userSendsDocument(CHAT, { fileName: 'bien-ban.pdf', mimeType: 'application/pdf', size: 1234 });
    const [update] = (await api.call('getUpdates', {})) as Array<{ message: { document: Record<string, unknown> } }>;
    expect(update!.message.document).toMatchObject({ file_name: 'bien-ban.pdf', mime_type: 'application/pdf', file_size: 1234 });
  });

  it('setMyCommands checks each command as Telegram does', async () => {
    const api = sandbox();
    expect(await api.call('setMyCommands', { commands: [{ command: 'tasks', description: 'Việc của tôi' }] })).toBe(true);
    expect((await refusal(api.call('setMyCommands', { commands: [{ command: 'Tasks!', description: 'x' }] }))).description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('waitForChange wakes the page when the chat changes', async () => {
    const api = sandbox();
    const { version } = api.view(CHAT);
    const waiting = api.waitForChange(CHAT, version, 30_000);
    await api.call('sendMessage', { chat_id: CHAT, text: 'x' });
    await waiting;
    expect(api.view(CHAT).version).toBeGreaterThan(version);
  });
});
