// Zalo as a DeliveryChannel: renders the neutral message as plain text with numbered
// choices, remembers the choices for the chat, sends each part, and maps Zalo's errors
// to the kinds the scheduler decides on. Zalo documents neither rate limits nor error
// codes, so the mapping is conservative: anything unknown is retried.
import { htmlToPlain, truncate, ZALO_MESSAGE_LIMIT } from '../../messages/html.ts';
import type { PublishChart } from '../../reports/charts/chart-store.ts';
import { DeliveryError, type DeliveryChannel, type OutgoingMessage } from '../types.ts';
import { ZaloApiError, ZaloNetworkError, type ZaloApi } from './api.ts';
import type { ChoiceStore } from './choices.ts';
import { renderForZalo } from './render.ts';

/** An error that names the recipient as unreachable (blocked the bot, unknown user). */
const RECIPIENT_GONE = /block|not ?found|unknown user|invalid user|user.*not.*exist|chat.*not.*exist|not.*follow/i;

export function classifyZaloError(err: unknown): DeliveryError {
  if (err instanceof ZaloApiError) {
    if (err.code === 429) return new DeliveryError('rate-limited', err.description, 5_000);
    if (err.code >= 500 || err.code === 408) return new DeliveryError('transient', err.description);
    if (err.code === 403 || RECIPIENT_GONE.test(err.description)) return new DeliveryError('recipient-gone', err.description);
    return new DeliveryError('rejected', err.description);
  }
  if (err instanceof ZaloNetworkError) return new DeliveryError('transient', err.message);
  return new DeliveryError('transient', err instanceof Error ? err.message : String(err));
}

/**
 * `publishChart`: where photos are put for Zalo to fetch (a public URL is configured); without
 * it the channel does not send photos, and their text version in the other parts goes alone.
 */
export function createZaloChannel(api: ZaloApi, choices: ChoiceStore, choicesHeader: (chatId: string) => Promise<string> | string, publishChart?: PublishChart): DeliveryChannel {
  return {
    name: 'ZALO',
    sendsPhotos: Boolean(publishChart),
    async send(chatId: string, message: OutgoingMessage) {
      if (message.photo && publishChart) {
        const url = await publishChart(message.photo.bytes);
        const caption = truncate(htmlToPlain(message.html).trim(), ZALO_MESSAGE_LIMIT);
        try {
          const sent = await api.sendPhoto(chatId, url, caption || undefined);
          return { messageId: sent.message_id };
        } catch (err) {
          throw classifyZaloError(err);
        }
      }
      const rendered = renderForZalo(message, await choicesHeader(chatId));
      let first: string | undefined;
      try {
        for (const part of rendered.parts) {
          const sent = await api.sendMessage(chatId, part);
          first ??= sent.message_id;
        }
      } catch (err) {
        throw classifyZaloError(err);
      }
      await choices.remember(chatId, rendered.choices);
      return { messageId: first ?? '' };
    },
  };
}
