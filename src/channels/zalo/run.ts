// Taking Zalo's updates: long polling (getUpdates answers one update per call, with no
// offset; an empty poll is a 408) or POST /zalo/webhook with the X-Bot-Api-Secret-Token
// header compared in constant time. Either way each update goes to the conversation once.
import type { FastifyInstance } from 'fastify';
import { secretChecker, WEBHOOK_BODY_LIMIT } from '../telegram/webhook.ts';
import type { Logger } from '../../logger.ts';
import type { ZaloApi } from './api.ts';
import type { ZaloConversation } from './conversation.ts';
import { parseZaloUpdate } from './updates.ts';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
const SECRET_HEADER = 'x-bot-api-secret-token';
/** The platform's documented default long-poll time. */
const POLL_SECONDS = 30;
const MAX_BACKOFF_MS = 30_000;

export interface RunningZalo {
  stop(): Promise<void>;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function startZaloPolling(deps: { api: ZaloApi; conversation: ZaloConversation; logger: Logger; pollSeconds?: number }): RunningZalo {
  const { api, conversation, logger } = deps;
  const controller = new AbortController();
  const loop = (async () => {
    let backoff = 1_000;
    while (!controller.signal.aborted) {
      let raw: unknown;
      try {
        raw = await api.getUpdate(deps.pollSeconds ?? POLL_SECONDS, controller.signal);
        backoff = 1_000;
      } catch (err) {
        if (controller.signal.aborted) break;
        logger.warn({ err, msg: 'zalo polling failed; trying again', retryInMs: backoff });
        await pause(backoff, controller.signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        continue;
      }
      if (raw === undefined) continue;
      const update = parseZaloUpdate(raw);
      if (!update) {
        logger.warn({ msg: 'zalo update that is no message; skipped' });
        continue;
      }
      // A polled update is not delivered again: a failure is logged, and the loop goes on.
      await conversation.handle(update).catch((err: unknown) => logger.error({ err, msg: 'zalo update failed' }));
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}

export function registerZaloWebhookRoute(app: FastifyInstance, options: { conversation: ZaloConversation; secret: string }): void {
  const secretMatches = secretChecker(options.secret);
  app.post(
    ZALO_WEBHOOK_PATH,
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      onRequest: async (request, reply) => {
        if (!secretMatches(request.headers[SECRET_HEADER])) {
          request.log.warn({ msg: 'zalo webhook call with a wrong secret token' });
          return reply.code(401).send({ ok: false });
        }
      },
    },
    async (request, reply) => {
      const update = parseZaloUpdate(request.body);
      if (!update) return reply.code(400).send({ ok: false });
      // Answer after handling; a failure answers 500 so that Zalo delivers it again (the claim was released).
      await options.conversation.handle(update);
      return reply.code(200).send({ ok: true });
    },
  );
}

/** Checks the token (getMe), then sets the webhook or clears it for polling. */
export async function startZalo(
  deps: { api: ZaloApi; conversation: ZaloConversation; logger: Logger },
  mode: { mode: 'polling' } | { mode: 'webhook'; url: string; secret: string },
): Promise<RunningZalo> {
  const me = await deps.api.getMe();
  if (mode.mode === 'webhook') {
    await deps.api.setWebhook(mode.url, mode.secret);
    deps.logger.info({ msg: 'zalo webhook set', bot: me.account_name ?? me.id });
    return { stop: async () => undefined };
  }
  await deps.api.deleteWebhook();
  deps.logger.info({ msg: 'zalo polling started', bot: me.account_name ?? me.id });
  return startZaloPolling(deps);
}
