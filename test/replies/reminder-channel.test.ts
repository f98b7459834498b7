// The choice of chat for an officer linked on both platforms, and the Zalo command that sets it. Pure.
import { describe, expect, it } from 'vitest';
import { byReminderChoice, reminderChat, type ReminderPlatform } from '../../src/tasks/reminder-channel.ts';
import { parseReminderChannelCommand } from '../../src/replies/settings-commands.ts';

describe('which chat reminds an officer', () => {
  const telegram = { id: 1, channel: 'TELEGRAM' };
  const zalo = { id: 2, channel: 'ZALO' };
  const cases: Array<[string, Array<typeof telegram>, ReminderPlatform | null, number | undefined]> = [
    ['no choice: the chat linked last (listed first)', [zalo, telegram], null, 2],
    ['no choice, Telegram linked last', [telegram, zalo], null, 1],
    ['Zalo chosen though Telegram was linked last', [telegram, zalo], 'ZALO', 2],
    ['Telegram chosen though Zalo was linked last', [zalo, telegram], 'TELEGRAM', 1],
    ['the chosen platform no longer linked: the other', [telegram], 'ZALO', 1],
    ['nothing linked', [], 'ZALO', undefined],
  ];
  it.each(cases)('%s', (_name, chats, choice, expected) => {
    expect(reminderChat(chats, choice)?.id).toBe(expected);
    // Notices try the same chat first, then the others.
    expect(byReminderChoice(chats, choice).map((c) => c.id)[0]).toBe(expected);
    expect(byReminderChoice(chats, choice)).toHaveLength(chats.length);
  });
});

describe('"nhắc qua zalo" and its variants', () => {
  it.each([
    ['nhắc qua zalo', 'ZALO'],
    ['Nhắc qua Zalo', 'ZALO'],
    ['nhac qua telegram', 'TELEGRAM'],
    ['nhắc qua kênh Telegram', 'TELEGRAM'],
    ['nhắc trên zalo', 'ZALO'],
    ['remind via zalo', 'ZALO'],
    ['remind me on telegram', 'TELEGRAM'],
    ['nhắc qua kênh mới nhất', null],
    ['nhắc qua tự động', null],
    ['remind via latest', null],
  ] as const)('"%s" → %s', (text, expected) => {
    expect(parseReminderChannelCommand(text)).toBe(expected);
  });

  it.each(['nhắc lại 1.2 thứ Hai', 'nhắc qua', 'nhắc qua viber', 'xong 1.2', 'zalo'])('"%s" is not the command', (text) => {
    expect(parseReminderChannelCommand(text)).toBeUndefined();
  });
});
