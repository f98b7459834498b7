// The reply to a message can ride in the webhook's own answer: Telegram runs a method named in
// the body of a 200, so the bot makes no request of its own for it. On this machine a Bot API
// request costs more CPU than anything else an update does (an HTTP round trip: a socket write
// and read, the client's parsing), and most updates are officers' text replies answered by one
// message. Telegram reports nothing back for such a call: no message id, no error.
//
// Hence three rules:
// - Opt in per message (`inWebhookAnswer`): only replies whose message id nobody needs and
//   whose content the bot composed itself (escaped HTML, within the length limit), never a
//   progress message that is edited later.
// - Order is kept: the held reply goes out as a request of its own, first, as soon as anything
//   else of this update concerns the same chat (a second message, an edit), and before a
//   conversation is entered (`releaseAnswer`): a conversation sends through an Api of its own
//   that this update's transformers do not see.
// - The send budget still applies: the held call passes the budget's transformer like any send
//   and is only then held (the innermost transformer holds it).
// Updates that arrive by polling, or without a message, never hold anything.
import type { MiddlewareFn, Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext } from './context.ts';

/** Marks a message's options: this reply may ride in the webhook's answer. */
const MAY_RIDE = Symbol('may ride in the webhook answer');
/** Put on a payload by the update's own transformer: the innermost transformer holds it in this slot. */
const HOLD = Symbol('hold in the webhook answer');

type Payload = Record<string | symbol, unknown>;

export interface AnswerSlot {
  /** The chat the update came from: only a reply to it may ride. */
  readonly chatId: number;
  /** The reply held for the answer (its payload, sent as `sendMessage`). */
  held?: Payload;
  /** Something already took the answer: nothing else may. */
  taken: boolean;
}

/** Slots by the update object itself (grammY hands the same object to ctx.update): a redelivered
 * copy of an update being handled gets a slot of its own. */
const slots = new WeakMap<Update, AnswerSlot>();

/** The webhook route opens a slot for an update whose reply may ride in its answer. */
export function openAnswerSlot(update: Update): AnswerSlot | undefined {
  const chatId = update.message?.chat.id;
  if (chatId === undefined) return undefined;
  const slot: AnswerSlot = { chatId, taken: false };
  slots.set(update, slot);
  return slot;
}

/** The body of the webhook's answer: the held reply as a method call, if any. */
export function answerBody(slot: AnswerSlot | undefined): string | undefined {
  if (!slot?.held) return undefined;
  // Symbol keys (the markers) are not serialised; undefined options drop out.
  return JSON.stringify({ method: 'sendMessage', ...slot.held });
}

/** Options of a reply that may ride in the webhook's answer (the same options, marked). */
export function inWebhookAnswer<T extends object>(options: T): T {
  // Enumerable, so grammY's `{ chat_id, text, ...other }` carries it into the payload.
  return Object.defineProperty({ ...options }, MAY_RIDE, { value: true, enumerable: true });
}

function sameChat(payload: Payload | undefined, chatId: number): boolean {
  const target = payload?.chat_id;
  return target !== undefined && String(target) === String(chatId);
}

/** Telegram's limit on a message's text, counted after entities: the HTML's own length is never less. */
const MAX_TEXT = 4096;

/** Too long a text would be refused, and a refusal of a call in the answer is never heard: it goes as a request. */
function fitsUnchecked(payload: Payload): boolean {
  return typeof payload.text === 'string' && payload.text.length > 0 && payload.text.length <= MAX_TEXT;
}

/**
 * The innermost transformer (installed before the send budget and auto-retry): a call marked
 * for a slot is held there instead of made. The caller gets Telegram's answer to a webhook
 * reply, `true`, not a Message.
 */
export function holdForWebhookAnswer(): Transformer {
  return async (prev, method, payload, signal) => {
    const slot = (payload as Payload | undefined)?.[HOLD] as AnswerSlot | undefined;
    if (!slot) return prev(method, payload, signal);
    delete (payload as Payload)[HOLD];
    slot.held = payload as Payload;
    return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
  };
}

/**
 * Per update: the first marked `sendMessage` to the update's chat is held for the answer; any
 * later call that concerns that chat first sends the held reply as a request of its own.
 */
export function webhookAnswers(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const slot = slots.get(ctx.update);
    if (!slot) return next();
    ctx.api.config.use(async (prev, method, payload, signal) => {
      const p = payload as Payload | undefined;
      if (slot.held && sameChat(p, slot.chatId)) {
        const held = slot.held;
        delete slot.held;
        await prev('sendMessage', held as never, signal);
      }
      if (method === 'sendMessage' && !slot.taken && p?.[MAY_RIDE] === true && sameChat(p, slot.chatId) && fitsUnchecked(p)) {
        slot.taken = true;
        p[HOLD] = slot;
      }
      return prev(method, payload, signal);
    });
    return next();
  };
}

/**
 * Sends the held reply now, as a request (before a conversation, whose messages this update's
 * transformers do not see, speaks in the same chat).
 */
export async function releaseAnswer(ctx: BotContext): Promise<void> {
  const slot = slots.get(ctx.update);
  const held = slot?.held;
  if (!held) return;
  delete slot.held;
  await ctx.api.raw.sendMessage(held as never);
}
