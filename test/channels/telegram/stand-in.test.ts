// The stand-in must catch what real Telegram would refuse, or the bot tests prove nothing.
import { Api, GrammyError, InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPng } from '../../../src/reports/charts/render-png.ts';
import { decodePng } from '../../helpers/png.ts';
import { startTelegramStandIn, type TelegramStandIn } from '../../helpers/telegram/stand-in.ts';

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

describe('file uploads (sendDocument, sendPhoto)', () => {
  const PNG = renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#e53935"/></svg>');

  /** A multipart/form-data body built by hand, as another client than grammY would write it. */
  function multipart(parts: Array<{ name: string; value: string | Buffer; fileName?: string }>) {
    const boundary = 'xYzBoundary42';
    const chunks: Buffer[] = [];
    for (const p of parts) {
      const disposition = `form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"` : ''}`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.fileName ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(chunks) };
  }

  it('takes a document grammY uploads (multipart, attach://) and keeps its name, size and bytes', async () => {
    tg = await startTelegramStandIn();
    const bytes = Buffer.from('PK\u0003\u0004 not really a workbook, but bytes all the same \u0000\u00ff', 'latin1');
    const sent = await apiFor(tg).sendDocument(42, new InputFile(bytes, 'báo-cáo Q4.xlsx'), { caption: '<b>Báo cáo</b> 2025', parse_mode: 'HTML' });
    expect(tg.violations).toEqual([]);
    expect(sent.document).toMatchObject({ file_name: 'báo-cáo Q4.xlsx', file_size: bytes.length });
    expect(sent.caption).toBe('Báo cáo 2025');
    const [file] = tg.filesTo(42);
    expect(file).toMatchObject({ kind: 'document', fileName: 'báo-cáo Q4.xlsx', size: bytes.length, caption: '<b>Báo cáo</b> 2025' });
    expect(file!.bytes!.equals(bytes)).toBe(true);
    // The caption stays a string although it looks like a number on the wire.
    const call = tg.callsTo('sendDocument')[0]!;
    expect(call.params.chat_id).toBe(42);
  });

  it('takes a photo upload that is an image and reads its size; refuses bytes that are not one', async () => {
    tg = await startTelegramStandIn({ limits: false });
    const api = apiFor(tg);
    const sent = await api.sendPhoto(7, new InputFile(PNG, 'chart.png'), { caption: 'Tiến độ' });
    expect(sent.photo?.[0]).toMatchObject({ width: 40, height: 30, file_size: PNG.length });
    const photo = tg.filesTo(7)[0]!;
    expect(photo.kind).toBe('photo');
    expect(decodePng(photo.bytes!).pixel(20, 15).slice(0, 3)).toEqual([0xe5, 0x39, 0x35]);
    await expect(api.sendPhoto(7, new InputFile(Buffer.from('plain text'), 'x.png'))).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });
    expect(tg.violations).toEqual(['sendPhoto.photo: IMAGE_PROCESS_FAILED']);
  });

  it('refuses to edit a photo\'s caption as text, as Telegram does', async () => {
    tg = await startTelegramStandIn({ limits: false });
    const api = apiFor(tg);
    const sent = await api.sendPhoto(7, new InputFile(PNG, 'chart.png'), { caption: 'Tuần này' });
    await expect(api.editMessageText(7, sent.message_id, 'Quý này')).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: there is no text in the message to edit' });
    expect(tg.messagesTo(7)[0]!.text).toBe('Tuần này');
  });

  it('takes a file_id or URL string instead of an upload, as JSON', async () => {
    tg = await startTelegramStandIn({ limits: false });
    const api = apiFor(tg);
    await api.sendDocument(5, 'BQACAgIAAxkBAAIB');
    await api.sendPhoto(5, 'https://example.org/chart.png');
    expect(tg.violations).toEqual([]);
    expect(tg.filesTo(5).map((f) => [f.kind, f.reference, f.bytes])).toEqual([
      ['document', 'BQACAgIAAxkBAAIB', undefined],
      ['photo', 'https://example.org/chart.png', undefined],
    ]);
  });

  it('takes a part named as the field (curl -F photo=@chart.png) and decodes form fields by their type', async () => {
    tg = await startTelegramStandIn();
    const { headers, body } = multipart([
      { name: 'chat_id', value: '-100200' },
      { name: 'caption', value: '2025' },
      { name: 'disable_notification', value: 'true' },
      { name: 'reply_markup', value: JSON.stringify({ inline_keyboard: [[{ text: 'b', callback_data: 'r:q:1' }]] }) },
      { name: 'photo', value: PNG, fileName: 'chart.png' },
    ]);
    const response = await fetch(`${tg.apiRoot}/bot${tg.token}/sendPhoto`, { method: 'POST', headers, body });
    expect(response.status).toBe(200);
    expect(tg.violations).toEqual([]);
    const { params } = tg.callsTo('sendPhoto')[0]!;
    expect(params).toMatchObject({ chat_id: -100200, caption: '2025', disable_notification: true, reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'r:q:1' }]] } });
    expect(tg.filesTo(-100200)[0]).toMatchObject({ fileName: 'chart.png', size: PNG.length });
  });

  it.each([
    ['a file object in a JSON body', 'json', /document: .*none of InputFile \| String/],
    ['attach:// naming a part that was not sent', 'missing-part', /sendDocument.document: wrong file identifier/],
    ['an unknown field next to the file', 'unknown-field', /sendDocument.colour: unknown field/],
    ['a caption over 1024 characters', 'long-caption', /caption: 1025 characters, allowed 0-1024/],
  ])('refuses %s with 400 and records the violation', async (_name, kind, expected) => {
    tg = await startTelegramStandIn();
    const base = [{ name: 'chat_id', value: '9' }];
    const request =
      kind === 'json' ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: 9, document: { name: 'x.xlsx' } }) }
      : kind === 'missing-part' ? multipart([...base, { name: 'document', value: 'attach://file0' }, { name: 'file1', value: 'abc', fileName: 'a.xlsx' }])
      : kind === 'unknown-field' ? multipart([...base, { name: 'colour', value: 'red' }, { name: 'document', value: 'abc', fileName: 'a.xlsx' }])
      : multipart([...base, { name: 'caption', value: 'a'.repeat(1025) }, { name: 'document', value: 'abc', fileName: 'a.xlsx' }]);
    const response = await fetch(`${tg.apiRoot}/bot${tg.token}/sendDocument`, { method: 'POST', ...request });
    expect(response.status).toBe(400);
    expect(tg.violations.join('\n')).toMatch(expected);
    expect(tg.filesTo(9)).toEqual([]);
  });

  it('refuses a body that is not well-formed multipart', async () => {
    tg = await startTelegramStandIn();
    const response = await fetch(`${tg.apiRoot}/bot${tg.token}/sendDocument`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      body: '--abc\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n9\r\n',
    });
    expect(response.status).toBe(400);
    expect(tg.violations.join('\n')).toMatch(/not closed by its final boundary/);
  });
});
