// Onboarding codes: 128 random bits, single use, expiring; only a SHA-256 hash is stored,
// so a copy of the database does not let anyone link a chat to an officer.
import { createHash, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { audit } from './audit.ts';

export const INVITE_CODE_BYTES = 16;
export const INVITE_TTL_DAYS = 14;
/** base64url of 16 bytes is 22 characters; Telegram's /start payload allows [A-Za-z0-9_-]{1,64}. */
const CODE_FORMAT = /^[A-Za-z0-9_-]{22}$/;

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

export function generateInviteCode(): string {
  return randomBytes(INVITE_CODE_BYTES).toString('base64url');
}

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

/**
 * Ends every unused code of an officer now (a new invite replaces them, or the officer left).
 * A revoked code reads as expired to whoever tries it: "ask for a new code" is the right answer.
 */
export async function revokeInvites(tx: Prisma.TransactionClient, officerId: number, now: Date): Promise<number> {
  const { count } = await tx.inviteCode.updateMany({ where: { officerId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  return count;
}

/** Creates a new code for an officer (earlier unused codes stay valid until they expire, unless revoked). */
export async function createInvite(tx: Prisma.TransactionClient, officerId: number, now: Date, ttlDays = INVITE_TTL_DAYS): Promise<{ code: string; expiresAt: Date }> {
  const code = generateInviteCode();
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  await tx.inviteCode.create({ data: { codeHash: hashInviteCode(code), officerId, expiresAt, createdAt: now } });
  return { code, expiresAt };
}

export type RedeemResult =
  | { outcome: 'linked'; officerId: number; officerName: string; language: 'vi' | 'en' }
  | { outcome: 'invalid' | 'used' | 'expired' | 'inactive' };

/** Links a chat account to the officer of a code. The code is spent atomically: two chats racing with one code link one. */
export async function redeemInvite(
  prisma: PrismaClient,
  input: { code: string; channel: 'TELEGRAM' | 'ZALO'; externalId: string; username?: string; now: Date },
): Promise<RedeemResult> {
  if (!CODE_FORMAT.test(input.code)) return { outcome: 'invalid' };
  return prisma.$transaction(async (tx) => {
    const invite = await tx.inviteCode.findUnique({ where: { codeHash: hashInviteCode(input.code) }, include: { officer: true } });
    if (!invite) return { outcome: 'invalid' } as const;
    if (invite.usedAt) return { outcome: 'used' } as const;
    if (invite.expiresAt <= input.now) return { outcome: 'expired' } as const;
    if (!invite.officer.active) return { outcome: 'inactive' } as const;
    const spent = await tx.inviteCode.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: input.now } });
    if (spent.count === 0) return { outcome: 'used' } as const;

    // One active account per officer and channel: a new phone replaces the old chat quietly.
    await tx.chatIdentity.updateMany({
      where: { officerId: invite.officerId, channel: input.channel, active: true, NOT: { externalId: input.externalId } },
      data: { active: false, deactivatedAt: input.now, deactivationReason: 'relinked', deactivationReportedAt: input.now },
    });
    const identity = await tx.chatIdentity.upsert({
      where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
      create: { officerId: invite.officerId, channel: input.channel, externalId: input.externalId, username: input.username ?? null, linkedAt: input.now },
      update: { officerId: invite.officerId, username: input.username ?? null, active: true, linkedAt: input.now, deactivatedAt: null, deactivationReason: null, deactivationReportedAt: null },
    });
    await audit(tx, { actor: String(invite.officerId), action: 'chat.link', entityType: 'ChatIdentity', entityId: identity.id, data: { channel: input.channel, inviteId: invite.id } });
    return { outcome: 'linked', officerId: invite.officerId, officerName: invite.officer.name, language: invite.officer.language } as const;
  });
}
