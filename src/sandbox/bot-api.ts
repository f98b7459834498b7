// A small Telegram Bot API for the sandbox: the methods the bot and the workers call,
// validated as Telegram validates them, with chats kept in memory. The bot reaches it over
// HTTP as TELEGRAM_API_ROOT (see routes.ts), so the same grammY adapter runs as in
// production; the sandbox page plays the people on the other side.
import { HtmlParseError, parseHtml, type MessageEntity } from './html-entities.ts';
import {
  BotApiError, chatIdParam, checkTextLength, MAX_CALLBACK_ANSWER_LENGTH, MAX_CAPTION_LENGTH,
  messageIdParam, parseReplyMarkup, requireParam, type InlineKeyboard,
} from './validate.ts';

export { BotApiError } from './validate.ts';

export interface SandboxPerson {
  chatId: number;
  firstName: string;
}

export interface ChatMessage {
  messageId: number;
  fromBot: boolean;
  date: number;
  text: string;
  entities: MessageEntity[];
  replyMarkup?: InlineKeyboard;
  document?: { fileId: string; fileName: string; mimeType: string; size: number };
  /** Changed by editMessageText after it was sent. */
  edited?: boolean;
}

export interface ChatView {
  version: number;
  messages: ChatMessage[];
  /** The latest callback answer shown as a toast (answerCallbackQuery text). */
  notice?: { text: string; at: number };
}

interface Update {
  update_id: number;
  [key: string]: unknown;
}

interface Poll {
  offset: number;
  limit: number;
  resolve: (updates: Update[]) => void;
  timer: NodeJS.Timeout;
}

/** Messages kept per chat: a sandbox conversation, not an archive. */
const MAX_MESSAGES_PER_CHAT = 300;
/** Updates waiting for getUpdates; a bot that stopped polling does not make this grow. */
const MAX_PENDING_UPDATES = 1000;
const MAX_POLL_SECONDS = 50;

export interface SandboxBotApiOptions {
  botId: number;
  username: string;
  firstName?: string;
  now?: () => number;
}

export type SandboxBotApi = ReturnType<typeof createSandboxBotApi>;

