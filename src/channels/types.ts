// The platform-neutral seam between what Nhắc Việc says and the chat app that carries it.
// The scheduler sends through a DeliveryChannel; Telegram implements it now, Zalo later
// (Zalo has no buttons and 2,000-character messages, so adapters map, they do not decide).

export type ChannelName = 'TELEGRAM' | 'ZALO';

export interface MessageButton {
  text: string;
  /** Callback payload (Telegram callback_data, at most 64 bytes). */
  data: string;
}

export interface OutgoingMessage {
  /** Text with HTML formatting (<b>, <i>, <code>, <a>); every piece of user or plan text already escaped. */
  html: string;
  /** Rows of buttons; adapters without buttons render them as text hints. */
  buttons?: MessageButton[][];
}

export interface SentMessage {
  messageId: string;
}

export interface DeliveryChannel {
  readonly name: ChannelName;
  /** Sends one message to one chat; throws DeliveryError classified for retry decisions. */
  send(chatId: string, message: OutgoingMessage): Promise<SentMessage>;
}

export type DeliveryErrorKind =
  /** The platform asked us to slow down: retry after retryAfterMs, keep per-chat order. */
  | 'rate-limited'
  /** The user blocked the bot or the chat is gone (HTTP 403 / chat not found): never retry. */
  | 'recipient-gone'
  /** 5xx, timeouts, dropped connections: retry with backoff. */
  | 'transient'
  /** Our request was wrong (400): retrying the same request will not help. */
  | 'rejected';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
