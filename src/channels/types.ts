// The platform-neutral seam between what Nhắc Việc says and the chat app that carries it.
// The scheduler sends through a DeliveryChannel; Telegram implements it now, Zalo later
// (Zalo has no buttons and 2,000-character messages, so adapters map, they do not decide).

export type ChannelName = 'TELEGRAM' | 'ZALO';

export interface MessageButton {
  text: string;
  /** Callback payload (Telegram callback_data, at most 64 bytes). */
  data: string;
}

/** An image sent with a message: the bytes are uploaded (Telegram sendPhoto). */
export interface OutgoingPhoto {
  bytes: Uint8Array;
  /** "tien-do-tuan-2024-11-25.png". */
  fileName: string;
}

export interface OutgoingMessage {
  /**
   * Text with HTML formatting (<b>, <i>, <code>, <a>); every piece of user or plan text already
   * escaped. With a photo: its short caption (at most 1,024 characters).
   */
  html: string;
  /** Rows of buttons; adapters without buttons render them as text hints. */
  buttons?: MessageButton[][];
  /**
   * A picture (a chart) with `html` as its caption. Composers always send the text version of
   * what it shows in other parts, so a channel that cannot upload photos leaves this part out.
   */
  photo?: OutgoingPhoto;
  /**
   * A file the platform already holds, sent as itself with `html` as its caption where the channel
   * can (Telegram: the file_id of evidence an officer sent to this bot); elsewhere `html` names it.
   */
  file?: { kind: 'document' | 'photo'; fileId: string };
}

/** A file sent as a document (an exported report), with a short caption in HTML. */
export interface OutgoingDocument {
  bytes: Uint8Array;
  fileName: string;
  captionHtml: string;
}

export interface SentMessage {
  messageId: string;
}

export interface DeliveryChannel {
  readonly name: ChannelName;
  /** Uploads OutgoingMessage.photo (Telegram). Without it photo parts are not sent (Zalo takes photos only by URL). */
  readonly sendsPhotos?: boolean;
  /** Sends one message to one chat; throws DeliveryError classified for retry decisions. */
  send(chatId: string, message: OutgoingMessage): Promise<SentMessage>;
  /** Uploads a document (Telegram sendDocument); absent where the platform cannot. Throws DeliveryError. */
  sendDocument?(chatId: string, document: OutgoingDocument): Promise<SentMessage>;
  /** Replaces a sent text message's text (a job's progress); absent where messages cannot be edited. Throws DeliveryError. */
  editText?(chatId: string, messageId: string, html: string): Promise<void>;
}

/** The parts a channel can send: photo parts left out where it cannot upload them (their text version is in the other parts). */
export function partsForChannel(channel: Pick<DeliveryChannel, 'sendsPhotos'>, parts: OutgoingMessage[]): OutgoingMessage[] {
  return channel.sendsPhotos ? parts : parts.filter((part) => !part.photo);
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
