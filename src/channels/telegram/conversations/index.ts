// Multi-step answers (@grammyjs/conversations v2): a reason for ⚠️ Vướng mắc, a proposed
// date (and reason) for ⏳ Xin gia hạn, a chosen day for 💤, and evidence after ✅.
// Each step records through the conversation core inside conversation.external, so
// replays never record twice. Arguments are plain JSON (they are stored between updates).
import { createConversation } from '@grammyjs/conversations';
import { translator } from '../../../messages/i18n.ts';
import { onChosenDay } from '../../../replies/snooze-time.ts';
import { parseUserDate } from '../../../replies/user-date.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import { releaseAnswer } from '../webhook-answer.ts';
import type { BotContext, BotServices, ConversationContext } from '../context.ts';
import { answerTask, requestAndNotify, snoozeAndShow, storeEvidence } from '../handlers/answers.ts';
import { explainAndNotify } from '../handlers/explanations.ts';
import { returnAndNotify } from '../handlers/confirmations.ts';
import { isSkip, waitForText, ANSWER_WAIT_MS, type BotConversation } from './wait-text.ts';

export interface TaskStepArgs {
  officerId: number;
  taskId: number;
  locale: string;
  chatId: number;
  /** The card to edit once the answer is recorded. */
  messageId?: number;
}

export const CONVERSATION_IDS = { blocked: 'blocked-reason', extension: 'extension-date', snoozeDay: 'snooze-day', evidence: 'evidence', explanation: 'explanation-text', returnReason: 'return-reason' } as const;

/** Starts a step, leaving any other the chat was in: the officer moved on to this one. */
export async function enterConversation(ctx: BotContext, id: (typeof CONVERSATION_IDS)[keyof typeof CONVERSATION_IDS], args: unknown): Promise<void> {
  // A reply held for the webhook's answer goes first: the conversation's prompt would overtake it.
  await releaseAnswer(ctx);
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(id, args);
}

/** After a DONE answer (✅ or "xong 1.2"): a file, photo or link sent next is kept with the report. */
export function askForEvidence(ctx: BotContext, reportId: number): Promise<void> {
  const officer = ctx.officer!;
  return enterConversation(ctx, CONVERSATION_IDS.evidence, { officerId: officer.id, reportId, locale: officer.language });
}

const MAX_DATE_TRIES = 3;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/i;
/** Punctuation that ends the sentence around a link, not the link ("xem tại https://a.vn/x, …"). */
const TRAILING_PUNCTUATION = /[.,;:!?…'”»]+$/;

/** The first http(s) link in a text, without the sentence's punctuation after it (a ")" only when unbalanced). */
function linkIn(text: string): string | undefined {
  let link = URL_PATTERN.exec(text)?.[0];
  while (link) {
    const trimmed = link.replace(TRAILING_PUNCTUATION, '');
    const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0);
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === link) break;
    link = next;
  }
  return link && /^https?:\/\/[^/?#]/i.test(link) ? link : undefined;
}

/**
 * The link Telegram itself recognised in a message: a hyperlinked text (its address), or a
 * bare address such as "dichvucong.gov.vn/..." that has no scheme in the text (https assumed).
 */
function linkFromEntities(text: string, entities: ReadonlyArray<{ type: string; offset: number; length: number; url?: string }> | undefined): string | undefined {
  for (const entity of entities ?? []) {
    if (entity.type === 'text_link' && entity.url) return entity.url;
    if (entity.type === 'url') {
      // Offsets are in UTF-16 code units, as JavaScript strings are.
      const raw = text.slice(entity.offset, entity.offset + entity.length);
      return /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    }
  }
  return undefined;
}

