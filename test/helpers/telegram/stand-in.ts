// A stand-in of the Telegram Bot API on 127.0.0.1 for tests and benchmarks.
// It answers like Telegram (ok/result, error_code/description, 429 with retry_after),
// enforces the flood limits, holds every call against the real API description,
// feeds updates through getUpdates or a webhook, and can be told to misbehave.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { plainTextOfHtml } from './html-check.ts';
import { checkCall } from './spec-check.ts';

export interface FloodLimits {
  /** Messages per second across all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Messages per second to one private chat (Telegram: about 1). */
  privatePerSecond: number;
  /** Messages per minute to one group (Telegram: 20). */
  groupPerMinute: number;
}

export const TELEGRAM_LIMITS: FloodLimits = { globalPerSecond: 30, privatePerSecond: 1, groupPerMinute: 20 };

export interface StandInOptions {
  token?: string;
  botUsername?: string;
  /** false turns flood control off. */
  limits?: FloodLimits | false;
  /**
   * Idle keep-alive of client connections (default 1,000 ms). Node's http.Agent takes 1 s off the
   * server's Keep-Alive hint, so at 1 s every call opens a new connection; Telegram keeps them open,
   * which benchmarks of a bot's CPU per update want to mirror.
   */
  keepAliveTimeoutMs?: number;
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  status: number;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  text: string;
  replyMarkup?: unknown;
  edits: number;
  deleted?: boolean;
}

type Fault = '429' | '500' | 'drop';

interface PendingPoll {
  resolve: (updates: unknown[]) => void;
  timer: NodeJS.Timeout;
  offset: number;
  limit: number;
}

/** The largest file a bot may download (getFile's description). */
const BOT_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** Methods that deliver a new message and so count against flood limits. */
const SENDING = /^(send[A-Z]|copyMessage|forwardMessage)/;

