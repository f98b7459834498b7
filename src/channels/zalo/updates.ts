// Zalo's incoming events, validated. The webhook posts {ok, result: {event_name, message}}
// (some clients see the bare {event_name, message}); getUpdates answers one of them.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const messageSchema = z.object({
  message_id: z.string().min(1).max(200),
  date: z.number().optional(),
  chat: z.object({ id: z.string().min(1).max(200), chat_type: z.string().optional() }),
  from: z.object({ id: z.string().min(1).max(200), display_name: z.string().optional(), first_name: z.string().optional(), is_bot: z.boolean().optional() }).optional(),
  text: z.string().max(20_000).optional(),
  photo: z.string().max(2_000).optional(),
  caption: z.string().max(20_000).optional(),
});

const eventSchema = z.object({ event_name: z.string().max(100), message: messageSchema });

export interface ZaloIncoming {
  event: string;
  messageId: string;
  chatId: string;
  isGroup: boolean;
  fromBot: boolean;
  name?: string;
  text?: string;
  photoUrl?: string;
}

/** The event inside a webhook body or a getUpdates result, or undefined for anything else. */
export function parseZaloUpdate(body: unknown): ZaloIncoming | undefined {
  const inner = body && typeof body === 'object' && 'result' in body ? (body as { result: unknown }).result : body;
  const parsed = eventSchema.safeParse(inner);
  if (!parsed.success) return undefined;
  const { event_name: event, message: m } = parsed.data;
  const name = m.from?.display_name ?? m.from?.first_name;
  const text = m.text ?? m.caption;
  return {
    event,
    messageId: m.message_id,
    chatId: m.chat.id,
    isGroup: (m.chat.chat_type ?? 'PRIVATE').toUpperCase() === 'GROUP',
    fromBot: m.from?.is_bot === true,
    ...(name ? { name } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(m.photo ? { photoUrl: m.photo } : {}),
  };
}

/**
 * Zalo message ids are strings; processed updates are kept by a 63-bit number. A SHA-256
 * prefix keeps them apart (a collision needs about 3 billion messages).
 */
export function zaloUpdateKey(messageId: string): bigint {
  return createHash('sha256').update(messageId, 'utf8').digest().readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
}
