// The stand-in must catch what real Telegram would refuse, or the bot tests prove nothing.
import { Api, GrammyError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramStandIn, type TelegramStandIn } from '../helpers/telegram/stand-in.ts';

let tg: TelegramStandIn;
afterEach(async () => {
  await tg.close();
});

function apiFor(standIn: TelegramStandIn) {
  return new Api(standIn.token, { apiRoot: standIn.apiRoot });
}

describe('Telegram Bot API stand-in', () => {
  it('accepts a valid sendMessage with an inline keyboard and returns a Message', async () => {
    tg = await startTelegramStandIn();
    const api = apiFor(tg);
    const sent = await api.sendMessage(42, '<b>1.2</b> Công khai &amp; minh bạch', {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: '✅ Hoàn thành', callback_data: 'd:1:2' }]] },
    });
    expect(sent.message_id).toBe(1);
    expect(sent.chat.id).toBe(42);
    expect(tg.violations).toEqual([]);
    expect(tg.messagesTo(42)[0]!.text).toContain('<b>1.2</b>');
  });

  it.each([
    ['an unknown field', { chat_id: 1, text: 'x', colour: 'red' }, /colour: unknown field/],
    ['a missing required field', { chat_id: 1 }, /text: required field/],
    ['a wrong type', { chat_id: 1, text: 'x', disable_notification: 'yes' }, /disable_notification: expected Boolean/],
    ['text over 4096 characters', { chat_id: 1, text: 'a'.repeat(4097) }, /text: 4097 characters, allowed 1-4096/],
    ['callback_data over 64 bytes', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'đ'.repeat(33) }]] } }, /callback_data: 66 bytes, allowed 1-64/],
    ['unescaped HTML in text', { chat_id: 1, text: 'a <script> b', parse_mode: 'HTML' }, /can't parse entities: unsupported start tag "script"/],
    ['a bare ampersand in HTML', { chat_id: 1, text: 'R&D', parse_mode: 'HTML' }, /unsupported entity/],
  ])('refuses %s with 400 and records the violation', async (_name, params, expected) => {
    tg = await startTelegramStandIn();
    const response = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    expect(response.status).toBe(400);
    expect(tg.violations.join('\n')).toMatch(expected);
  });

  it('counts HTML text after entity parsing, as Telegram does', async () => {
    tg = await startTelegramStandIn();
    await apiFor(tg).sendMessage(1, `<b>${'a'.repeat(4090)}</b>&amp;`, { parse_mode: 'HTML' });
    expect(tg.violations).toEqual([]);
  });

  it('answers 404 for a method that does not exist and 401 for a wrong token', async () => {
    tg = await startTelegramStandIn();
    const response = await fetch(`${tg.apiRoot}/bot${tg.token}/sendTelepathy`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(tg.violations).toEqual(['sendTelepathy: no such method in Bot API 10.1']);
    const wrong = new Api('1:wrong', { apiRoot: tg.apiRoot });
    await expect(wrong.getMe()).rejects.toMatchObject({ error_code: 401 });
  });

  it('enforces 1 message/s per private chat with 429 and retry_after', async () => {
    tg = await startTelegramStandIn();
    const api = apiFor(tg);
    await api.sendMessage(7, 'one');
    const error = await api.sendMessage(7, 'two').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(1);
    await api.sendMessage(8, 'another chat is fine');
    expect(tg.tooManyRequests).toBe(1);
  });

  it('enforces 20 messages/min per group and 30/s overall', async () => {
    tg = await startTelegramStandIn();
    const api = apiFor(tg);
    for (let i = 0; i < 20; i++) await api.sendMessage(-100, `g${i}`);
    await expect(api.sendMessage(-100, 'g21')).rejects.toMatchObject({ error_code: 429 });
    for (let i = 0; i < 9; i++) await api.sendMessage(1000 + i, 'x');
    // 20 + 9 = 29 sent in this second (the refused one does not count); one more fits, the next does not.
    await api.sendMessage(2000, 'x');
    await expect(api.sendMessage(2001, 'x')).rejects.toMatchObject({ error_code: 429 });
  });

  it('answers 403 for a chat that blocked the bot, and injected 429/500/dropped connections', async () => {
    tg = await startTelegramStandIn({ limits: false });
    const api = apiFor(tg);
    tg.blockChat(5);
    await expect(api.sendMessage(5, 'x')).rejects.toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    tg.failNext(1, '429', 3);
    await expect(api.sendMessage(6, 'x')).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    tg.failNext(1, '500');
    await expect(api.sendMessage(6, 'x')).rejects.toMatchObject({ error_code: 500 });
    tg.failNext(1, 'drop');
    await expect(api.sendMessage(6, 'x')).rejects.toThrow();
    await expect(api.sendMessage(6, 'x')).resolves.toMatchObject({ chat: { id: 6 } });
  });

  it('feeds pushed updates to a long-polling getUpdates and forgets confirmed ones', async () => {
    tg = await startTelegramStandIn();
    const api = apiFor(tg);
    const polling = api.getUpdates({ timeout: 2 });
    const id = tg.pushUpdate(tg.makeMessageUpdate({ chatId: 9, text: '/start abc' }));
    const got = await polling;
    expect(got.map((u) => u.update_id)).toEqual([id]);
    expect(got[0]!.message?.text).toBe('/start abc');
    expect(await api.getUpdates({ offset: id + 1, timeout: 0 })).toEqual([]);
    expect(tg.violations).toEqual([]);
  });

  it('edits keep the message and refuse an edit that changes nothing', async () => {
    tg = await startTelegramStandIn();
    const api = apiFor(tg);
    const sent = await api.sendMessage(3, 'card', { reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'x' }]] } });
    await api.editMessageText(3, sent.message_id, 'card (done)');
    expect(tg.messagesTo(3)[0]).toMatchObject({ text: 'card (done)', replyMarkup: undefined, edits: 1 });
    await expect(api.editMessageText(3, sent.message_id, 'card (done)')).rejects.toMatchObject({ error_code: 400 });
  });
});
