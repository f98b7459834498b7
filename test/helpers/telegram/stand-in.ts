// A stand-in of the Telegram Bot API on 127.0.0.1 for tests and benchmarks.
// It answers like Telegram (ok/result, error_code/description, 429 with retry_after),
// enforces the flood limits, holds every call against the real API description,
// feeds updates through getUpdates or a webhook, and can be told to misbehave. Files come
// as Telegram takes them: uploaded in a multipart/form-data request (the field "attach://<part>"
// or the part named as the field), or a file_id or URL string; uploads are kept for tests to open.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { plainTextOfHtml } from './html-check.ts';
import { checkCall, decodeFormField, loadSpec, UploadedFile } from './spec-check.ts';

export { UploadedFile } from './spec-check.ts';

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
  /** Made in the body of the bot's answer to a webhook call, as Telegram allows. */
  viaWebhookReply?: boolean;
}

/** A document or photo a message carries: uploaded (name, size, bytes) or named by a file_id or URL. */
export interface SentFile {
  /** The file_id Telegram gives it (an upload gets a new one; a resent file keeps its own). */
  fileId: string;
  /** The file_id or URL string it was sent by, when it was not uploaded. */
  reference?: string;
  fileName?: string;
  size?: number;
  bytes?: Buffer;
  /** For photos: the image's size, read from a PNG or JPEG header. */
  width?: number;
  height?: number;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  /** The text, or a document's or photo's caption ("" without one). */
  text: string;
  replyMarkup?: unknown;
  edits: number;
  deleted?: boolean;
  document?: SentFile;
  photo?: SentFile;
}

