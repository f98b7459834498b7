// The command menu, per language (vi is also the default for other languages), with the
// descriptions as attributes of the Fluent message `commands`.
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { LOCALES, type Translator } from '../../messages/i18n.ts';

export const PRIVATE_COMMANDS = ['start', 'help', 'tasks', 'status', 'overdue', 'report', 'export', 'giao', 'lang', 'settings'] as const;
export const GROUP_COMMANDS = ['subscribe', 'unsubscribe', 'help'] as const;

export function commandList(i18n: Translator, locale: string, names: readonly string[]): BotCommand[] {
  return names.map((command) => ({ command, description: i18n.t(locale, `commands.${command}`) }));
}

export async function registerCommands(api: Api, i18n: Translator): Promise<void> {
  for (const locale of [undefined, ...LOCALES]) {
    const lang = locale ?? 'vi';
    const language = locale ? { language_code: locale } : {};
    await api.setMyCommands(commandList(i18n, lang, PRIVATE_COMMANDS), { scope: { type: 'all_private_chats' }, ...language });
    await api.setMyCommands(commandList(i18n, lang, GROUP_COMMANDS), { scope: { type: 'all_group_chats' }, ...language });
  }
}
