// A stand-in of the Zalo Bot Platform API on 127.0.0.1 for tests, holding every call to the
// documented methods, fields and limits (../shared/zalo/README.md): POST JSON to
// /bot<token>/<method>; getUpdates gives ONE update per call, no offset, and 408 when none
// came within the timeout; sendMessage takes a string chat_id and 1-2,000 characters of text.
// A call that breaks the rules gets an error and is kept in `violations`, which tests check.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Check = (body: Record<string, unknown>) => string | undefined;
const str = (v: unknown) => typeof v === 'string';
const isHttps = (v: unknown) => typeof v === 'string' && /^https:\/\/\S+$/.test(v);

/** Each documented method: its fields (required marked by !) and extra checks. */
const METHODS: Record<string, { fields: string[]; check?: Check }> = {
  getMe: { fields: [] },
  getUpdates: { fields: ['timeout'], check: (b) => (b.timeout !== undefined && !(str(b.timeout) && /^\d+$/.test(b.timeout as string)) ? 'timeout must be a string of seconds' : undefined) },
  setWebhook: { fields: ['url!', 'secret_token!'], check: (b) => (!isHttps(b.url) ? 'url must be https' : !(str(b.secret_token) && (b.secret_token as string).length >= 8 && (b.secret_token as string).length <= 256) ? 'secret_token must be 8-256 characters' : undefined) },
  getWebhookInfo: { fields: [] },
  deleteWebhook: { fields: [] },
  sendMessage: { fields: ['chat_id!', 'text!'], check: (b) => (!str(b.chat_id) ? 'chat_id must be a string' : !(str(b.text) && (b.text as string).length >= 1 && (b.text as string).length <= 2000) ? 'text must be 1-2000 characters' : undefined) },
  sendPhoto: { fields: ['chat_id!', 'photo!', 'caption'], check: (b) => (!str(b.chat_id) ? 'chat_id must be a string' : !isHttps(b.photo) ? 'photo must be an https URL' : b.caption !== undefined && !(str(b.caption) && (b.caption as string).length >= 1 && (b.caption as string).length <= 2000) ? 'caption must be 1-2000 characters' : undefined) },
  sendSticker: { fields: ['chat_id!', 'sticker!'] },
  sendChatAction: { fields: ['chat_id!', 'action!'] },
};

export interface ZaloCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ZaloStored {
  chatId: string;
  messageId: string;
  /** The text, or a photo's caption. */
  text: string;
  /** sendPhoto's URL (Zalo fetches it; tests fetch it too). */
  photo?: string;
}

type Fault = '429' | '500' | 'blocked';