export function createSandboxBotApi(options: SandboxBotApiOptions) {
  const now = options.now ?? Date.now;
  const botUser = { id: options.botId, is_bot: true, first_name: options.firstName ?? 'Nhắc Việc', username: options.username };
  const chats = new Map<number, { person?: SandboxPerson; messages: ChatMessage[]; nextId: number; version: number; notice?: ChatView['notice'] }>();
  const updates: Update[] = [];
  const polls = new Set<Poll>();
  const watchers = new Set<() => void>();
  const pendingCallbacks = new Map<string, number>();
  let nextUpdateId = 1;
  let nextCallbackId = 1;
  let nextFileId = 1;
  let commands: unknown[] = [];
  let closed = false;
  const seconds = () => Math.floor(now() / 1000);

  function chat(chatId: number) {
    let c = chats.get(chatId);
    if (!c) chats.set(chatId, (c = { messages: [], nextId: 1, version: 0 }));
    return c;
  }
  function changed(chatId: number) {
    chat(chatId).version++;
    for (const wake of [...watchers]) wake();
  }
  function append(chatId: number, message: Omit<ChatMessage, 'messageId' | 'date'>): ChatMessage {
    const c = chat(chatId);
    const stored: ChatMessage = { messageId: c.nextId++, date: seconds(), ...message };
    c.messages.push(stored);
    if (c.messages.length > MAX_MESSAGES_PER_CHAT) c.messages.shift();
    changed(chatId);
    return stored;
  }
  function find(chatId: number, messageId: number): ChatMessage {
    const found = chats.get(chatId)?.messages.find((m) => m.messageId === messageId);
    if (!found) throw new BotApiError(400, 'Bad Request: message to edit not found');
    return found;
  }
  function chatObject(chatId: number) {
    const person = chats.get(chatId)?.person;
    return { id: chatId, type: 'private', first_name: person?.firstName ?? `Người dùng ${chatId}` };
  }
  function fromObject(chatId: number) {
    const person = chats.get(chatId)?.person;
    return { id: chatId, is_bot: false, first_name: person?.firstName ?? `Người dùng ${chatId}`, language_code: 'vi' };
  }
  /** A message as the Bot API returns it. */
  function messageObject(chatId: number, m: ChatMessage) {
    return {
      message_id: m.messageId,
      date: m.date,
      chat: chatObject(chatId),
      from: m.fromBot ? botUser : fromObject(chatId),
      ...(m.text ? { text: m.text } : {}),
      ...(m.entities.length ? { entities: m.entities } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
      ...(m.document ? { document: { file_id: m.document.fileId, file_unique_id: m.document.fileId, file_name: m.document.fileName, mime_type: m.document.mimeType, file_size: m.document.size } } : {}),
    };
  }
  function formatted(text: string, parseMode: unknown, what: string): { text: string; entities: MessageEntity[] } {
    let parsed = { text, entities: [] as MessageEntity[] };
    if (parseMode === 'HTML') {
      try {
        parsed = parseHtml(text);
      } catch (err) {
        if (err instanceof HtmlParseError) throw new BotApiError(400, `Bad Request: can't parse entities: ${err.message}`);
        throw err;
      }
    } else if (parseMode !== undefined) {
      throw new BotApiError(400, `Bad Request: unsupported parse_mode in the sandbox: ${String(parseMode)}`);
    }
    checkTextLength(parsed.text, what);
    return parsed;
  }
  function pushUpdate(update: Omit<Update, 'update_id'>): number {
    const id = nextUpdateId++;
    updates.push({ update_id: id, ...update });
    if (updates.length > MAX_PENDING_UPDATES) updates.shift();
    for (const poll of [...polls]) {
      const ready = updates.filter((u) => u.update_id >= poll.offset).slice(0, poll.limit);
      if (ready.length) {
        polls.delete(poll);
        clearTimeout(poll.timer);
        poll.resolve(ready);
      }
    }
    return id;
  }

  function getUpdates(params: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
    const timeout = Math.min(MAX_POLL_SECONDS, Math.max(0, Number(params.timeout ?? 0)));
    // As Telegram does: asking from an offset confirms every update before it.
    while (updates.length && updates[0]!.update_id < offset) updates.shift();
    const ready = updates.slice(0, limit);
    if (ready.length || timeout === 0) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const poll: Poll = { offset, limit, resolve, timer: setTimeout(() => (polls.delete(poll), resolve([])), timeout * 1000) };
      polls.add(poll);
    });
  }

  const methods: Record<string, (params: Record<string, unknown>) => unknown> = {
    getMe: () => ({ ...botUser, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false }),
    getUpdates,
    deleteWebhook: () => true,
    getWebhookInfo: () => ({ url: '', has_custom_certificate: false, pending_update_count: updates.length }),
    setWebhook: () => {
      throw new BotApiError(400, 'Bad Request: the sandbox delivers updates by getUpdates only');
    },
    setMyCommands: (params) => {
      const list = requireParam(params, 'commands');
      const parsed = typeof list === 'string' ? JSON.parse(list) : list;
      if (!Array.isArray(parsed)) throw new BotApiError(400, 'Bad Request: commands must be an Array');
      for (const c of parsed as Array<{ command?: unknown; description?: unknown }>) {
        if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw new BotApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
        if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) throw new BotApiError(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
      }
      commands = parsed;
      return true;
    },
    deleteMyCommands: () => true,
    getMyCommands: () => commands,
    // Private chats only in the sandbox: the person is a member of their own chat.
    getChatMember: (params) => {
      const chatId = chatIdParam(params);
      const userId = Number(requireParam(params, 'user_id'));
      if (userId !== chatId && userId !== botUser.id) throw new BotApiError(400, 'Bad Request: member not found');
      return { status: 'member', user: userId === botUser.id ? botUser : fromObject(chatId) };
    },
    sendChatAction: (params) => (chatIdParam(params), requireParam(params, 'action'), true),
    sendMessage: (params) => {
      const chatId = chatIdParam(params);
      const { text, entities } = formatted(String(requireParam(params, 'text')), params.parse_mode, 'message text');
      const replyMarkup = parseReplyMarkup(params.reply_markup);
      return messageObject(chatId, append(chatId, { fromBot: true, text, entities, ...(replyMarkup ? { replyMarkup } : {}) }));
    },
    editMessageText: (params) => {
      const chatId = chatIdParam(params);
      const message = find(chatId, messageIdParam(params));
      const { text, entities } = formatted(String(requireParam(params, 'text')), params.parse_mode, 'message text');
      const replyMarkup = parseReplyMarkup(params.reply_markup);
      if (message.text === text && JSON.stringify(message.replyMarkup) === JSON.stringify(replyMarkup)) {
        throw new BotApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
      }
      Object.assign(message, { text, entities, edited: true });
      if (replyMarkup) message.replyMarkup = replyMarkup;
      else delete message.replyMarkup;
      changed(chatId);
      return messageObject(chatId, message);
    },
    editMessageReplyMarkup: (params) => {
      const chatId = chatIdParam(params);
      const message = find(chatId, messageIdParam(params));
      const replyMarkup = parseReplyMarkup(params.reply_markup);
      if (JSON.stringify(message.replyMarkup) === JSON.stringify(replyMarkup)) throw new BotApiError(400, 'Bad Request: message is not modified');
      if (replyMarkup) message.replyMarkup = replyMarkup;
      else delete message.replyMarkup;
      changed(chatId);
      return messageObject(chatId, message);
    },
    deleteMessage: (params) => {
      const chatId = chatIdParam(params);
      const messageId = messageIdParam(params);
      const c = chats.get(chatId);
      const index = c?.messages.findIndex((m) => m.messageId === messageId) ?? -1;
      if (index < 0) throw new BotApiError(400, 'Bad Request: message to delete not found');
      c!.messages.splice(index, 1);
      changed(chatId);
      return true;
    },
    answerCallbackQuery: (params) => {
      const id = String(requireParam(params, 'callback_query_id'));
      const chatId = pendingCallbacks.get(id);
      if (chatId === undefined) throw new BotApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      pendingCallbacks.delete(id);
      if (params.text !== undefined) {
        const text = String(params.text);
        if (text.length > MAX_CALLBACK_ANSWER_LENGTH) throw new BotApiError(400, 'Bad Request: MESSAGE_TOO_LONG');
        chat(chatId).notice = { text, at: now() };
        changed(chatId);
      }
      return true;
    },
    sendDocument: (params) => {
      const chatId = chatIdParam(params);
      const document = requireParam(params, 'document');
      // The sandbox takes documents by file_id or URL (JSON); it does not read uploads.
      if (typeof document !== 'string') throw new BotApiError(400, 'Bad Request: the sandbox accepts a document as a file_id or URL');
      const caption = params.caption === undefined ? { text: '', entities: [] } : params.parse_mode === 'HTML' ? parseHtml(String(params.caption)) : { text: String(params.caption), entities: [] };
      if (caption.text.length > MAX_CAPTION_LENGTH) throw new BotApiError(400, 'Bad Request: message caption is too long');
      const replyMarkup = parseReplyMarkup(params.reply_markup);
      const fileName = document.split('/').at(-1) || 'document';
      return messageObject(chatId, append(chatId, { fromBot: true, ...caption, document: { fileId: document, fileName, mimeType: 'application/octet-stream', size: 0 }, ...(replyMarkup ? { replyMarkup } : {}) }));
    },
  };

  return {
    botUser,
    /** The Bot API methods this sandbox answers. */
    methodNames: Object.keys(methods),
    /** One Bot API call: the result, or a BotApiError with Telegram's code and description. */
    async call(method: string, params: Record<string, unknown>): Promise<unknown> {
      const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
      if (!handler) throw new BotApiError(404, 'Not Found');
      return handler(params);
    },

    /** Someone the page can play; their chat exists from now on. */
    addPerson(person: SandboxPerson) {
      chat(person.chatId).person = person;
    },

    /** A message the person typed: text, with a leading /command marked as Telegram marks it. */
    userSendsText(chatId: number, text: string): ChatMessage {
      checkTextLength(text);
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
      const message = append(chatId, { fromBot: false, text, entities: [] });
      pushUpdate({ message: { ...messageObject(chatId, message), ...(entities.length ? { entities } : {}) } });
      return message;
    },

    /** A file the person attached: it reaches the bot as a document message. */
    userSendsDocument(chatId: number, file: { fileName: string; mimeType: string; size: number }): ChatMessage {
      const fileId = `sandbox-file-${nextFileId++}`;
      const message = append(chatId, { fromBot: false, text: '', entities: [], document: { fileId, ...file } });
      pushUpdate({ message: messageObject(chatId, message) });
      return message;
    },

    /** A tap on an inline button; only buttons the message really carries can be pressed. */
    userPresses(chatId: number, messageId: number, data: string): void {
      const message = find(chatId, messageId);
      const exists = message.replyMarkup?.inline_keyboard.some((row) => row.some((b) => b.callback_data === data));
      if (!exists) throw new BotApiError(400, 'Bad Request: no such button on this message');
      const id = String(nextCallbackId++);
      pendingCallbacks.set(id, chatId);
      pushUpdate({ callback_query: { id, from: fromObject(chatId), chat_instance: String(chatId), message: messageObject(chatId, message), data } });
    },

    view(chatId: number): ChatView {
      const c = chat(chatId);
      return { version: c.version, messages: c.messages, ...(c.notice ? { notice: c.notice } : {}) };
    },

    /** Resolves when the chat changes past `version`, or after timeoutMs (long polling for the page). */
    waitForChange(chatId: number, version: number, timeoutMs: number): Promise<void> {
      if (chat(chatId).version !== version) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          if (chat(chatId).version === version && !closed) return;
          watchers.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => (watchers.delete(done), resolve()), timeoutMs);
        watchers.add(done);
      });
    },

    /** Ends pending long polls (shutdown). */
    close() {
      closed = true;
      for (const poll of polls) {
        clearTimeout(poll.timer);
        poll.resolve([]);
      }
      polls.clear();
      for (const wake of [...watchers]) wake();
    },
  };
}
