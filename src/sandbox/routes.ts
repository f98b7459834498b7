// The sandbox on the service's HTTP server: the Bot API the bot calls (as TELEGRAM_API_ROOT),
// the chat page's static files, and the small JSON API the page talks through. Registered
// only in sandbox mode, and each route refuses if a real bot token is configured.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BotApiError, type SandboxBotApi } from './bot-api.ts';
import { isAllowedHost, isSameOrigin } from './mode.ts';
import type { RemindNowResult } from './remind-now.ts';
import { SANDBOX_PEOPLE } from './demo-plan.ts';
import { LOCALES, type Translator } from '../messages/i18n.ts';
import { fillPage, pageLocale, scriptTexts } from './page-texts.ts';

/** How long the page's request for news waits before answering "nothing new". */
const PAGE_WAIT_MS = 20_000;
/** Evidence files the page may attach (the sandbox records name and size, not the content). */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_FILE_NAME = 200;

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/sandbox/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/sandbox/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};
/** The page runs only its own script and styles; nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export interface SandboxRouteDeps {
  api: SandboxBotApi;
  token: string;
  /** True when a real TELEGRAM_BOT_TOKEN is set: every sandbox route then refuses. */
  realTokenConfigured: boolean;
  /** HTTP_HOST: a Host header naming it is accepted besides loopback and IP addresses. */
  httpHost: string;
  remindNow(chatId: number): Promise<RemindNowResult>;
  /** Facts the page shows: the demo database's name, the fast clock's factor. */
  info: { database: string; fastClock: number };
  i18n: Translator;
}

const KNOWN_CHATS = new Set<number>(SANDBOX_PEOPLE.map((p) => p.chatId));

function botApiReply(reply: FastifyReply, err: unknown) {
  if (err instanceof BotApiError) {
    return reply.code(err.code).send({ ok: false, error_code: err.code, description: err.description, ...(err.parameters ? { parameters: err.parameters } : {}) });
  }
  throw err;
}

export async function registerSandboxRoutes(app: FastifyInstance, deps: SandboxRouteDeps): Promise<void> {
  const publicDir = new URL('./public/', import.meta.url);
  const files = Object.fromEntries(Object.entries(STATIC_FILES).map(([path, f]) => [path, { ...f, body: readFileSync(new URL(f.file, publicDir)) }]));
  const template = readFileSync(new URL('index.html', publicDir), 'utf8');
  const pages = Object.fromEntries(LOCALES.map((locale) => [locale, fillPage(template, deps.i18n, locale, { database: deps.info.database })]));
  const secure = (reply: FastifyReply, type: string) =>
    reply.header('content-type', type).header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache');

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

    scope.addHook('onRequest', async (request, reply) => {
      if (deps.realTokenConfigured) return reply.code(403).send({ ok: false, error_code: 403, description: 'Forbidden: the sandbox is off while a real bot token is configured' });
      // Another site open in the same browser may not drive the sandbox.
      if (!isAllowedHost(request.headers.host, deps.httpHost)) return reply.code(403).send({ error: 'unknown host name refused' });
      if (!isSameOrigin(request.headers.origin, request.headers.host)) return reply.code(403).send({ error: 'cross-origin request refused' });
    });

    for (const [path, file] of Object.entries(files)) scope.get(path, async (_request, reply) => secure(reply, file.type).send(file.body));
    // Vietnamese first; ?lang=en for English.
    scope.get<{ Querystring: { lang?: string } }>('/', async (request, reply) => secure(reply, 'text/html; charset=utf-8').send(pages[pageLocale(request.query.lang)]));

    // The Bot API, as https://api.telegram.org/bot<token>/<method> answers it.
    const botApi = async (request: FastifyRequest<{ Params: { token: string; method: string } }>, reply: FastifyReply) => {
      if (request.params.token !== deps.token) return reply.code(401).send({ ok: false, error_code: 401, description: 'Unauthorized' });
      const body = request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body) ? (request.body as Record<string, unknown>) : {};
      const params = { ...(request.query as Record<string, unknown>), ...body };
      try {
        return reply.send({ ok: true, result: await deps.api.call(request.params.method, params) });
      } catch (err) {
        return botApiReply(reply, err);
      }
    };
    scope.post('/sandbox/bot:token/:method', botApi);
    scope.get('/sandbox/bot:token/:method', botApi);

    scope.get<{ Querystring: { lang?: string } }>('/sandbox/api/people', async (request) => ({
      bot: deps.api.botUser.username,
      people: SANDBOX_PEOPLE.map(({ chatId, name, unit, role, label }) => ({ chatId, name, unit, role, label })),
      ...deps.info,
      texts: scriptTexts(deps.i18n, pageLocale(request.query.lang)),
    }));

    const chatOf = (request: FastifyRequest<{ Params: { chatId: string } }>, reply: FastifyReply): number | undefined => {
      const chatId = Number(request.params.chatId);
      if (KNOWN_CHATS.has(chatId)) return chatId;
      void reply.code(404).send({ error: 'no such sandbox chat' });
      return undefined;
    };

    scope.get<{ Params: { chatId: string }; Querystring: { version?: string } }>('/sandbox/api/chats/:chatId', async (request, reply) => {
      const chatId = chatOf(request, reply);
      if (chatId === undefined) return reply;
      const version = Number(request.query.version ?? -1);
      await deps.api.waitForChange(chatId, version, PAGE_WAIT_MS);
      return deps.api.view(chatId);
    });

    scope.post<{ Params: { chatId: string }; Body: { text?: unknown } }>('/sandbox/api/chats/:chatId/messages', async (request, reply) => {
      const chatId = chatOf(request, reply);
      if (chatId === undefined) return reply;
      const text = typeof request.body?.text === 'string' ? request.body.text : '';
      try {
        deps.api.userSendsText(chatId, text);
      } catch (err) {
        if (err instanceof BotApiError) return reply.code(400).send({ error: err.description });
        throw err;
      }
      return reply.code(202).send({ ok: true });
    });

    scope.post<{ Params: { chatId: string }; Body: { messageId?: unknown; data?: unknown } }>('/sandbox/api/chats/:chatId/presses', async (request, reply) => {
      const chatId = chatOf(request, reply);
      if (chatId === undefined) return reply;
      try {
        deps.api.userPresses(chatId, Number(request.body?.messageId), String(request.body?.data ?? ''));
      } catch (err) {
        if (err instanceof BotApiError) return reply.code(400).send({ error: err.description });
        throw err;
      }
      return reply.code(202).send({ ok: true });
    });

    scope.post<{ Params: { chatId: string }; Querystring: { name?: string; type?: string } }>('/sandbox/api/chats/:chatId/documents', async (request, reply) => {
      const chatId = chatOf(request, reply);
      if (chatId === undefined) return reply;
      if (!Buffer.isBuffer(request.body)) return reply.code(415).send({ error: 'send the file as application/octet-stream' });
      const fileName = String(request.query.name ?? '').trim().slice(0, MAX_FILE_NAME) || 'tep-dinh-kem';
      const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(request.query.type ?? '') ? request.query.type! : 'application/octet-stream';
      deps.api.userSendsDocument(chatId, { fileName, mimeType, size: request.body.length });
      return reply.code(202).send({ ok: true });
    });

    scope.post<{ Params: { chatId: string } }>('/sandbox/api/chats/:chatId/remind-now', async (request, reply) => {
      const chatId = chatOf(request, reply);
      if (chatId === undefined) return reply;
      const result = await deps.remindNow(chatId);
      return reply.code('problem' in result ? 409 : 202).send(result);
    });
  });
}
