// The bot's own messages (replies, cards sent on a tap, notices to leaders) count against
// the same global send rate as the reminders the workers send: every message-sending call
// waits for admission in the shared Redis log before it goes out. The per-chat limit is
// left to the platform: a reply and its follow-up to a person who just wrote are the short
// burst Telegram allows, and pacing them a second apart would make the bot feel slow.
// Without this, a burst of replies and a burst of reminders together exceed ~30/s and
// Telegram answers 429 to both.
import type { Transformer } from 'grammy';
import type { Logger } from '../../logger.ts';
import type { ChatPacing } from '../../delivery/chat-pacing.ts';

/** Bot API methods that put a new message in a chat (edits do not count against the rate). */
const SENDING_METHODS = /^(send[A-Z]|copyMessage|forwardMessage)/;

/** A wait longer than this is not waited out inside an update: the message goes (Telegram may then ask to retry). */
const MAX_WAIT_MS = 10_000;

export function sendBudget(pacing: Pick<ChatPacing, 'admitGlobal'>, logger: Logger): Transformer {
  let sequence = 0;
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id;
    // Calls without a chat (answerCallbackQuery, getMe) put nothing in a chat.
    if (!SENDING_METHODS.test(method) || chatId === undefined) return prev(method, payload, signal);
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