export async function startZaloStandIn(options: { token?: string } = {}) {
  const token = options.token ?? '4242424242:zalo-stand-in-secret-abcdef';
  const calls: ZaloCall[] = [];
  const violations: string[] = [];
  const messages: ZaloStored[] = [];
  const pending: unknown[] = [];
  const waiting: Array<(update: unknown) => void> = [];
  const faults: Fault[] = [];
  let webhook: { url: string; secret: string } | undefined;
  let nextMessage = 1;
  let nextIncoming = 1;

  function answer(res: ServerResponse, status: number, payload: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }
  const fail = (res: ServerResponse, code: number, description: string) => answer(res, code === 408 ? 200 : code, { ok: false, error_code: code, description });

  async function readBody(req: IncomingMessage): Promise<string> {
    let data = '';
    for await (const chunk of req) data += chunk;
    return data;
  }

  const server = createServer(async (req, res) => {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) {
      violations.push(`${req.method} ${req.url}: not a POST to /bot<token>/<method>`);
      return fail(res, 404, 'Not Found');
    }
    if (m[1] !== token) return fail(res, 401, 'Unauthorized');
    const method = m[2]!;
    let body: Record<string, unknown>;
    try {
      const text = await readBody(req);
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      violations.push(`${method}: body is not JSON`);
      return fail(res, 400, 'Bad Request: body is not JSON');
    }
    calls.push({ method, body, at: Date.now() });
    const spec = METHODS[method];
    if (!spec) {
      violations.push(`${method}: not a documented method`);
      return fail(res, 404, `Method ${method} not found`);
    }
    const known = new Set(spec.fields.map((f) => f.replace('!', '')));
    const problems = [
      ...Object.keys(body).filter((k) => !known.has(k)).map((k) => `unknown field ${k}`),
      ...spec.fields.filter((f) => f.endsWith('!') && body[f.slice(0, -1)] === undefined).map((f) => `missing ${f.slice(0, -1)}`),
    ];
    const extra = problems.length ? undefined : spec.check?.(body);
    if (problems.length || extra) {
      const why = [...problems, ...(extra ? [extra] : [])].join(', ');
      violations.push(`${method}: ${why}`);
      return fail(res, 400, `Bad Request: ${why}`);
    }

    switch (method) {
      case 'getMe':
        return answer(res, 200, { ok: true, result: { id: token.split(':')[0], account_name: 'nhacviec_bot', account_type: 'BASIC', can_join_groups: false } });
      case 'getUpdates': {
        if (webhook) return fail(res, 409, 'Conflict: a webhook is set');
        const next = pending.shift();
        if (next) return answer(res, 200, { ok: true, result: next });
        const seconds = body.timeout ? Number(body.timeout) : 30;
        const timer = setTimeout(() => {
          const i = waiting.indexOf(deliver);
          if (i >= 0) waiting.splice(i, 1);
          fail(res, 408, 'Request timeout');
        }, seconds * 1000);
        const deliver = (update: unknown) => {
          clearTimeout(timer);
          answer(res, 200, { ok: true, result: update });
        };
        waiting.push(deliver);
        req.on('close', () => {
          const i = waiting.indexOf(deliver);
          if (i >= 0 && res.writableEnded === false) {
            waiting.splice(i, 1);
            clearTimeout(timer);
          }
        });
        return;
      }
      case 'setWebhook':
        webhook = { url: body.url as string, secret: body.secret_token as string };
        return answer(res, 200, { ok: true, result: { url: webhook.url, updated_at: Date.now() } });
      case 'getWebhookInfo':
        return answer(res, 200, { ok: true, result: { url: webhook?.url ?? '', updated_at: Date.now() } });
      case 'deleteWebhook':
        webhook = undefined;
        return answer(res, 200, { ok: true, result: { url: '', updated_at: Date.now() } });
      case 'sendMessage':
      case 'sendPhoto': {
        const fault = faults.shift();
        if (fault === '429') return fail(res, 429, 'Too Many Requests');
        if (fault === '500') return fail(res, 500, 'Internal Server Error');
        if (fault === 'blocked') return fail(res, 403, 'The user has blocked the bot');
        const messageId = `zm${nextMessage++}`;
        messages.push({ chatId: body.chat_id as string, messageId, text: (body.text ?? body.caption ?? '') as string, ...(method === 'sendPhoto' ? { photo: body.photo as string } : {}) });
        return answer(res, 200, { ok: true, result: { message_id: messageId, date: Date.now() } });
      }
      default:
        return answer(res, 200, { ok: true, result: true });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  /** An event as Zalo sends it, for a person writing in a private chat. */
  function makeEvent(input: { chatId: string; text?: string; photo?: string; name?: string; messageId?: string }) {
    const message = {
      message_id: input.messageId ?? `in${nextIncoming++}`,
      date: Date.now(),
      chat: { id: input.chatId, chat_type: 'PRIVATE' },
      from: { id: input.chatId, display_name: input.name ?? 'Cán bộ', is_bot: false },
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.photo ? { photo: input.photo } : {}),
    };
    return { event_name: input.photo ? 'message.image.received' : 'message.text.received', message };
  }

  return {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    violations,
    makeEvent,
    /** Queues an incoming message for getUpdates (handed at once to a poll that is waiting). */
    pushMessage(input: Parameters<typeof makeEvent>[0]) {
      const event = makeEvent(input);
      const waiter = waiting.shift();
      if (waiter) waiter(event);
      else pending.push(event);
      return event;
    },
    messagesTo(chatId: string): ZaloStored[] {
      return messages.filter((m) => m.chatId === chatId);
    },
    callsTo(method: string): ZaloCall[] {
      return calls.filter((c) => c.method === method);
    },
    /** The next sends fail: 429, 500, or the recipient has blocked the bot. */
    failNext(fault: Fault, count = 1) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    get webhook() {
      return webhook;
    },
    async close() {
      for (const waiter of waiting.splice(0)) waiter({});
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type ZaloStandIn = Awaited<ReturnType<typeof startZaloStandIn>>;
