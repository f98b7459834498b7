// Notices as an outbox: what an action tells other people (an extension asked or decided, an
// explanation demanded or given, a result to confirm or returned, evidence for a waiting result,
// a task passed down and its holder's answers) is written as Notice rows in the action's own
// transaction, one per recipient, keyed by event and recipient so writing twice writes once.
// The payload holds ids and small fields only: the message is composed when it is sent
// (messages/notice.ts), by the send-notice job (delivery/notice-delivery.ts).
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';

const id = z.number().int().positive().max(2 ** 31 - 1);

/** Each kind with the payload it carries. */
export const noticePayloadSchema = z.discriminatedUnion('kind', [
  /** A decider is asked to approve or reject an extension request. */
  z.object({ kind: z.literal('extension-asked'), requestId: id }),
  /** The requester hears the decision. */
  z.object({ kind: z.literal('extension-decided'), requestId: id }),
  /** An officer of the responsible unit (or the holder) is asked to explain. */
  z.object({ kind: z.literal('explanation-asked'), requestId: id }),
  /** The leader who asked hears the explanation. */
  z.object({ kind: z.literal('explanation-answered'), requestId: id }),
  /** An officer of the monitoring unit gets a "done" (the report) to confirm or return. */
  z.object({ kind: z.literal('confirmation-asked'), taskId: id, reportId: id }),
  /** The reporter hears that their "done" (the report) was confirmed. */
  z.object({ kind: z.literal('confirmation-confirmed'), taskId: id, reportId: id, byOfficerId: id }),
  /** The reporter hears that their "done" was returned (the RETURNED report holds who and why). */
  z.object({ kind: z.literal('confirmation-returned'), taskId: id, returnReportId: id }),
  /** The monitoring unit's officers hear of evidence added to a "done" that waits for them. */
  z.object({ kind: z.literal('evidence-added'), evidenceId: id }),
  /** A new holder gets the task passed down to them (the assignment). */
  z.object({ kind: z.literal('pass-down-given'), assignmentId: id }),
  /** A giver up the chain hears the holder's answer (the report; progress and waiting as of the answer). */
  z.object({ kind: z.literal('pass-down-answer'), taskId: id, reportId: id, progress: z.number().int().min(0).max(100), awaitingConfirmation: z.boolean() }),
  /** A giver up the chain hears that the holder asked for an extension. */
  z.object({ kind: z.literal('pass-down-extension'), taskId: id, requestId: id }),
]);
export type NoticePayload = z.infer<typeof noticePayloadSchema>;
export type NoticeKind = NoticePayload['kind'];

/** A notice as the sender reads it: what to compose, for whom. */
export interface NoticeRow {
  id: number;
  kind: string;
  recipientOfficerId: number;
  payload: unknown;
}

/** The kind and payload of a row, validated (they were written by this code, but a row outlives a release). */
export function parseNotice(row: Pick<NoticeRow, 'kind' | 'payload'>): NoticePayload {
  return noticePayloadSchema.parse({ ...(row.payload as object), kind: row.kind });
}

/** One event for several recipients: `event` names it in the key ("r12" for request 12). */
export interface NoticeDraft {
  payload: NoticePayload;
  event: string;
  recipientIds: number[];
}

function rowsOf(drafts: NoticeDraft[]) {
  return drafts.flatMap(({ payload, event, recipientIds }) => {
    const { kind, ...rest } = payload;
    return [...new Set(recipientIds)].map((recipient) => ({ kind, key: `${kind}:${event}:o${recipient}`, recipient, payload: rest }));
  });
}

/**
 * Writes the notices (in the caller's transaction) and returns the ids written now. A recipient
 * who is inactive or has no active chat gets none; a notice already written (same key) is not
 * written again. The caller queues the ids after its commit (BotServices.sendNotices).
 */
export async function writeNotices(db: PrismaClient | Prisma.TransactionClient | SqlRunner, drafts: NoticeDraft[], now: Date): Promise<number[]> {
  const rows = rowsOf(drafts);
  if (!rows.length) return [];
  const written = await runnerOf(db).rows<{ id: number }>(Prisma.sql`
    INSERT INTO "Notice" (kind, key, "recipientOfficerId", payload, "createdAt", "updatedAt")
    SELECT d.kind, d.key, d.recipient, d.payload, ${now}::timestamp(3), ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS d(kind text, key text, recipient int, payload jsonb)
    WHERE EXISTS (
      SELECT 1 FROM "Officer" o JOIN "ChatIdentity" c ON c."officerId" = o.id AND c.active
      WHERE o.id = d.recipient AND o.active)
    ORDER BY d.key
    ON CONFLICT (key) DO NOTHING
    RETURNING id`);
  return written.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * SQL for recordAnswer's single statement: the notices an answer causes, from its `updated` task
 * row and its `report`. A "done" that now waits: each active officer of the monitoring units with a
 * chat gets it to confirm. A task passed down: each active giver up the chain with a chat hears
 * the answer. The answerer is never told of their own answer.
 */
export function answerNoticesSql(officerId: number, now: Date): Prisma.Sql {
  return Prisma.sql`
      notices AS (
        INSERT INTO "Notice" (kind, key, "recipientOfficerId", payload, "createdAt", "updatedAt")
        SELECT n.kind, n.kind || ':r' || report.id || ':o' || n.recipient, n.recipient, n.payload, ${now}::timestamp(3), ${now}::timestamp(3)
        FROM updated, report, LATERAL (
          SELECT 'confirmation-asked' AS kind, o.id AS recipient, jsonb_build_object('taskId', updated.id, 'reportId', report.id) AS payload
          FROM "Officer" o
          WHERE updated."confirmationPendingAt" IS NOT NULL AND o.active AND o.id <> ${officerId}::int
            AND o."unitId" IN (SELECT tu."unitId" FROM "TaskUnit" tu WHERE tu."taskId" = updated.id AND tu.role = 'MONITOR')
          UNION ALL
          SELECT DISTINCT 'pass-down-answer', a."fromOfficerId",
                 jsonb_build_object('taskId', updated.id, 'reportId', report.id, 'progress', updated.progress, 'awaitingConfirmation', updated."confirmationPendingAt" IS NOT NULL)
          FROM "TaskAssignment" a JOIN "Officer" g ON g.id = a."fromOfficerId" AND g.active
          WHERE a."taskId" = updated.id AND a."revokedAt" IS NULL AND a."fromOfficerId" <> ${officerId}::int
        ) n
        WHERE EXISTS (SELECT 1 FROM "ChatIdentity" c WHERE c."officerId" = n.recipient AND c.active)
        ON CONFLICT (key) DO NOTHING
        RETURNING id
      )`;
}
