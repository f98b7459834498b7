// The claim that keeps a reminder (or a notice) from being sent twice. A worker may send only
// after it moved the row PENDING → CLAIMED with a conditional update; a claim left
// by a crashed worker expires and can be taken again.
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/** Prisma, or the plain `pg` runner the worker has (each send runs these statements). */
type Db = PrismaClient | SqlRunner;

/** How long a claim protects a send in progress; longer than any single Bot API call. */
export const CLAIM_TTL_MS = 60_000;

// The send path is the hottest code of the service: it runs hand-written SQL, one
// statement per step, because each query-builder call costs several ms of CPU here.
// ("updatedAt" is set by hand: Prisma's @updatedAt only applies to its own queries.)

/**
 * A chat's reminders a turn may send: unsent, and due (planned by now, or the job's own one
 * at the instant it was queued for). One definition for the check before booking a slot and
 * for the claim at the slot, so a slot is never booked for what the claim would not take.
 */
function unsentAndDue(alias: 'e' | 'r', ownId: Prisma.Sql | number, queuedFor: Date, now: Date): Prisma.Sql {
  const r = Prisma.raw(alias);
  return Prisma.sql`${r}.status IN ('PENDING', 'CLAIMED') AND (${r}."plannedAt" <= ${now} OR (${r}.id = ${ownId} AND ${r}."plannedAt" = ${queuedFor}))`;
}

/** The chat a send-reminder job holds a turn for, read from the job's own reminder. */
export interface SlotOwner {
  ownStatus: 'PENDING' | 'CLAIMED' | 'SENT' | 'FAILED' | 'CANCELLED';
  ownPlannedAt: Date;
  chatIdentityId: number | null;
  chatActive: boolean | null;
  chatChannel: 'TELEGRAM' | 'ZALO' | null;
  chatExternalId: string | null;
  /** Some unsent reminder to this chat is due (or the job's own one, at the instant it was queued for). */
  anyDue: boolean;
}

export async function loadSlotOwner(db: Db, reminderId: number, queuedFor: Date, now: Date): Promise<SlotOwner | undefined> {
  const rows = await runnerOf(db).rows<SlotOwner>(Prisma.sql`
    SELECT o.status::text AS "ownStatus", o."plannedAt" AS "ownPlannedAt", o."chatIdentityId",
           c.active AS "chatActive", c.channel::text AS "chatChannel", c."externalId" AS "chatExternalId",
           EXISTS (
             SELECT 1 FROM "Reminder" e
             WHERE e."chatIdentityId" = o."chatIdentityId" AND ${unsentAndDue('e', Prisma.raw('o.id'), queuedFor, now)}
           ) AS "anyDue"
    FROM "Reminder" o LEFT JOIN "ChatIdentity" c ON c.id = o."chatIdentityId"
    WHERE o.id = ${reminderId}`);
  return rows[0];
}

export type NextClaim =
  | { outcome: 'claimed'; id: number; plannedAt: Date; kind: string; chatExternalId: string; chatChannel: 'TELEGRAM' | 'ZALO' }
  | { outcome: 'nothing-due' }
  | { outcome: 'chat-inactive' }
  | { outcome: 'claimed-elsewhere'; retryAt: Date };

/**
 * Claims the chat's earliest unsent reminder that is due, in one statement: a conditional
 * update (still pending, or a claim whose worker died) of the row that comes first by
 * instant, then id. An earlier reminder claimed by a live worker blocks later ones, so a
 * chat never sees its reminders out of order.
 */
export async function claimNextForChat(
  db: Db,
  chatIdentityId: number,
  own: { id: number; queuedFor: Date },
  now: Date,
  ttlMs = CLAIM_TTL_MS,
): Promise<NextClaim> {
  const rows = await runnerOf(db).rows<{ id: number | null; claimExpiresAt: Date | null; claimed: boolean; plannedAt: Date | null; kind: string | null; active: boolean; externalId: string; channel: 'TELEGRAM' | 'ZALO' }>(Prisma.sql`
    WITH chat AS (
      SELECT id, active, "externalId", channel::text AS channel FROM "ChatIdentity" WHERE id = ${chatIdentityId}
    ), next AS (
      SELECT r.id, r."claimExpiresAt" FROM "Reminder" r, chat
      WHERE chat.active AND r."chatIdentityId" = chat.id AND ${unsentAndDue('r', own.id, own.queuedFor, now)}
      ORDER BY r."plannedAt", r.id
      LIMIT 1
    ), claimed AS (
      UPDATE "Reminder" r
      SET status = 'CLAIMED', "claimedAt" = ${now}, "claimExpiresAt" = ${new Date(now.getTime() + ttlMs)},
          attempts = r.attempts + 1, "updatedAt" = ${now}
      FROM next
      WHERE r.id = next.id AND (r.status = 'PENDING' OR (r.status = 'CLAIMED' AND r."claimExpiresAt" < ${now}))
      RETURNING r.id, r."plannedAt", r.kind
    )
    SELECT next.id, next."claimExpiresAt", claimed.id IS NOT NULL AS claimed, claimed."plannedAt", claimed.kind,
           chat.active, chat."externalId", chat.channel
    FROM chat LEFT JOIN next ON true LEFT JOIN claimed ON claimed.id = next.id`);
  const row = rows[0];
  if (!row || !row.active) return { outcome: 'chat-inactive' };
  if (row.id === null) return { outcome: 'nothing-due' };
  if (!row.claimed) {
    // Held by a worker that is sending it now, or died: look again when its claim lapses.
    const retryAt = row.claimExpiresAt && row.claimExpiresAt > now ? row.claimExpiresAt : new Date(now.getTime() + 1000);
    return { outcome: 'claimed-elsewhere', retryAt };
  }
  return { outcome: 'claimed', id: row.id, plannedAt: row.plannedAt!, kind: row.kind!, chatExternalId: row.externalId, chatChannel: row.channel };
}

