// What a 403 means for the rows: the chat is gone (blocked, kicked, deleted), so nothing
// more is sent there. A person's chat identity is marked inactive with the reason, which
// the unit leader's next digest reports; a group subscription is switched off. Each with
// an audit entry, in the same transaction as the caller's own change.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { ClaimedTable } from './claim.ts';

export function deactivateChatIdentity(prisma: PrismaClient, chatIdentityId: number, reason: string, now: Date): Prisma.PrismaPromise<unknown>[] {
  return [
    prisma.chatIdentity.update({
      where: { id: chatIdentityId },
      data: { active: false, deactivatedAt: now, deactivationReason: reason.slice(0, 200) },
    }),
    prisma.auditLog.create({
      data: { actor: 'worker', action: 'chat.deactivated', entityType: 'ChatIdentity', entityId: String(chatIdentityId), data: { reason } },
    }),
  ];
}

export function deactivateSubscription(prisma: PrismaClient, subscriptionId: number, reason: string): Prisma.PrismaPromise<unknown>[] {
  return [
    prisma.chatSubscription.update({ where: { id: subscriptionId }, data: { active: false } }),
    prisma.auditLog.create({
      data: { actor: 'worker', action: 'subscription.deactivated', entityType: 'ChatSubscription', entityId: String(subscriptionId), data: { reason } },
    }),
  ];
}

/**
 * A send refused because the recipient is gone: their chat is switched off and the claimed row
 * (a reminder or a notice) fails for good, in one transaction.
 */
export async function failForGoneRecipient(
  prisma: PrismaClient,
  row: { table: ClaimedTable; id: number; chatIdentityId: number },
  reason: string,
  now: Date,
): Promise<void> {
  const failed = { where: { id: row.id }, data: { status: 'FAILED' as const, claimExpiresAt: null, lastError: reason.slice(0, 500) } };
  await prisma.$transaction([
    ...deactivateChatIdentity(prisma, row.chatIdentityId, reason, now),
    row.table === 'Notice' ? prisma.notice.updateMany(failed) : prisma.reminder.updateMany(failed),
  ]);
}
