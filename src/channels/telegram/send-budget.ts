// The bot's own messages (replies, cards sent on a tap, notices to leaders) count against
// the same global send rate as the reminders the workers send: every message-sending call
// waits for admission in the shared Redis log before it goes out. The per-chat limit is
// left to the platform: a reply and its follow-up to a person who just wrote are the short
// burst Telegram allows, and pacing them a second apart would make the bot feel slow.
// Without this, a burst of replies and a burst of reminders together exceed ~30/s and
// Telegram answers 429 to both.
import type { Api, Transformer } from 'grammy';
import type { Logger } from '../../logger.ts';
import type { ChatPacing } from '../../delivery/chat-pacing.ts';

/** Bot API methods that put a new message in a chat (edits do not count against the rate). */
const SENDING_METHODS = /^(send[A-Z]|copyMessage|forwardMessage)/;

/** A wait longer than this is not waited out inside an update: the message goes (Telegram may then ask to retry). */
const MAX_WAIT_MS = 10_000;

/** On a payload: this send was admitted already, by the update gate's script. */
const PRE_ADMITTED = Symbol('admitted by the update gate');

function isSend(method: string, payload: unknown): boolean {
  // Calls without a chat (answerCallbackQuery, getMe) put nothing in a chat.
  return SENDING_METHODS.test(method) && (payload as { chat_id?: unknown } | undefined)?.chat_id !== undefined;
}

/**
 * The update gate admitted one send for this update in its own Redis round trip (a message is
 * nearly always answered): the first message the update sends uses that admission instead of
 * asking again.
 */
export function useGateAdmission(api: Api): void {
  let left = 1;
  api.config.use((prev, method, payload, signal) => {
    if (left > 0 && isSend(method, payload)) {
      left = 0;
      (payload as Record<symbol, unknown>)[PRE_ADMITTED] = true;
    }
    return prev(method, payload, signal);
  });
}

export function sendBudget(pacing: Pick<ChatPacing, 'admitGlobal'>, logger: Logger): Transformer {
  let sequence = 0;
  return async (prev, method, payload, signal) => {
    if (!isSend(method, payload)) return prev(method, payload, signal);
    const p = payload as Record<symbol, unknown>;
    // Used once: a retry of the same payload (auto-retry after a 429) is admitted again.
    if (p[PRE_ADMITTED]) {
      delete p[PRE_ADMITTED];
      return prev(method, payload, signal);
    }
    const started = Date.now();
    try {
      for (;;) {
        const wait = await pacing.admitGlobal(`bot:${process.pid}:${++sequence}`);
        if (wait === 0) break;
        if (Date.now() - started + wait > MAX_WAIT_MS) {
          logger.warn({ msg: 'send budget: waited too long, sending anyway', method, waitedMs: Date.now() - started });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } catch (err) {
      // Redis unreachable: a person waiting for an answer gets it; the platform's own 429 still guards.
      logger.warn({ err, msg: 'send budget unavailable; sending without it', method });
    }
    return prev(method, payload, signal);
  };
}
