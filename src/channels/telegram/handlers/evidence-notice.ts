// Evidence added to a "done" that waits for confirmation reaches the monitoring unit's officers
// (tasks/evidence-waiting.ts decides who, messages/evidence-notice.ts what). On Telegram the file itself goes, the
// notice as its caption (a file_id is this bot's to send again); a link, or a chat elsewhere, gets
// the notice naming it.
import type { Api } from 'grammy';
import { chatsOf, reachableChat } from '../../../messages/extension-notice.ts';
import { evidenceWhileWaiting } from '../../../tasks/evidence-waiting.ts';
import type { BotServices } from '../context.ts';
import { inlineKeyboard } from '../keyboards/index.ts';
import { sendToChat } from './answers.ts';

/** Telegram's caption limit; a longer notice goes as a message of its own. */
const CAPTION_LIMIT = 1_024;

export async function passOnWaitingEvidence(services: BotServices, api: Api, evidenceId: number): Promise<void> {
  const waiting = await evidenceWhileWaiting(services.prisma, evidenceId);
  if (!waiting) return;
  const { kind, reference } = waiting.evidence;
  for (const recipientId of waiting.recipientIds) {
    const notice = await services.composer.evidenceNotice(recipientId, waiting, services.now());
    if (!notice) continue;
    const chat = reachableChat(await chatsOf(services.prisma, recipientId), 'TELEGRAM', Boolean(services.sendElsewhere));
    if (chat?.channel === 'TELEGRAM' && kind !== 'LINK' && notice.html.length <= CAPTION_LIMIT) {
      const markup = inlineKeyboard(notice.buttons);
      const options = { caption: notice.html, parse_mode: 'HTML' as const, ...(markup ? { reply_markup: markup } : {}) };
      if (kind === 'DOCUMENT') await api.sendDocument(chat.externalId, reference, options);
      else await api.sendPhoto(chat.externalId, reference, options);
      continue;
    }
    await sendToChat(services, api, chat, [notice]);
  }
}
