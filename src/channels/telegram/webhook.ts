// POST /telegram/webhook on the service's fastify server. Telegram's secret_token header
// is compared in constant time; a wrong or missing secret gets 401 and no handling.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext } from './context.ts';
import { answerBody, openAnswerSlot } from './webhook-answer.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
/**
 * Updates Telegram may have in flight to the webhook at once (setWebhook's max_connections; 40 is
 * also Telegram's default, said here so the service's sizing rests on it): beyond it, updates wait
 * at Telegram, not in this process's memory and pool queue.
 */
export const WEBHOOK_MAX_CONNECTIONS = 40;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Bot API calls that may go back in the webhook's answer (Telegram runs a method named in the
 * body of a 200): one HTTP request fewer per button press. Only calls whose result nobody reads
 * and whose failure costs nothing: Telegram reports no error for a call made this way.
 */
export const WEBHOOK_REPLY_METHODS: ReadonlySet<string> = new Set(['answerCallbackQuery']);

/**
 * A check of the secret header against `expected`, its digest taken once. Equal-length digests:
 * timingSafeEqual leaks neither the content nor the length.
 */
export function secretChecker(expected: string): (given: unknown) => boolean {
  const expectedDigest = digest(expected);
  return (given) => typeof given === 'string' && timingSafeEqual(digest(given), expectedDigest);
}

/** An update is a few kilobytes (a 4,096-character message and its entities): a larger body is refused unread. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export function registerWebhookRoute(app: FastifyInstance, options: { bot: Bot<BotContext>; secret: string; path?: string }): void {
  const { bot } = options;
  const secretMatchesHeader = secretChecker(options.secret);
  app.post(
    options.path ?? WEBHOOK_PATH,
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      // The secret is checked before the body is read or parsed: a stranger's request costs no parsing.
      onRequest: async (request, reply) => {
        if (!secretMatchesHeader(request.headers[SECRET_HEADER])) {
          request.log.warn({ msg: 'webhook call with a wrong secret token' });
          return reply.code(401).send({ ok: false });
        }
      },
    },
    async (request, reply) => {
    const update = request.body as Update | undefined;
    // A safe integer only: update ids are stored as bigint, and 1.5 or 1e300 is no update of Telegram's.
    if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id) || update.update_id < 0) {
      return reply.code(400).send({ ok: false });
    }
    // Answer after handling: the update is committed before Telegram hears 200. One call rides in
    // this answer instead of a request of its own: a button's answerCallbackQuery (grammY's
    // envelope, WEBHOOK_REPLY_METHODS) or a message's reply marked for it (webhook-answer.ts).
    let inAnswer: string | undefined;
    const slot = openAnswerSlot(update);
    await bot.handleUpdate(update, { send: async (json) => void (inAnswer = json) });
    inAnswer ??= answerBody(slot);
    if (inAnswer !== undefined) return reply.code(200).header('content-type', 'application/json').send(inAnswer);
    return reply.code(200).send({ ok: true });
    },
  );
}
