// The sandbox's HTTP side without the service: the Bot API as grammY's own client calls it,
// the page's API, and the refusals.
import Fastify, { type FastifyInstance } from 'fastify';
import { Api, GrammyError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/messages/i18n.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { registerSandboxRoutes } from '../../src/sandbox/routes.ts';

const OFFICER = 710001;
let app: FastifyInstance | undefined;

async function serve(options: { realTokenConfigured?: boolean } = {}) {
  const sandbox = createSandbox();
  app = Fastify();
  await registerSandboxRoutes(app, {
    api: sandbox.api, token: sandbox.token, realTokenConfigured: options.realTokenConfigured ?? false, httpHost: '127.0.0.1',
    remindNow: async () => ({ problem: 'no-open-task' }),
    info: { database: 'nhacviec_sandbox', fastClock: 1 }, i18n: createI18n(),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return { sandbox, url, api: new Api(sandbox.token, { apiRoot: `${url}/sandbox` }) };
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the sandbox over HTTP', () => {
  it("grammY's Api talks to it as to Telegram: results, and 400s as GrammyError", async () => {
    const { api, sandbox } = await serve();
    expect((await api.getMe()).username).toBe('nhacviec_sandbox_bot');
    const sent = await api.sendMessage(OFFICER, '<b>Nhắc việc</b>', { parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ text: '✅ Hoàn thành', callback_data: 't:done:1:1:0' }]] } });
    expect(sent.text).toBe('Nhắc việc');
    expect(sandbox.api.view(OFFICER).messages).toHaveLength(1);
    const err = await api.sendMessage(OFFICER, 'x', { reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'x'.repeat(65) }]] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(400);
  });

  it('a wrong token is 401; with a real token configured every sandbox route is 403', async () => {
    const { url } = await serve();
    expect((await fetch(`${url}/sandbox/bot1:nope/getMe`, { method: 'POST' })).status).toBe(401);
    await app!.close();
    const refused = await serve({ realTokenConfigured: true });
    expect((await fetch(`${refused.url}/`)).status).toBe(403);
    const err = await refused.api.getMe().catch((e: unknown) => e);
    expect((err as GrammyError).error_code).toBe(403);
  });

  it('the page API: a message, a file as a document, an unknown chat 404, remind-now with nothing open 409', async () => {
    const { url, sandbox } = await serve();
    const post = (path: string, body: unknown, type = 'application/json') =>
      fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body: type === 'application/json' ? JSON.stringify(body) : new Uint8Array(body as Buffer) });
    expect((await post(`/sandbox/api/chats/${OFFICER}/messages`, { text: '/tasks' })).status).toBe(202);
    expect((await post(`/sandbox/api/chats/${OFFICER}/documents?name=bien-ban.pdf&type=application/pdf`, Buffer.from('%PDF'), 'application/octet-stream')).status).toBe(202);
    expect(sandbox.api.view(OFFICER).messages.map((m) => m.document?.fileName ?? m.text)).toEqual(['/tasks', 'bien-ban.pdf']);
    expect((await post('/sandbox/api/chats/42/messages', { text: 'x' })).status).toBe(404);
    expect((await post(`/sandbox/api/chats/${OFFICER}/messages`, { text: '   ' })).status).toBe(400);
    expect((await post(`/sandbox/api/chats/${OFFICER}/remind-now`, {})).status).toBe(409);
  });

  it('refuses a host name that is neither loopback, HTTP_HOST nor an IP address (DNS rebinding)', async () => {
    await serve();
    expect((await app!.inject({ url: '/', headers: { host: 'rebind.example:3000' } })).statusCode).toBe(403);
    expect((await app!.inject({ url: '/', headers: { host: 'localhost:3000' } })).statusCode).toBe(200);
    expect((await app!.inject({ url: '/', headers: { host: '[::1]:3000' } })).statusCode).toBe(200);
  });

  it('serves the page in Vietnamese (English with ?lang=en) under a strict CSP', async () => {
    const { url } = await serve();
    const vi = await fetch(`${url}/`);
    expect(vi.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await vi.text()).toContain('<html lang="vi">');
    expect(await (await fetch(`${url}/?lang=en`)).text()).toContain('This is a sandbox');
  });
});
