// Which chat reminds an officer linked on both platforms: the platform they chose
// (Officer.reminderChannel), else the chat linked last. One chat either way, so the same
// reminder never goes to both. The choice is pure; choosing also moves the officer's pending
// reminders to the chosen chat, since planned rows keep the chat they were planned for.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { audit } from './audit.ts';

import type { ReminderPlatform } from '../replies/settings-commands.ts';

export type { ReminderPlatform };

/** Active chats, most recently linked first, as the queries below read them. */
export const ACTIVE_CHATS_NEWEST_FIRST = { where: { active: true }, orderBy: [{ linkedAt: 'desc' as const }, { id: 'desc' as const }] };

/** The chats in the order they should be tried: the chosen platform's first, the rest as given (newest first). */
export function byReminderChoice<T extends { channel: string }>(chats: T[], choice: ReminderPlatform | null | undefined): T[] {
  if (!choice) return chats;
  return [...chats.filter((c) => c.channel === choice), ...chats.filter((c) => c.channel !== choice)];
}

/** The one chat reminders go to (undefined when none is linked). */
export function reminderChat<T extends { channel: string }>(chats: T[], choice: ReminderPlatform | null | undefined): T | undefined {
  return byReminderChoice(chats, choice)[0];
}

type Db = PrismaClient | Prisma.TransactionClient;

/** The chat identity an officer is reminded on now. */
export async function reminderChatOf(db: Db, officerId: number): Promise<{ id: number; channel: ReminderPlatform; externalId: string } | undefined> {
  const officer = await db.officer.findUnique({
    where: { id: officerId },
    select: { reminderChannel: true, chatIdentities: { ...ACTIVE_CHATS_NEWEST_FIRST, select: { id: true, channel: true, externalId: true } } },
  });
  return officer ? reminderChat(officer.chatIdentities, officer.reminderChannel) : undefined;
}

/**
 * Points the officer's pending reminders at the chat they are reminded on now (after a choice or
 * a new link). A job reads its reminder's chat when it runs, so queued jobs follow.
 */
export async function repointPendingReminders(db: Db, officerId: number): Promise<number> {
  const chat = await reminderChatOf(db, officerId);
  if (!chat) return 0;
  const { count } = await db.reminder.updateMany({ where: { officerId, status: 'PENDING', NOT: { chatIdentityId: chat.id } }, data: { chatIdentityId: chat.id } });
  return count;
}

export type SetReminderChannelResult =
  | { outcome: 'set'; channel: ReminderPlatform | null; moved: number }
  /** The chosen platform has no active chat of this officer: nothing changed. */
  | { outcome: 'not-linked' };

/** Records the officer's choice (null = the chat linked last) and moves their pending reminders. Audited. */
export async function setReminderChannel(prisma: PrismaClient, input: { officerId: number; channel: ReminderPlatform | null }): Promise<SetReminderChannelResult> {
  return prisma.$transaction(async (tx) => {
    if (input.channel) {
      const linked = await tx.chatIdentity.count({ where: { officerId: input.officerId, channel: input.channel, active: true } });
      if (!linked) return { outcome: 'not-linked' } as const;
    }
    await tx.officer.update({ where: { id: input.officerId }, data: { reminderChannel: input.channel } });
    const moved = await repointPendingReminders(tx, input.officerId);
    await audit(tx, { actor: String(input.officerId), action: 'officer.reminder-channel', entityType: 'Officer', entityId: input.officerId, data: { channel: input.channel, moved } });
    return { outcome: 'set', channel: input.channel, moved } as const;
  });
}


/** The locale key naming a choice ("Telegram", "Zalo", "the chat linked last"). */
export function reminderChannelNameKey(channel: ReminderPlatform | null): string {
  return channel === 'TELEGRAM' ? 'reminder-channel-telegram' : channel === 'ZALO' ? 'reminder-channel-zalo' : 'reminder-channel-last';
}
