// Settings typed as words, on Zalo (which has no buttons) and on Telegram: where reminders go,
// and a Zalo leader's weekly summary. Read without case, tone marks or extra spaces (fold).
import { fold } from '../plans/fold.ts';

export type ReminderPlatform = 'TELEGRAM' | 'ZALO';
export type SummaryCommand = 'subscribe' | 'unsubscribe';

/**
 * "nhắc qua zalo", "nhắc qua telegram", "nhắc qua kênh mới nhất" (and "remind via zalo|telegram|latest"),
 * typed with or without tone marks; undefined for anything else. null = the chat linked last.
 */
export function parseReminderChannelCommand(text: string): ReminderPlatform | null | undefined {
  const m = /^(?:nhac qua|nhac tren|remind (?:me )?(?:via|on))(?: kenh)? (zalo|telegram|moi nhat|tu dong|latest|auto)$/.exec(fold(text));
  if (!m) return undefined;
  return m[1] === 'zalo' ? 'ZALO' : m[1] === 'telegram' ? 'TELEGRAM' : null;
}

/** "đăng ký báo cáo tuần" / "subscribe", "hủy báo cáo tuần" / "unsubscribe"; undefined for anything else. */
export function parseSummaryCommand(text: string): SummaryCommand | undefined {
  const folded = fold(text);
  if (/^\/?(?:subscribe|dang ky bao cao tuan)$/.test(folded)) return 'subscribe';
  if (/^\/?(?:unsubscribe|huy (?:dang ky )?bao cao tuan)$/.test(folded)) return 'unsubscribe';
  return undefined;
}