/** Telegram's upload limits: 50 MB for a document, 10 MB for a photo (whose sides add up to at most 10,000 px, ratio at most 20). */
export const UPLOAD_LIMITS = { documentBytes: 50 * 1024 * 1024, photoBytes: 10 * 1024 * 1024, photoSides: 10_000, photoRatio: 20 } as const;

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
  const faults: Array<{ kind: Fault; retryAfter: number; methods?: RegExp; when?: (params: Record<string, unknown>) => boolean }> = [];
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

  function storeMessage(chatId: number, text: string, replyMarkup: unknown, media: Pick<StoredMessage, 'document' | 'photo'> = {}): StoredMessage {
    const id = (nextMessageId.get(chatId) ?? 0) + 1;
    nextMessageId.set(chatId, id);
    const message: StoredMessage = { chatId, messageId: id, text, replyMarkup, edits: 0, ...media };
    messages.set(chatId, [...(messages.get(chatId) ?? []), message]);
    return message;
  }

  function messageResult(m: StoredMessage) {
    return {
      message_id: m.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(m.chatId),
      from: { id: botId, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      ...(m.document || m.photo ? (m.text ? { caption: plainTextOfHtml(m.text) } : {}) : { text: plainTextOfHtml(m.text) }),
      ...(m.document ? { document: { file_id: m.document.fileId, file_unique_id: `u-${m.document.fileId}`, ...(m.document.fileName ? { file_name: m.document.fileName } : {}), ...(m.document.size !== undefined ? { file_size: m.document.size } : {}) } } : {}),
      ...(m.photo ? { photo: [{ file_id: m.photo.fileId, file_unique_id: `u-${m.photo.fileId}`, width: m.photo.width ?? 0, height: m.photo.height ?? 0, ...(m.photo.size !== undefined ? { file_size: m.photo.size } : {}) }] } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    };
  }

  let nextFileId = 1;
  /**
   * The file a sendDocument/sendPhoto call carries, or why Telegram would refuse it. An upload
   * gets a new file_id; a string is a file_id or an http(s) URL, taken as it is.
   */
  function sentFile(kind: 'document' | 'photo', value: unknown): SentFile | string {
    if (typeof value === 'string' && value.startsWith('attach://')) return 'wrong file identifier/HTTP URL specified';
    if (typeof value === 'string') return { fileId: /^https?:\/\//.test(value) ? `url-${nextFileId++}` : value, reference: value };
    if (!(value instanceof UploadedFile)) return `${kind} is not a file`;
    if (value.size === 0) return 'file must be non-empty';
    const file: SentFile = { fileId: `upload-${nextFileId++}`, fileName: value.fileName, size: value.size, bytes: value.bytes };
    if (kind === 'document') return value.size > UPLOAD_LIMITS.documentBytes ? 'Request Entity Too Large' : file;
    if (value.size > UPLOAD_LIMITS.photoBytes) return 'Request Entity Too Large';
    const dims = imageSize(value.bytes);
    if (!dims) return 'IMAGE_PROCESS_FAILED';
    const ratio = Math.max(dims.width, dims.height) / Math.max(1, Math.min(dims.width, dims.height));
    if (dims.width + dims.height > UPLOAD_LIMITS.photoSides || ratio > UPLOAD_LIMITS.photoRatio) return 'PHOTO_INVALID_DIMENSIONS';
    return { ...file, ...dims };
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
      const body = await response.text();
      webhookResults.push({ updateId: update.update_id, status: response.status });
      // Telegram runs a method named in a 200's JSON body as a call of the bot's (and reports nothing back).
      const answer = response.status === 200 && body ? (JSON.parse(body) as Record<string, unknown>) : undefined;
      if (answer && typeof answer.method === 'string') {
        const { method, ...params } = answer;
        handle(method, params, discardedResponse(), { viaWebhookReply: true });
      }
    } catch {
      webhookResults.push({ updateId: update.update_id, status: 0 });
    }
  }

  /** Where the result of a call made in a webhook answer goes: nowhere, as with Telegram. */
  function discardedResponse(): ServerResponse {
    return { statusCode: 0, setHeader: () => undefined, end: () => undefined } as unknown as ServerResponse;
  }

  function handle(method: string, params: Record<string, unknown>, res: ServerResponse, how: { viaWebhookReply?: boolean } = {}) {
    const now = Date.now();
    const problems = checkCall(method, params);
    const call: RecordedCall = { method, params, at: now, status: 200, ...(how.viaWebhookReply ? { viaWebhookReply: true } : {}) };
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

    const fault = faults.findIndex((f) => (!f.methods || f.methods.test(method)) && (!f.when || f.when(params as Record<string, unknown>)));
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
      case 'sendDocument':
      case 'sendPhoto': {
        const kind = method === 'sendDocument' ? 'document' : 'photo';
        const file = sentFile(kind, params[kind]);
        if (typeof file === 'string') {
          violations.push(`${method}.${kind}: ${file}`);
          return reply.fail(400, `Bad Request: ${file}`);
        }
        const message = storeMessage(chatId!, typeof params.caption === 'string' ? params.caption : '', params.reply_markup, { [kind]: file });
        return reply.ok(messageResult(message));
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const message = messages.get(chatId!)?.find((m) => m.messageId === Number(params.message_id));
        if (!message || message.deleted) return reply.fail(400, 'Bad Request: message to edit not found');
        // A document's or photo's caption is edited with editMessageCaption, never as text.
        if (method === 'editMessageText' && (message.document || message.photo)) return reply.fail(400, 'Bad Request: there is no text in the message to edit');
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

  async function readBody(req: IncomingMessage, method: string): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const raw = body.toString('utf8');
    const type = req.headers['content-type'] ?? '';
    if (!raw) return {};
    if (type.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    if (type.includes('application/x-www-form-urlencoded')) {
      // Form values are strings on the wire; Telegram decodes JSON-looking ones.
      return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, decodeFormValue(v)]));
    }
    if (type.includes('multipart/form-data')) return multipartParams(method, type, body);
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
    readBody(req, m[2]!).then(
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
    /** Documents and photos the bot sent to a chat, oldest first, with their bytes when uploaded. */
    filesTo(chatId: number): Array<SentFile & { kind: 'document' | 'photo'; caption: string; messageId: number }> {
      return standIn.messagesTo(chatId).flatMap((m) => {
        const file = m.document ?? m.photo;
        return file ? [{ ...file, kind: m.document ? ('document' as const) : ('photo' as const), caption: m.text, messageId: m.messageId }] : [];
      });
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
    /** The next n calls of `methods` whose parameters `when` accepts fail (an edit to one text, a send to one chat). */
    failWhen(n: number, kind: Fault, methods: RegExp, when: (params: Record<string, unknown>) => boolean, retryAfterSeconds = 1) {
      for (let i = 0; i < n; i++) faults.push({ kind, retryAfter: retryAfterSeconds, methods, when });
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

/** One part of a multipart/form-data body: its name, the file name if it is a file, and its bytes. */
interface FormPart {
  name: string;
  fileName?: string;
  contentType?: string;
  body: Buffer;
}

function headerParam(header: string, param: string): string | undefined {
  // RFC 5987 form first (filename*=UTF-8''...), then quoted, then bare (grammY writes filename=x.xlsx).
  const extended = new RegExp(`(?:^|;)\\s*${param}\\*=(?:UTF-8|utf-8)''([^;]*)`).exec(header);
  if (extended) return decodeURIComponent(extended[1]!.trim());
  const m = new RegExp(`(?:^|;)\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`).exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!.trim();
}

/** Splits a multipart/form-data body into its parts (RFC 7578): headers are read as UTF-8, bodies kept as bytes. */
export function parseMultipart(contentType: string, body: Buffer): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw new Error('multipart/form-data without a boundary');
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  // The first delimiter has no CRLF before it: add one so that every delimiter looks the same.
  const data = Buffer.concat([Buffer.from('\r\n'), body]);
  const parts: FormPart[] = [];
  let at = data.indexOf(delimiter);
  if (at < 0) throw new Error('multipart/form-data body without its boundary');
  let closed = false;
  while (at >= 0) {
    const start = at + delimiter.length;
    if (data.subarray(start, start + 2).toString() === '--') {
      closed = true;
      break;
    }
    const next = data.indexOf(delimiter, start);
    if (next < 0) break;
    const part = data.subarray(data.indexOf('\r\n', start) + 2, next);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part without a blank line after its headers');
    const headers = part.subarray(0, split).toString('utf8').split('\r\n');
    const header = (name: string) => headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
    const disposition = header('content-disposition');
    const name = disposition === undefined ? undefined : headerParam(disposition, 'name');
    if (!disposition?.toLowerCase().startsWith('form-data') || name === undefined) throw new Error('multipart part without content-disposition: form-data; name=');
    const fileName = headerParam(disposition, 'filename');
    const contentType = header('content-type');
    parts.push({ name, body: part.subarray(split + 4), ...(fileName !== undefined ? { fileName } : {}), ...(contentType ? { contentType } : {}) });
    at = next;
  }
  if (!closed) throw new Error('multipart/form-data body not closed by its final boundary');
  return parts;
}

/**
 * A multipart call's parameters as Telegram reads them: fields decoded by their type in the API
 * description; "attach://<name>" replaced by the uploaded part of that name; a file part named
 * as a field is that field's upload (other parts are not read). A reference to a part that was not sent stays a string,
 * so the call fails the type check as Telegram would refuse it.
 */
function multipartParams(method: string, contentType: string, body: Buffer): Record<string, unknown> {
  const parts = parseMultipart(contentType, body);
  const files = new Map(parts.filter((p) => p.fileName !== undefined).map((p) => [p.name, new UploadedFile(p.fileName!, p.body, p.contentType)]));
  const params: Record<string, unknown> = {};
  const attached = new Set<string>();
  for (const part of parts) {
    if (part.fileName !== undefined) continue;
    const value = part.body.toString('utf8');
    const attach = /^attach:\/\/(.+)$/.exec(value);
    if (attach && files.has(attach[1]!)) {
      params[part.name] = files.get(attach[1]!);
      attached.add(attach[1]!);
    } else params[part.name] = decodeFormField(method, part.name, value);
  }
  // A part neither referenced nor named as a field of the method is not read (Telegram ignores it too).
  const fields = new Set(loadSpec().methods[method]?.fields?.map((f) => f.name));
  for (const [name, file] of files) if (!attached.has(name) && params[name] === undefined && fields.has(name)) params[name] = file;
  return params;
}

/** Width and height of a PNG or JPEG, or undefined when the bytes are neither (Telegram cannot process them as a photo). */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = bytes.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return undefined;
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