export async function startTelegramStandIn(options: StandInOptions = {}) {
  const token = options.token ?? '123456789:TEST-stand-in-token-aaaaaaaaaaaaaaaa';
  const botId = Number(token.split(':')[0]);
  const botInfo = {
    id: botId,
    is_bot: true as const,
    first_name: 'Nhắc Việc',
    username: options.botUsername ?? 'nhacviec_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  };
  const limits = options.limits === undefined ? TELEGRAM_LIMITS : options.limits;

  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  const messages = new Map<number, StoredMessage[]>();
  const blocked = new Set<number>();
  const admins = new Map<number, Set<number>>();
  const faults: Array<{ kind: Fault; retryAfter: number; methods?: RegExp }> = [];
  const sendTimes: number[] = [];
  const chatSendTimes = new Map<number, number[]>();
  let tooManyRequests = 0;
  /** Which limit each flood 429 enforced. */
  const floodKinds = { global: 0, chat: 0 };
  /** When the first flood 429s were answered (epoch ms), to see where a benchmark hit the limits. */
  const floodTimes: number[] = [];

  /** Files users sent, by file_id: what getFile describes and /file/bot<token>/<path> serves. */
  const files = new Map<string, { bytes: Buffer; path: string }>();
  const downloads: string[] = [];
  const updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  let nextUpdateId = 1000;
  let nextMessageId = new Map<number, number>();
  const polls = new Set<PendingPoll>();
  let webhook: { url: string; secret?: string } | undefined;
  const webhookResults: Array<{ updateId: number; status: number }> = [];

  function ok(res: ServerResponse, result: unknown) {
    send(res, 200, { ok: true, result });
  }
  function fail(res: ServerResponse, code: number, description: string, parameters?: Record<string, unknown>) {
    send(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
  }
  function send(res: ServerResponse, status: number, body: unknown) {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  }

  /** An update with a message a user sent in their private chat with the bot: `content` is what it carries. */
  function privateMessageUpdate(input: { chatId: number; from?: { id: number; first_name?: string } }, content: Record<string, unknown>) {
    const from = { is_bot: false, first_name: 'Cán bộ', ...(input.from ?? { id: input.chatId }) };
    return {
      update_id: nextUpdateId++,
      message: { message_id: nextUserMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: input.chatId, type: 'private', first_name: from.first_name }, from, ...content },
    };
  }

  function chatOf(chatId: number) {
    return chatId > 0
      ? { id: chatId, type: 'private', first_name: `User ${chatId}` }
      : { id: chatId, type: 'supergroup', title: `Group ${chatId}` };
  }

  /** Seconds to wait before this send would be within the limits, or 0 when it may go now. */
  function floodWait(chatId: number, now: number): number {
    if (!limits) return 0;
    const prune = (list: number[], windowMs: number) => {
      while (list.length && list[0]! <= now - windowMs) list.shift();
    };
    prune(sendTimes, 1000);
    let waitMs = 0;
    if (sendTimes.length >= limits.globalPerSecond) {
      waitMs = Math.max(waitMs, sendTimes[0]! + 1000 - now);
      floodKinds.global++;
    }
    const perChat = chatSendTimes.get(chatId) ?? [];
    const [max, windowMs] = chatId > 0 ? [limits.privatePerSecond, 1000] : [limits.groupPerMinute, 60_000];
    prune(perChat, windowMs);
    if (perChat.length >= max) {
      waitMs = Math.max(waitMs, perChat[0]! + windowMs - now);
      floodKinds.chat++;
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  function recordSend(chatId: number, now: number) {
    sendTimes.push(now);
    const perChat = chatSendTimes.get(chatId) ?? [];
    perChat.push(now);
    chatSendTimes.set(chatId, perChat);
  }

  function storeMessage(chatId: number, text: string, replyMarkup: unknown): StoredMessage {
    const id = (nextMessageId.get(chatId) ?? 0) + 1;
    nextMessageId.set(chatId, id);
    const message: StoredMessage = { chatId, messageId: id, text, replyMarkup, edits: 0 };
    messages.set(chatId, [...(messages.get(chatId) ?? []), message]);
    return message;
  }

  function messageResult(m: StoredMessage) {
    return {
      message_id: m.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(m.chatId),
      from: { id: botId, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      text: plainTextOfHtml(m.text),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    };
  }

  function deliverPolls() {
    for (const poll of polls) {
      const ready = updates.filter((u) => u.update_id >= poll.offset).slice(0, poll.limit);
      if (ready.length) {
        polls.delete(poll);
        clearTimeout(poll.timer);
        poll.resolve(ready);
      }
    }
  }

  async function postToWebhook(update: { update_id: number }) {
    if (!webhook) return;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(webhook.secret ? { 'x-telegram-bot-api-secret-token': webhook.secret } : {}) },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      webhookResults.push({ updateId: update.update_id, status: response.status });
    } catch {
      webhookResults.push({ updateId: update.update_id, status: 0 });
    }
  }

  function handle(method: string, params: Record<string, unknown>, res: ServerResponse) {
    const now = Date.now();
    const problems = checkCall(method, params);
    const call: RecordedCall = { method, params, at: now, status: 200 };
    calls.push(call);
    const reply = {
      ok: (result: unknown) => ok(res, result),
      fail: (code: number, description: string, parameters?: Record<string, unknown>) => {
        call.status = code;
        fail(res, code, description, parameters);
      },
    };
    if (problems.length) {
      violations.push(...problems);
      const unknownMethod = problems[0]!.includes('no such method');
      return unknownMethod ? reply.fail(404, 'Not Found') : reply.fail(400, `Bad Request: ${problems[0]}`);
    }

    const fault = faults.findIndex((f) => !f.methods || f.methods.test(method));
    if (fault >= 0) {
      const [{ kind, retryAfter }] = faults.splice(fault, 1) as [{ kind: Fault; retryAfter: number }];
      if (kind === 'drop') {
        call.status = 0;
        res.socket?.destroy();
        return;
      }
      if (kind === '429') {
        tooManyRequests++;
        return reply.fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      }
      return reply.fail(500, 'Internal Server Error');
    }

    const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
    if (chatId !== undefined && blocked.has(chatId) && SENDING.test(method)) {
      return reply.fail(403, 'Forbidden: bot was blocked by the user');
    }
    if (chatId !== undefined && SENDING.test(method)) {
      const wait = floodWait(chatId, now);
      if (wait > 0) {
        tooManyRequests++;
        if (floodTimes.length < 50) floodTimes.push(now);
        return reply.fail(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
      }
      recordSend(chatId, now);
    }

    switch (method) {
      case 'getMe':
        return reply.ok(botInfo);
      case 'getUpdates': {
        if (webhook) return reply.fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        const offset = Number(params.offset ?? 0);
        const limit = Math.min(Number(params.limit ?? 100), 100);
        // Confirming an offset forgets every earlier update, as Telegram does.
        while (updates.length && updates[0]!.update_id < offset) updates.shift();
        const ready = updates.filter((u) => u.update_id >= offset).slice(0, limit);
        const timeout = Math.min(Number(params.timeout ?? 0), 5);
        if (ready.length || timeout === 0) return reply.ok(ready);
        const poll: PendingPoll = {
          offset,
          limit,
          resolve: (list) => reply.ok(list),
          timer: setTimeout(() => {
            polls.delete(poll);
            reply.ok([]);
          }, timeout * 1000),
        };
        polls.add(poll);
        return;
      }
      case 'setWebhook':
        webhook = { url: String(params.url), secret: params.secret_token as string | undefined };
        return reply.ok(true);
      case 'deleteWebhook':
        webhook = undefined;
        return reply.ok(true);
      case 'getWebhookInfo':
        return reply.ok({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
      case 'sendMessage': {
        const message = storeMessage(chatId!, String(params.text), params.reply_markup);
        return reply.ok(messageResult(message));
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const message = messages.get(chatId!)?.find((m) => m.messageId === Number(params.message_id));
        if (!message || message.deleted) return reply.fail(400, 'Bad Request: message to edit not found');
        const text = method === 'editMessageText' ? String(params.text) : message.text;
        const markup = params.reply_markup;
        if (text === message.text && JSON.stringify(markup) === JSON.stringify(message.replyMarkup)) {
          return reply.fail(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        }
        message.text = text;
        message.replyMarkup = markup;
        message.edits++;
        return reply.ok(messageResult(message));
      }
      case 'deleteMessage': {
        const message = messages.get(chatId!)?.find((m) => m.messageId === Number(params.message_id));
        if (!message || message.deleted) return reply.fail(400, 'Bad Request: message to delete not found');
        message.deleted = true;
        return reply.ok(true);
      }
      case 'getChatMember': {
        const userId = Number(params.user_id);
        const isAdmin = admins.get(chatId!)?.has(userId) ?? false;
        return reply.ok({ status: isAdmin ? 'administrator' : 'member', user: { id: userId, is_bot: false, first_name: `User ${userId}` }, ...(isAdmin ? adminRights() : {}) });
      }
      case 'getChatAdministrators':
        return reply.ok([...(admins.get(chatId!) ?? [])].map((id) => ({ status: 'administrator', user: { id, is_bot: false, first_name: `User ${id}` }, ...adminRights() })));
      case 'getFile': {
        const id = String(params.file_id);
        const file = files.get(id);
        // A file the test did not put: described as before (evidence keeps only the id), not downloadable.
        if (!file) return reply.ok({ file_id: id, file_unique_id: `u-${id}`, file_size: 1024, file_path: `documents/${id}` });
        // "For the moment, bots can download files of up to 20MB in size" (getFile): Telegram refuses larger ones here.
        if (file.bytes.length > BOT_DOWNLOAD_LIMIT) return reply.fail(400, 'Bad Request: file is too big');
        return reply.ok({ file_id: id, file_unique_id: `u-${id}`, file_size: file.bytes.length, file_path: file.path });
      }
      default:
        // Every other valid method: Telegram would answer with its own result; true fits most setters.
        return reply.ok(true);
    }
  }

  function adminRights() {
    return {
      can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: true,
      can_restrict_members: true, can_promote_members: false, can_change_info: true, can_invite_users: true, can_post_stories: false,
      can_edit_stories: false, can_delete_stories: false,
    };
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const type = req.headers['content-type'] ?? '';
    if (!raw) return {};
    if (type.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    if (type.includes('application/x-www-form-urlencoded')) {
      // Form values are strings on the wire; Telegram decodes JSON-looking ones.
      return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, decodeFormValue(v)]));
    }
    throw new Error(`content type ${type} is not supported by the stand-in`);
  }

  const server = createServer((req, res) => {
    if (req.url === '/__stats') {
      // For benchmarks that run the stand-in in another process.
      return send(res, 200, { messages: [...messages.values()].reduce((n, list) => n + list.length, 0), chats: messages.size, tooManyRequests, floodKinds, floodTimes, violations: violations.length, firstViolations: violations.slice(0, 5) });
    }
    // Downloads, as the File object describes them: GET /file/bot<token>/<file_path>.
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec((req.url ?? '').split('?')[0]!);
    if (download) {
      if (req.method !== 'GET') return fail(res, 405, 'Method Not Allowed');
      if (download[1] !== token) return fail(res, 401, 'Unauthorized');
      const file = [...files.values()].find((f) => f.path === decodeURIComponent(download[2]!));
      if (!file) return fail(res, 404, 'Not Found');
      downloads.push(file.path);
      res.statusCode = 200;
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('content-length', String(file.bytes.length));
      return res.end(file.bytes);
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0]!);
    if (!m) return fail(res, 404, 'Not Found');
    if (m[1] !== token) return fail(res, 401, 'Unauthorized');
    readBody(req).then(
      (params) => handle(m[2]!, { ...Object.fromEntries(new URL(req.url!, 'http://x').searchParams), ...params }, res),
      (err: Error) => {
        violations.push(`${m[2]}: ${err.message}`);
        fail(res, 400, `Bad Request: ${err.message}`);
      },
    );
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let nextUserMessageId = 1_000_000;
  const standIn = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    violations,
    webhookResults,
    get tooManyRequests() {
      return tooManyRequests;
    },
    callsTo(method: string) {
      return calls.filter((c) => c.method === method);
    },
    /** Messages the bot sent to a chat, in their current state (after edits). */
    messagesTo(chatId: number): StoredMessage[] {
      return (messages.get(chatId) ?? []).filter((m) => !m.deleted);
    },
    allMessages(): StoredMessage[] {
      return [...messages.values()].flat();
    },
    pushUpdate(update: Record<string, unknown>): number {
      const full = { ...update, update_id: (update.update_id as number | undefined) ?? nextUpdateId++ };
      if (webhook) {
        void postToWebhook(full);
      } else {
        updates.push(full);
        deliverPolls();
      }
      return full.update_id;
    },
    /** `entities`: what Telegram would mark in the text (links it recognised, text links); commands are marked here. */
    makeMessageUpdate(input: { chatId: number; from?: { id: number; first_name?: string; language_code?: string; username?: string }; text: string; chatType?: 'private' | 'group' | 'supergroup'; entities?: Array<Record<string, unknown>> }) {
      const from = { is_bot: false, first_name: 'Cán bộ', ...(input.from ?? { id: input.chatId }) };
      const chat = input.chatType && input.chatType !== 'private' ? { id: input.chatId, type: input.chatType, title: `Group ${input.chatId}` } : { id: input.chatId, type: 'private', first_name: from.first_name };
      const entities = input.entities ?? (input.text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: input.text.split(/\s/)[0]!.length }] : undefined);
      return {
        update_id: nextUpdateId++,
        message: { message_id: nextUserMessageId++, date: Math.floor(Date.now() / 1000), chat, from, text: input.text, ...(entities ? { entities } : {}) },
      };
    },
    makeCallbackUpdate(input: { chatId: number; from?: { id: number; first_name?: string; language_code?: string }; messageId: number; data: string }) {
      const from = { is_bot: false, first_name: 'Cán bộ', ...(input.from ?? { id: input.chatId }) };
      const stored = messages.get(input.chatId)?.find((m) => m.messageId === input.messageId);
      return {
        update_id: nextUpdateId++,
        callback_query: {
          id: String(nextUpdateId * 7),
          from,
          chat_instance: `ci-${input.chatId}`,
          data: input.data,
          message: {
            message_id: input.messageId,
            date: Math.floor(Date.now() / 1000),
            chat: chatOf(input.chatId),
            from: { id: botId, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
            text: stored ? plainTextOfHtml(stored.text) : '',
            ...(stored?.replyMarkup ? { reply_markup: stored.replyMarkup } : {}),
          },
        },
      };
    },
    /** A document message; with `bytes` the file is held by the stand-in (getFile, download) and its size is the real one. */
    makeDocumentUpdate(input: { chatId: number; from?: { id: number; first_name?: string }; fileId: string; fileName: string; mimeType?: string; caption?: string; bytes?: Buffer; fileSize?: number }) {
      if (input.bytes) files.set(input.fileId, { bytes: input.bytes, path: `documents/file_${files.size + 1}${/\.[a-z0-9]+$/i.exec(input.fileName)?.[0] ?? ''}` });
      const document = { file_id: input.fileId, file_unique_id: `u-${input.fileId}`, file_name: input.fileName, mime_type: input.mimeType ?? 'application/pdf', file_size: input.fileSize ?? input.bytes?.length ?? 2048 };
      return privateMessageUpdate(input, { document, ...(input.caption ? { caption: input.caption } : {}) });
    },
    /** A photo as Telegram delivers it: several sizes, smallest first, no text (a caption at most). */
    makePhotoUpdate(input: { chatId: number; from?: { id: number; first_name?: string }; fileIds: string[]; caption?: string }) {
      const photo = input.fileIds.map((fileId, i) => ({ file_id: fileId, file_unique_id: `u-${fileId}`, width: 90 * 4 ** i, height: 60 * 4 ** i, file_size: 1024 * 8 ** i }));
      return privateMessageUpdate(input, { photo, ...(input.caption ? { caption: input.caption } : {}) });
    },
    /** Paths of the files the bot downloaded, in order. */
    downloads,
    blockChat(chatId: number) {
      blocked.add(chatId);
    },
    unblockChat(chatId: number) {
      blocked.delete(chatId);
    },
    setChatAdministrators(chatId: number, userIds: number[]) {
      admins.set(chatId, new Set(userIds));
    },
    /** The next n matching calls fail: 429 with retry_after, 500, or a dropped connection. */
    failNext(n: number, kind: Fault, retryAfterSeconds = 1, methods: RegExp = SENDING) {
      for (let i = 0; i < n; i++) faults.push({ kind, retryAfter: retryAfterSeconds, methods });
    },
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      for (const poll of polls) {
        clearTimeout(poll.timer);
        poll.resolve([]);
      }
      polls.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}

function decodeFormValue(value: string): unknown {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export type TelegramStandIn = Awaited<ReturnType<typeof startTelegramStandIn>>;
