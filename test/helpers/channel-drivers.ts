// One driver per chat platform, so a scenario written once in channel-neutral steps runs on
// both: "say" is a message, "tap" presses the inline button of that label on Telegram and
// replies with the number of that choice on Zalo, "answer" gives what the bot just asked for
// (the next messages of a Telegram conversation; on Zalo, the text form the hint shows),
// "transcript" is what a person's chat shows now, as plain text.
import { parseZaloUpdate } from '../../src/channels/zalo/updates.ts';
import type { ChannelsWorld } from './channels-world.ts';
import { plainTextOfHtml } from './telegram/html-check.ts';

export interface Shown {
  id: string;
  text: string;
}

/** What a person answers to a question: a date, a reason, or both (in the order the bot asks). */
export interface Fill {
  date?: string;
  reason?: string;
}

export interface ChannelDriver {
  readonly name: 'Telegram' | 'Zalo';
  readonly channel: 'TELEGRAM' | 'ZALO';
  /** This platform's chat address of a person numbered n (unique in the test file). */
  chatOf(n: number): string;
  say(n: number, text: string): Promise<void>;
  tap(n: number, label: RegExp): Promise<void>;
  answer(n: number, fill: Fill): Promise<void>;
  sendPhoto(n: number): Promise<void>;
  /** Makes the weekly summary of a leader's unit come to a chat on this platform; returns that chat's address. */
  subscribeSummary(leaderN: number): Promise<string>;
  transcript(chat: string): Shown[];
}

export function telegramDriver(world: ChannelsWorld): ChannelDriver {
  const { tg, bot } = world;
  const messages = (chat: string) => tg.messagesTo(Number(chat));
  return {
    name: 'Telegram',
    channel: 'TELEGRAM',
    chatOf: (n) => String(n),
    async say(n, text) {
      await bot.handleUpdate(tg.makeMessageUpdate({ chatId: n, from: { id: n, first_name: 'U', language_code: 'vi' }, text }) as never);
    },
    async tap(n, label) {
      // The newest message that offers a button of this label, as a person would find it.
      for (const m of [...messages(String(n))].reverse()) {
        const markup = m.replyMarkup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined;
        const button = markup?.inline_keyboard?.flat().find((b) => label.test(b.text));
        if (!button) continue;
        await bot.handleUpdate(tg.makeCallbackUpdate({ chatId: n, messageId: m.messageId, data: button.callback_data, from: { id: n } }) as never);
        return;
      }
      throw new Error(`no button ${label} in Telegram chat ${n}`);
    },
    async answer(n, fill) {
      // A conversation asks one thing at a time: the date first, then the reason.
      if (fill.date) await this.say(n, fill.date);
      if (fill.reason) await this.say(n, fill.reason);
    },
    async sendPhoto(n) {
      await bot.handleUpdate(tg.makePhotoUpdate({ chatId: n, from: { id: n }, fileIds: [`PH-${n}-small`, `PH-${n}-large`] }) as never);
    },
    async subscribeSummary(leaderN) {
      // A group the leader administers, subscribed with /subscribe as the README says.
      const group = -100_000 - leaderN;
      tg.setChatAdministrators(group, [leaderN]);
      await bot.handleUpdate(tg.makeMessageUpdate({ chatId: group, chatType: 'supergroup', from: { id: leaderN, first_name: 'U' }, text: '/subscribe' }) as never);
      return String(group);
    },
    transcript: (chat) => messages(chat).map((m) => ({ id: String(m.messageId), text: plainTextOfHtml(m.text) })),
  };
}

export function zaloDriver(world: ChannelsWorld): ChannelDriver {
  const { zalo, zaloAdapter } = world;
  const chatOf = (n: number) => `zalo-${n}`;
  const handle = async (n: number, input: { text?: string; photo?: string }) => {
    const update = parseZaloUpdate({ ok: true, result: zalo.makeEvent({ chatId: chatOf(n), ...input }) });
    await zaloAdapter.conversation.handle(update!);
  };
  return {
    name: 'Zalo',
    channel: 'ZALO',
    chatOf,
    say: (n, text) => handle(n, { text }),
    async tap(n, label) {
      // Only the choices of the newest message that has some are open (kept per chat).
      const last = [...zalo.messagesTo(chatOf(n))].reverse().find((m) => /^\d+ = /m.test(m.text));
      const choice = last?.text.split('\n').map((line) => /^(\d+) = (.*)$/.exec(line)).find((m) => m && label.test(m[2]!));
      if (!choice) throw new Error(`no choice ${label} in the last numbered message to ${chatOf(n)}: ${last?.text ?? '(none)'}`);
      await handle(n, { text: choice[1]! });
    },
    async answer(n, fill) {
      // Zalo asks with a hint: "Nhắn … theo dạng: gia hạn 1.2 <dd/mm/yyyy> <lý do>".
      const hint = zalo.messagesTo(chatOf(n)).at(-1)?.text ?? '';
      const form = /theo dạng: (.*)$/m.exec(hint)?.[1];
      if (!form) throw new Error(`Zalo asked for no text form: ${hint}`);
      const text = form
        .replace(/<dd\/mm[^>]*>/, fill.date ?? '')
        .replace(/<[^>]+>/, fill.reason ?? '')
        .replace(/\s+/g, ' ')
        .trim();
      await handle(n, { text });
    },
    sendPhoto: (n) => handle(n, { photo: `https://zalo.example/photo/${n}.jpg` }),
    async subscribeSummary(leaderN) {
      // Zalo's bots cannot join groups: the leader subscribes their own chat.
      await handle(leaderN, { text: 'đăng ký báo cáo tuần' });
      return chatOf(leaderN);
    },
    transcript: (chat) => zalo.messagesTo(chat).map((m) => ({ id: m.messageId, text: m.text })),
  };
}