export function createConversations(services: BotServices) {
  async function blockedReason(conversation: BotConversation, ctx: ConversationContext, args: TaskStepArgs) {
    const t = translator(services.i18n, args.locale);
    await ctx.reply(t('ask-blocked-reason'), { parse_mode: 'HTML' });
    const text = await waitForText(conversation);
    const reason = isSkip(text) ? undefined : text;
    await conversation.external((outer) =>
      answerTask(services, { api: outer.api, chatId: args.chatId, ...(args.messageId ? { messageId: args.messageId } : {}) }, { officerId: args.officerId, taskId: args.taskId, kind: 'BLOCKED', ...(reason ? { note: reason } : {}) }).then(() => undefined),
    );
  }

  async function askDate(conversation: BotConversation, ctx: ConversationContext, args: TaskStepArgs, question: string): Promise<string | undefined> {
    const t = translator(services.i18n, args.locale);
    await ctx.reply(question, { parse_mode: 'HTML' });
    const today = await conversation.external(() => services.calendar.dateOf(services.now()));
    for (let i = 0; i < MAX_DATE_TRIES; i++) {
      const text = await waitForText(conversation);
      const date = parseUserDate(text, today);
      if (date && date > today) return date;
      await ctx.reply(t(date ? 'date-not-future' : 'date-not-understood'), { parse_mode: 'HTML' });
    }
    return undefined;
  }

  async function extensionDate(conversation: BotConversation, ctx: ConversationContext, args: TaskStepArgs) {
    const t = translator(services.i18n, args.locale);
    const date = await askDate(conversation, ctx, args, t('ask-extension-date'));
    if (!date) return;
    await ctx.reply(t('ask-extension-reason', { date: formatDmy(date) }), { parse_mode: 'HTML' });
    const text = await waitForText(conversation);
    const reason = isSkip(text) ? undefined : text;
    await conversation.external((outer) =>
      requestAndNotify(services, { api: outer.api, chatId: args.chatId, ...(args.messageId ? { messageId: args.messageId } : {}) }, { officerId: args.officerId, taskId: args.taskId, proposedDue: date, ...(reason ? { reason } : {}) }).then(() => undefined),
    );
  }

  async function explanationText(conversation: BotConversation, ctx: ConversationContext, args: TaskStepArgs) {
    const t = translator(services.i18n, args.locale);
    await ctx.reply(t('ask-explanation-text'), { parse_mode: 'HTML' });
    const text = await waitForText(conversation);
    if (isSkip(text)) return;
    await conversation.external((outer) =>
      explainAndNotify(services, { api: outer.api, chatId: args.chatId, ...(args.messageId ? { messageId: args.messageId } : {}) }, { officerId: args.officerId, taskId: args.taskId, text }),
    );
  }

  async function returnReason(conversation: BotConversation, ctx: ConversationContext, args: TaskStepArgs) {
    const t = translator(services.i18n, args.locale);
    await ctx.reply(t('ask-return-reason'), { parse_mode: 'HTML' });
    const text = await waitForText(conversation);
    if (isSkip(text)) return;
    await conversation.external((outer) =>
      returnAndNotify(services, { api: outer.api, chatId: args.chatId, ...(args.messageId ? { messageId: args.messageId } : {}) }, { officerId: args.officerId, taskId: args.taskId, reason: text }),
    );
  }

  async function snoozeDay(conversation: BotConversation, ctx: ConversationContext, args: TaskStepArgs) {
    const t = translator(services.i18n, args.locale);
    const date = await askDate(conversation, ctx, args, t('ask-snooze-day'));
    if (!date) return;
    const until = await conversation.external(() => onChosenDay(services.calendar, services.now(), date)?.toISOString());
    if (!until) {
      await ctx.reply(t('snooze-too-far'), { parse_mode: 'HTML' });
      return;
    }
    await conversation.external((outer) =>
      snoozeAndShow(services, { api: outer.api, chatId: args.chatId, ...(args.messageId ? { messageId: args.messageId } : {}) }, args.officerId, args.taskId, new Date(until)),
    );
  }

  async function evidence(conversation: BotConversation, ctx: ConversationContext, args: { officerId: number; reportId: number; locale: string }) {
    const t = translator(services.i18n, args.locale);
    await ctx.reply(t('ask-evidence'), { parse_mode: 'HTML' });
    const next = await conversation.wait({ maxMilliseconds: ANSWER_WAIT_MS });
    const msg = next.message;
    const document = msg?.document;
    const photo = msg?.photo?.at(-1);
    const link = msg?.text && !msg.text.startsWith('/') ? (linkFromEntities(msg.text, msg.entities) ?? linkIn(msg.text)) : undefined;
    const item = document
      ? { kind: 'DOCUMENT' as const, reference: document.file_id, ...(document.file_name ? { fileName: document.file_name } : {}), ...(document.mime_type ? { mimeType: document.mime_type } : {}) }
      : photo
        ? { kind: 'PHOTO' as const, reference: photo.file_id, mimeType: 'image/jpeg' }
        : link
          ? { kind: 'LINK' as const, reference: link }
          : undefined;
    if (!item) {
      if (msg?.text && isSkip(msg.text)) {
        await ctx.reply(t('evidence-skipped'), { parse_mode: 'HTML' });
        return;
      }
      // Not evidence: the officer moved on; the update goes to the normal handlers.
      return conversation.halt({ next: true });
    }
    const stored = await conversation.external(() => storeEvidence(services, { officerId: args.officerId, reportId: args.reportId, ...item }));
    await ctx.reply(t('evidence-saved'), { parse_mode: 'HTML' });
    // After the officer's reply: a result waiting for confirmation gets its new evidence passed on.
    await conversation.external(() => services.sendNotices(stored.noticeIds));
  }

  return [
    createConversation<BotContext, ConversationContext>(blockedReason, CONVERSATION_IDS.blocked),
    createConversation<BotContext, ConversationContext>(extensionDate, CONVERSATION_IDS.extension),
    createConversation<BotContext, ConversationContext>(snoozeDay, CONVERSATION_IDS.snoozeDay),
    createConversation<BotContext, ConversationContext>(evidence, CONVERSATION_IDS.evidence),
    createConversation<BotContext, ConversationContext>(explanationText, CONVERSATION_IDS.explanation),
    createConversation<BotContext, ConversationContext>(returnReason, CONVERSATION_IDS.returnReason),
  ];
}
