// The Bot API's rules for the calls the bot makes, checked the way Telegram checks them,
// so a message the sandbox accepts is one Telegram would accept too.

export class BotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

/** Telegram's limits (https://core.telegram.org/bots/api). */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CALLBACK_DATA_BYTES = 64;
export const MAX_CALLBACK_ANSWER_LENGTH = 200;
export const MAX_CAPTION_LENGTH = 1024;

const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);

export function requireParam(params: Record<string, unknown>, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === null || value === '') throw badRequest(`${name} is empty`);
  return value;
}

export function chatIdParam(params: Record<string, unknown>): number {
  const value = requireParam(params, 'chat_id');
  const id = Number(value);
  if (!Number.isSafeInteger(id)) throw badRequest('chat not found');
  return id;
}

export function messageIdParam(params: Record<string, unknown>): number {
  const id = Number(requireParam(params, 'message_id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw badRequest('message to edit not found');
  return id;
}

export function checkTextLength(text: string, what = 'message text'): void {
  if (!text.trim().length) throw badRequest(`${what} is empty`);
  if (text.length > MAX_TEXT_LENGTH) throw badRequest(`${what} is too long`);
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** An inline keyboard as Telegram validates it; other markups (reply keyboards) the sandbox does not draw. */
export function parseReplyMarkup(value: unknown): InlineKeyboard | undefined {
  if (value === undefined || value === null) return undefined;
  const markup = typeof value === 'string' ? safeJson(value) : value;
  if (typeof markup !== 'object' || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) {
    if ('keyboard' in markup || 'remove_keyboard' in markup || 'force_reply' in markup) return undefined;
    throw badRequest('object expected as reply markup');
  }
  if (!Array.isArray(rows)) throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest('inline keyboard rows must be arrays');
    for (const button of row as InlineButton[]) {
      if (typeof button?.text !== 'string' || !button.text.length) throw badRequest('text buttons are unallowed in the inline keyboard');
      const kinds = ['callback_data', 'url'].filter((k) => (button as unknown as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) throw badRequest('BUTTON_TYPE_INVALID');
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(String(button.callback_data), 'utf8');
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
      }
    }
  }
  return { inline_keyboard: rows as InlineButton[][] };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
