// The claim that keeps a reminder from being sent twice. A worker may send only
// after it moved the row PENDING → CLAIMED for the exact instant it was queued for;
// a claim left by a crashed worker expires and can be taken again.
import type { PrismaClient } from '../generated/prisma/client.ts';

/** How long a claim protects a send in progress; longer than any single Bot API call. */
export const CLAIM_TTL_MS = 60_000;

export type ClaimOutcome =
  | { claimed: true }
  | { claimed: false; reason: 'gone' | 'sent' | 'cancelled' | 'failed' | 'rescheduled' | 'claimed-elsewhere'; retryAt?: Date };

// The send path is the hottest code of the service: it runs hand-written SQL, one
// statement per step, because each query-builder call costs several ms of CPU here.
// ("updatedAt" is set by hand: Prisma's @updatedAt only applies to its own queries.)

export interface ReminderForSend {
  id: number;
  status: 'PENDING' | 'CLAIMED' | 'SENT' | 'FAILED' | 'CANCELLED';
  plannedAt: Date;
  kind: string;
  chatIdentityId: number | null;
  chatActive: boolean | null;
  chatChannel: 'TELEGRAM' | 'ZALO' | null;
  chatExternalId: string | null;
  /** An earlier reminder to the same chat is still unsent: it goes first. */
  hasEarlier: boolean;
}

export async function loadForSend(prisma: PrismaClient, id: number): Promise<ReminderForSend | undefined> {
  const rows = await prisma.$queryRaw<ReminderForSend[]>`
    SELECT r.id, r.status::text AS status, r."plannedAt", r.kind, r."chatIdentityId",
           c.active AS "chatActive", c.channel::text AS "chatChannel", c."externalId" AS "chatExternalId",
           EXISTS (
             SELECT 1 FROM "Reminder" e
             WHERE e."chatIdentityId" = r."chatIdentityId" AND e.status IN ('PENDING', 'CLAIMED')
               AND (e."plannedAt" < r."plannedAt" OR (e."plannedAt" = r."plannedAt" AND e.id < r.id))
           ) AS "hasEarlier"
    FROM "Reminder" r LEFT JOIN "ChatIdentity" c ON c.id = r."chatIdentityId"
    WHERE r.id = ${id}`;
  return rows[0];
}

/**
 * How many unsent reminders that are already due come before this one (by instant, then id):
 * roughly how many sends the whole service makes before this one's turn. Capped.
 */
export async function queuePosition(prisma: PrismaClient, id: number, plannedAt: Date, now: Date, cap = 100_000): Promise<number> {
  const rows = await prisma.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM "Reminder"
      WHERE status IN ('PENDING', 'CLAIMED') AND "plannedAt" <= ${now}
        AND ("plannedAt" < ${plannedAt} OR ("plannedAt" = ${plannedAt} AND id < ${id}))
      LIMIT ${cap}
    ) earlier`;
  return Number(rows[0]?.n ?? 0);
}

export async function claimReminder(prisma: PrismaClient, id: number, expectedPlannedAt: Date, now: Date, ttlMs = CLAIM_TTL_MS): Promise<ClaimOutcome> {
  const count = await prisma.$executeRaw`
    UPDATE "Reminder"
    SET status = 'CLAIMED', "claimedAt" = ${now}, "claimExpiresAt" = ${new Date(now.getTime() + ttlMs)},
        attempts = attempts + 1, "updatedAt" = ${now}
    WHERE id = ${id} AND "plannedAt" = ${expectedPlannedAt}
      AND (status = 'PENDING' OR (status = 'CLAIMED' AND "claimExpiresAt" < ${now}))`;
  if (count === 1) return { claimed: true };
  const row = await prisma.reminder.findUnique({ where: { id }, select: { status: true, plannedAt: true, claimExpiresAt: true } });
  if (!row) return { claimed: false, reason: 'gone' };
  if (row.status === 'SENT') return { claimed: false, reason: 'sent' };
  if (row.status === 'CANCELLED') return { claimed: false, reason: 'cancelled' };
  if (row.status === 'FAILED') return { claimed: false, reason: 'failed' };
  if (row.plannedAt.getTime() !== expectedPlannedAt.getTime()) return { claimed: false, reason: 'rescheduled' };
  return { claimed: false, reason: 'claimed-elsewhere', retryAt: row.claimExpiresAt ?? new Date(now.getTime() + ttlMs) };
}

/** Records a successful send. Only the claim holder's row (still CLAIMED) is updated. */
export async function recordSent(prisma: PrismaClient, id: number, messageId: string, now: Date): Promise<boolean> {
  const count = await prisma.$executeRaw`
    UPDATE "Reminder"
    SET status = 'SENT', "sentAt" = ${now}, "channelMessageId" = ${messageId}, "claimExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${now}
    WHERE id = ${id} AND status = 'CLAIMED'`;
  return count === 1;
}

/** Gives the reminder back (nothing was sent), so a retry can claim it at once. */
export async function releaseClaim(prisma: PrismaClient, id: number, error: string): Promise<void> {
  await prisma.reminder.updateMany({ where: { id, status: 'CLAIMED' }, data: { status: 'PENDING', claimExpiresAt: null, lastError: error.slice(0, 500) } });
}

/** A final state that no retry will change, with the reason visible to people. */
export async function markFailed(prisma: PrismaClient, id: number, error: string, status: 'FAILED' | 'CANCELLED' = 'FAILED'): Promise<void> {
  await prisma.reminder.updateMany({
    where: { id, status: { in: ['PENDING', 'CLAIMED'] } },
    data: { status, claimExpiresAt: null, lastError: error.slice(0, 500) },
  });
}