/**
 * Reminders and notices are both sent once under a claim, with the same status, claim and send
 * columns: the transitions after the claim are one piece of code for both tables.
 */
export type ClaimedTable = 'Reminder' | 'Notice';

function tableOf(table: ClaimedTable): Prisma.Sql {
  return Prisma.raw(table === 'Notice' ? '"Notice"' : '"Reminder"');
}

/** Records a successful send. Only the claim holder's row (still CLAIMED) is updated. */
export async function recordSent(db: Db, table: ClaimedTable, id: number, messageId: string, now: Date): Promise<boolean> {
  const rows = await runnerOf(db).rows<{ id: number }>(Prisma.sql`
    UPDATE ${tableOf(table)}
    SET status = 'SENT', "sentAt" = ${now}, "channelMessageId" = ${messageId}, "claimExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${now}
    WHERE id = ${id} AND status = 'CLAIMED'
    RETURNING id`);
  return rows.length === 1;
}

/** Gives the row back (nothing was sent), so a retry can claim it at once. */
export async function releaseClaim(db: Db, table: ClaimedTable, id: number, error: string): Promise<void> {
  // "updatedAt" by hand, the wall-clock write time, as Prisma's @updatedAt would set it.
  await runnerOf(db).rows(Prisma.sql`
    UPDATE ${tableOf(table)}
    SET status = 'PENDING', "claimExpiresAt" = NULL, "lastError" = ${error.slice(0, 500)}, "updatedAt" = ${new Date()}
    WHERE id = ${id} AND status = 'CLAIMED'`);
}

/** A final state that no retry will change, with the reason visible to people. */
export async function markFailed(db: Db, table: ClaimedTable, id: number, error: string, status: 'FAILED' | 'CANCELLED' = 'FAILED'): Promise<void> {
  await runnerOf(db).rows(Prisma.sql`
    UPDATE ${tableOf(table)}
    SET status = ${status}::"ReminderStatus", "claimExpiresAt" = NULL, "lastError" = ${error.slice(0, 500)}, "updatedAt" = ${new Date()}
    WHERE id = ${id} AND status IN ('PENDING', 'CLAIMED')`);
}

/** Reminder kinds that pile up for one chat (an old plan imported, a leader who just linked). */
export const FOLDABLE_KINDS = ['overdue', 'escalation-leader', 'escalation-monitor'] as const;

/**
 * With one overdue reminder of a chat claimed, claims the chat's other overdue reminders due now
 * (up to `max`), but only when there are at least `minOthers` of them: then they go out as one
 * list instead of a card each. Rows another worker holds are skipped, not waited for.
 */
export async function claimBurstForChat(
  db: Db,
  chatIdentityId: number,
  claimedId: number,
  now: Date,
  options: { minOthers: number; max: number; ttlMs?: number },
): Promise<number[]> {
  const rows = await runnerOf(db).rows<{ id: number }>(Prisma.sql`
    WITH due AS (
      SELECT r.id FROM "Reminder" r
      WHERE r."chatIdentityId" = ${chatIdentityId} AND r.id <> ${claimedId} AND r.status = 'PENDING'
        AND r."plannedAt" <= ${now} AND r.kind = ANY(${[...FOLDABLE_KINDS]}::text[])
      ORDER BY r."plannedAt", r.id
      LIMIT ${options.max}
      FOR UPDATE SKIP LOCKED
    ), enough AS (
      SELECT count(*) >= ${options.minOthers} AS ok FROM due
    )
    UPDATE "Reminder" r
    SET status = 'CLAIMED', "claimedAt" = ${now}, "claimExpiresAt" = ${new Date(now.getTime() + (options.ttlMs ?? CLAIM_TTL_MS))},
        attempts = r.attempts + 1, "updatedAt" = ${now}
    FROM due, enough
    WHERE enough.ok AND r.id = due.id AND r.status = 'PENDING'
    RETURNING r.id`);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Records one send for several claimed reminders (a folded list). */
export async function recordSentMany(db: Db, ids: number[], messageId: string, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const rows = await runnerOf(db).rows<{ id: number }>(Prisma.sql`
    UPDATE "Reminder"
    SET status = 'SENT', "sentAt" = ${now}, "channelMessageId" = ${messageId}, "claimExpiresAt" = NULL, "lastError" = NULL, "updatedAt" = ${now}
    WHERE id = ANY(${ids}::int[]) AND status = 'CLAIMED'
    RETURNING id`);
  return rows.length;
}
