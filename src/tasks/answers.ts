// Recording what officers answer: one transaction per answer holding the report, the
// task's new state and the audit entry. Reports are never updated, so an answer never
// loses what was recorded before it; replaying an answer that is already recorded is a no-op.
import { reminderChatOf } from './reminder-channel.ts';
import { Prisma, type PrismaClient, type StatusReport, type Task } from '../generated/prisma/client.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import { scopeSql, seenOf, taskViewByIdSql, unitsHolding, TASK_VIEW_COLUMNS, type SeenTask, type TaskWithView } from './queries.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { audit } from './audit.ts';
import { canAnswerTask, canDecideExtension } from '../access/permissions.ts';
import { loadActor, PermissionError, type LoadedActor } from './actor.ts';
import { dbDateOf, isoOfDbDate } from '../status/tracking-status.ts';
import { NEEDS_CONFIRMATION_SQL } from './confirmations.ts';
import { answerNoticesSql, writeNotices } from './notices.ts';
import { giverIds } from './pass-down.ts';
import { evidenceWhileWaiting } from './evidence-waiting.ts';

/** Longest note we store; longer text is cut (Telegram itself caps a message at 4,096). */
export const MAX_NOTE_LENGTH = 20_000;

export type AnswerKind = 'DONE' | 'IN_PROGRESS' | 'BLOCKED';

export interface AnswerInput {
  officerId: number;
  taskId: number;
  kind: AnswerKind;
  progress?: number;
  note?: string;
  now: Date;
  /** The officer as already loaded for this update (saves a query); re-read when absent. */
  actor?: LoadedActor;
  /** The task as already read for this update (saves a query); re-read when absent or changed since. */
  seen?: SeenTask;
}

export type AnswerResult =
  /** noticeIds: the notices the answer wrote (a result to confirm, givers up the chain), for the caller to queue. */
  | { outcome: 'recorded'; report: StatusReport; task: Task; view: TaskWithView; noticeIds: number[] }
  /** The task is already done: a replayed or late answer changes nothing. */
  | { outcome: 'already-done'; task: Task; view: TaskWithView };

export class TaskNotFoundError extends Error {
  override name = 'TaskNotFoundError';
}

function cleanNote(note: string | undefined): string | undefined {
  const trimmed = note?.trim();
  return trimmed ? trimmed.slice(0, MAX_NOTE_LENGTH) : undefined;
}

/** The task row of a view (without its relations). */
function taskOf(view: TaskWithView): Task {
  const { plan: _plan, units: _units, reports: _reports, explanation: _explanation, chain: _chain, ...task } = view;
  return task;
}

function isRecurring(task: Task): boolean {
  const kind = (task.schedule as { kind?: string } | null)?.kind;
  return kind === 'recurring' || kind === 'ongoing';
}

async function loadForAnswer(tx: Prisma.TransactionClient, officerId: number, taskId: number, known?: LoadedActor) {
  const actor = known && known.id === officerId ? known : await loadActor(tx, officerId);
  if (!actor) throw new PermissionError('unknown officer');
  // Lock the task row (two answers to one task are applied one after the other) and read it
  // with its units, plan and last note, so that the card shown afterwards needs no other read.
  const [task] = await tx.$queryRaw<TaskWithView[]>`
    SELECT ${TASK_VIEW_COLUMNS} FROM "Task" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = ${taskId} FOR UPDATE OF t`;
  if (!task) throw new TaskNotFoundError(`task ${taskId} not found`);
  if (!canAnswerTask(actor, actor.scope, unitsHolding(task))) throw new PermissionError('task outside the officer\'s units');
  return { actor, task };
}

/**
 * Throws PermissionError (or TaskNotFoundError) unless the officer may answer the task:
 * checked before a question is asked (a reason, a date), not only when the answer is written.
 */
export async function assertMayAnswer(prisma: PrismaClient, officerId: number, taskId: number): Promise<void> {
  const actor = await loadActor(prisma, officerId);
  if (!actor) throw new PermissionError('unknown officer');
  const [task] = await prisma.$queryRaw<TaskWithView[]>`
    SELECT ${TASK_VIEW_COLUMNS} FROM "Task" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = ${taskId}`;
  if (!task) throw new TaskNotFoundError(`task ${taskId} not found`);
  if (!canAnswerTask(actor, actor.scope, unitsHolding(task))) throw new PermissionError('task outside the officer\'s units');
}

/**
 * How often an answer is read and written again when another answer to the same task committed
 * between its read and its write; each retry means a concurrent writer made progress.
 */
export const ANSWER_ATTEMPTS = 20;

export class AnswerConflictError extends Error {
  override name = 'AnswerConflictError';
}

async function readForAnswer(sql: SqlRunner, taskId: number): Promise<SeenTask | undefined> {
  const [row] = await sql.rows<TaskWithView & { rowVersion: string }>(taskViewByIdSql(taskId));
  return row ? seenOf(row) : undefined;
}

/**
 * Records an answer: the report, the task's new state, the cancelled reminders and the audit entry
 * in one statement, written only if the task row is still the version the answer was decided on and
 * still in the officer's scope. Otherwise another answer committed first: read again and re-apply,
 * so that two answers to one task are applied one after the other, as with a row lock, without
 * holding a transaction open across round trips (this runs on every answer of the webhook path).
 */
export async function recordAnswer(db: PrismaClient | SqlRunner, input: AnswerInput): Promise<AnswerResult> {
  const sql = runnerOf(db);
  const note = cleanNote(input.note);
  const actor = input.actor?.id === input.officerId ? input.actor : await loadActor(sql, input.officerId);
  if (!actor) throw new PermissionError('unknown officer');
  let seen = input.seen?.view.id === input.taskId ? input.seen : undefined;
  for (let attempt = 0; attempt < ANSWER_ATTEMPTS; attempt++) {
    seen ??= await readForAnswer(sql, input.taskId);
    if (!seen) throw new TaskNotFoundError(`task ${input.taskId} not found`);
    const task = seen.view;
    if (!canAnswerTask(actor, actor.scope, unitsHolding(task))) throw new PermissionError('task outside the officer\'s units');
    if (task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'already-done', task: taskOf(task), view: task };
    // A "done" already waiting for the monitoring unit: a second one changes nothing (nor its time).
    if (task.confirmationPendingAt && input.kind === 'DONE') return { outcome: 'already-done', task: taskOf(task), view: task };

    const progress = input.kind === 'DONE' ? 100 : input.progress === undefined ? undefined : Math.max(0, Math.min(100, Math.round(input.progress)));
    const recurring = isRecurring(task);
    // The task's new state. A recurring task's occurrence is done; the task itself goes on.
    const finished = input.kind === 'DONE' && !recurring;
    const status: Task['status'] = input.kind === 'DONE' ? (recurring ? 'IN_PROGRESS' : 'DONE') : input.kind;
    const newProgress = finished ? 100 : input.kind === 'IN_PROGRESS' ? progress : undefined;
    // Done: the pending reminders (of this occurrence, for a recurring task) are cancelled.
    const cancelReminders = input.kind === 'DONE';
    const occurrence = recurring && task.due ? task.due : null;
    const auditData = { from: task.status, to: status, ...(progress === undefined ? {} : { progress }), ...(note ? { noteLength: note.length } : {}) };
    // Every part hangs on `updated`, the guarded UPDATE: a stale version writes nothing at all.
    // "updatedAt" is set by hand, as @updatedAt only applies to the builder's own queries
    // (the row's wall-clock write time, as Prisma's own path records it).
    const updatedAt = new Date();
    const [row] = await sql.rows<Task & { reportId: number; noticeIds: number[]; reports: TaskWithView['reports'] }>(Prisma.sql`
      WITH updated AS (
        UPDATE "Task" t SET
          -- With confirmation required, "done" waits (confirmations.ts); any other answer withdraws a waiting "done".
          status = CASE WHEN ${finished}::boolean AND ${NEEDS_CONFIRMATION_SQL} THEN 'IN_PROGRESS'::"TaskStatus" ELSE ${status}::"TaskStatus" END,
          progress = COALESCE(${newProgress ?? null}::int, t.progress),
          "completedAt" = CASE WHEN ${finished}::boolean AND NOT ${NEEDS_CONFIRMATION_SQL} THEN ${input.now}::timestamp(3) ELSE t."completedAt" END,
          "confirmationPendingAt" = CASE WHEN ${finished}::boolean AND ${NEEDS_CONFIRMATION_SQL} THEN ${input.now}::timestamp(3) ELSE NULL END,
          "updatedAt" = ${updatedAt}::timestamp(3)
        WHERE t.id = ${task.id} AND t.xmin = ${seen.version}::xid AND ${scopeSql(actor.scope)}
        RETURNING t.*
      ), report AS (
        INSERT INTO "StatusReport" ("taskId", "officerId", "occurrenceDue", status, progress, note, "createdAt")
        SELECT updated.id, ${input.officerId}::int, ${task.due}::date, ${input.kind}::"ReportStatus", ${progress ?? null}::int, ${note ?? null}::text, ${input.now}::timestamp(3)
        FROM updated
        RETURNING id, note
      ), cancelled AS (
        UPDATE "Reminder" SET status = 'CANCELLED', "updatedAt" = ${updatedAt}::timestamp(3)
        WHERE ${cancelReminders}::boolean AND EXISTS (SELECT 1 FROM updated) AND "taskId" = ${task.id}
          AND status = 'PENDING' AND (${occurrence}::date IS NULL OR "occurrenceDue" = ${occurrence}::date)
      ), logged AS (
        INSERT INTO "AuditLog" (at, actor, action, "entityType", "entityId", data)
        SELECT ${updatedAt}::timestamp(3), ${String(input.officerId)}::text, ${`task.${input.kind.toLowerCase().replace('_', '-')}`}::text, 'Task', ${String(task.id)}::text,
               jsonb_build_object('reportId', report.id, 'awaitingConfirmation', updated."confirmationPendingAt" IS NOT NULL) || ${JSON.stringify(auditData)}::jsonb
        FROM report, updated
      ), ${answerNoticesSql(input.officerId, input.now)}
      SELECT updated.*, (SELECT id FROM report) AS "reportId", (SELECT COALESCE(array_agg(id ORDER BY id), '{}') FROM notices) AS "noticeIds",
        (SELECT COALESCE(json_agg(json_build_object('note', n.note)), '[]') FROM (
           SELECT note FROM (
             SELECT report.note, ${input.now}::timestamp(3) AS "createdAt", report.id FROM report WHERE report.note IS NOT NULL
             UNION ALL
             SELECT sr.note, sr."createdAt", sr.id FROM "StatusReport" sr WHERE sr."taskId" = ${task.id} AND sr.note IS NOT NULL AND sr.status <> 'SNOOZED'
           ) notes ORDER BY "createdAt" DESC, id DESC LIMIT 1) n) AS reports
      FROM updated`);
    if (!row) {
      seen = undefined;
      continue;
    }
    const { reportId, noticeIds, reports, ...updated } = row;
    const report: StatusReport = {
      id: reportId,
      taskId: task.id,
      officerId: input.officerId,
      occurrenceDue: task.due,
      status: input.kind,
      progress: progress ?? null,
      note: note ?? null,
      createdAt: input.now,
    };
    // The card's view after the answer: the new task row, the plan and units as read, the last note as of now.
    return { outcome: 'recorded', report, task: updated, view: { ...updated, plan: task.plan, units: task.units, reports, chain: task.chain ?? null }, noticeIds };
  }
  throw new AnswerConflictError(`task ${input.taskId} changed ${ANSWER_ATTEMPTS} times while answering`);
}

export interface EvidenceInput {
  officerId: number;
  reportId: number;
  kind: 'DOCUMENT' | 'PHOTO' | 'LINK';
  reference: string;
  fileName?: string;
  mimeType?: string;
  now?: Date;
}

/**
 * Attaches a document, photo or link to the officer's own report. Evidence for a "done" that waits
 * for confirmation writes a notice to each officer the confirmation card went to (noticeIds).
 */
export async function addEvidence(prisma: PrismaClient, input: EvidenceInput) {
  return prisma.$transaction(async (tx) => {
    const report = await tx.statusReport.findUnique({ where: { id: input.reportId } });
    if (!report || report.officerId !== input.officerId) throw new PermissionError('not the officer\'s report');
    const evidence = await tx.evidence.create({
      data: {
        reportId: report.id,
        kind: input.kind,
        reference: input.reference.slice(0, 2_000),
        ...(input.fileName ? { fileName: input.fileName.slice(0, 500) } : {}),
        ...(input.mimeType ? { mimeType: input.mimeType.slice(0, 200) } : {}),
      },
    });
    await audit(tx, { actor: String(input.officerId), action: 'evidence.add', entityType: 'StatusReport', entityId: report.id, data: { evidenceId: evidence.id, kind: input.kind } });
    const waiting = await evidenceWhileWaiting(tx, evidence.id);
    const noticeIds = waiting
      ? await writeNotices(tx, [{ payload: { kind: 'evidence-added', evidenceId: evidence.id }, event: `e${evidence.id}`, recipientIds: waiting.recipientIds }], input.now ?? new Date())
      : [];
    return { ...evidence, noticeIds };
  });
}

// ---------- extensions ----------

export type ExtensionRequestResult =
  | { outcome: 'requested'; requestId: number; currentDue?: IsoDate; proposedDue: IsoDate; deciderIds: number[]; noticeIds: number[] }
  | { outcome: 'already-done' }
  | { outcome: 'not-later'; currentDue: IsoDate };

/** An officer asks for a later deadline; the leaders of the lead unit (or admins) decide. */
export async function requestExtension(
  prisma: PrismaClient,
  input: { officerId: number; taskId: number; proposedDue: IsoDate; reason?: string; now: Date },
): Promise<ExtensionRequestResult> {
  const reason = cleanNote(input.reason);
  return prisma.$transaction(async (tx) => {
    const { task } = await loadForAnswer(tx, input.officerId, input.taskId);
    if (task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'already-done' } as const;
    const currentDue = task.due ? isoOfDbDate(task.due) : undefined;
    if (currentDue && input.proposedDue <= currentDue) return { outcome: 'not-later', currentDue } as const;

    // A new request replaces the officer's pending one for the same task.
    await tx.extensionRequest.updateMany({
      where: { taskId: task.id, requesterId: input.officerId, status: 'PENDING' },
      data: { status: 'WITHDRAWN', decidedAt: input.now },
    });
    const request = await tx.extensionRequest.create({
      data: {
        taskId: task.id,
        requesterId: input.officerId,
        currentDue: task.due,
        proposedDue: dbDateOf(input.proposedDue),
        ...(reason ? { reason } : {}),
        createdAt: input.now,
      },
    });
    await tx.statusReport.create({
      data: { taskId: task.id, officerId: input.officerId, occurrenceDue: task.due, status: 'EXTENSION_REQUESTED', ...(reason ? { note: reason } : {}), createdAt: input.now },
    });
    await audit(tx, { actor: String(input.officerId), action: 'extension.request', entityType: 'ExtensionRequest', entityId: request.id, data: { taskId: task.id, currentDue: currentDue ?? null, proposedDue: input.proposedDue } });

    const leadUnits = task.units.filter((u) => u.role === 'LEAD').map((u) => u.unitId);
    const leaders = await tx.officer.findMany({ where: { role: 'LEADER', active: true, unitId: { in: leadUnits } }, select: { id: true } });
    const deciders = leaders.length ? leaders : await tx.officer.findMany({ where: { role: 'ADMIN', active: true }, select: { id: true } });
    const deciderIds = deciders.map((d) => d.id).filter((id) => id !== input.officerId);
    // The deciders are asked; the givers up the chain of a task passed down hear of it.
    const noticeIds = await writeNotices(tx, [
      { payload: { kind: 'extension-asked', requestId: request.id }, event: `r${request.id}`, recipientIds: deciderIds },
      { payload: { kind: 'pass-down-extension', taskId: task.id, requestId: request.id }, event: `r${request.id}`, recipientIds: await giverIds(tx, task.id, input.officerId) },
    ], input.now);
    return { outcome: 'requested', requestId: request.id, ...(currentDue ? { currentDue } : {}), proposedDue: input.proposedDue, deciderIds, noticeIds } as const;
  });
}

export type ExtensionDecisionResult =
  | { outcome: 'decided'; approved: boolean; requestId: number; taskId: number; requesterId: number; proposedDue: IsoDate; cancelledReminders: number; noticeIds: number[] }
  | { outcome: 'already-decided'; status: string }
  | { outcome: 'not-found' };

/** A leader of the lead unit or an admin approves or rejects; on approval the deadline moves and pending reminders are cancelled for re-planning. */
export async function decideExtension(
  prisma: PrismaClient,
  input: { officerId: number; requestId: number; approve: boolean; note?: string; now: Date },
): Promise<ExtensionDecisionResult> {
  const note = cleanNote(input.note);
  return prisma.$transaction(async (tx) => {
    const request = await tx.extensionRequest.findUnique({ where: { id: input.requestId }, include: { task: { include: { units: true } } } });
    if (!request) return { outcome: 'not-found' } as const;
    const actor = await loadActor(tx, input.officerId);
    if (!actor || !canDecideExtension(actor, request.task.units)) throw new PermissionError('only a leader of the lead unit or an admin decides extensions');
    // Compare-and-set: two leaders pressing at once decide once.
    const claimed = await tx.extensionRequest.updateMany({
      where: { id: request.id, status: 'PENDING' },
      data: { status: input.approve ? 'APPROVED' : 'REJECTED', deciderId: actor.id, decidedAt: input.now, ...(note ? { decisionNote: note } : {}) },
    });
    if (claimed.count === 0) {
      const current = await tx.extensionRequest.findUniqueOrThrow({ where: { id: request.id } });
      return { outcome: 'already-decided', status: current.status } as const;
    }
    const proposedDue = isoOfDbDate(request.proposedDue);
    let cancelledReminders = 0;
    if (input.approve) {
      const schedule = request.task.schedule as { kind?: string } | null;
      await tx.task.update({
        where: { id: request.taskId },
        data: {
          due: request.proposedDue,
          // A one-off deadline moves; a recurring schedule keeps its rule and only this occurrence moves.
          ...(schedule?.kind === 'recurring' || schedule?.kind === 'ongoing' ? {} : { schedule: { kind: 'once', due: proposedDue, extendedBy: request.id } }),
        },
      });
      // The scheduler's reconcile plans the reminders of the new deadline.
      cancelledReminders = (await tx.reminder.updateMany({ where: { taskId: request.taskId, status: 'PENDING' }, data: { status: 'CANCELLED' } })).count;
    }
    await audit(tx, {
      actor: String(actor.id),
      action: input.approve ? 'extension.approve' : 'extension.reject',
      entityType: 'ExtensionRequest',
      entityId: request.id,
      data: { taskId: request.taskId, proposedDue, previousDue: request.currentDue ? isoOfDbDate(request.currentDue) : null, cancelledReminders },
    });
    // The requester hears the decision.
    const noticeIds = await writeNotices(tx, [{ payload: { kind: 'extension-decided', requestId: request.id }, event: `r${request.id}`, recipientIds: [request.requesterId] }], input.now);
    return { outcome: 'decided', approved: input.approve, requestId: request.id, taskId: request.taskId, requesterId: request.requesterId, proposedDue, cancelledReminders, noticeIds } as const;
  });
}

// ---------- snooze ----------

/** Snoozes the officer's reminders of a task until `until`: one Reminder row (kind "snooze") the scheduler delivers. */
export async function snoozeTask(
  prisma: PrismaClient,
  input: { officerId: number; taskId: number; until: Date; now: Date },
): Promise<{ outcome: 'snoozed'; reminderId: number; cancelled: number } | { outcome: 'already-done' }> {
  return prisma.$transaction(async (tx) => {
    const { task } = await loadForAnswer(tx, input.officerId, input.taskId);
    if (task.status === 'DONE' || task.status === 'CANCELLED') return { outcome: 'already-done' } as const;
    const identity = await reminderChatOf(tx, input.officerId);
    const occurrence = task.due ? isoOfDbDate(task.due) : 'none';
    const deliveryKey = `t${task.id}:${occurrence}:snooze:o${input.officerId}`;
    // Reminders due before the snooze ends would ring anyway: the officer asked for quiet.
    const cancelled = await tx.reminder.updateMany({
      where: { taskId: task.id, officerId: input.officerId, status: 'PENDING', plannedAt: { lt: input.until }, NOT: { deliveryKey } },
      data: { status: 'CANCELLED' },
    });
    const reminder = await tx.reminder.upsert({
      where: { deliveryKey },
      create: {
        deliveryKey,
        taskId: task.id,
        officerId: input.officerId,
        chatIdentityId: identity?.id ?? null,
        occurrenceDue: task.due,
        kind: 'snooze',
        plannedAt: input.until,
      },
      update: { plannedAt: input.until, status: 'PENDING', attempts: 0, claimedAt: null, claimExpiresAt: null, sentAt: null, lastError: null, chatIdentityId: identity?.id ?? null },
    });
    await tx.statusReport.create({
      data: { taskId: task.id, officerId: input.officerId, occurrenceDue: task.due, status: 'SNOOZED', note: input.until.toISOString(), createdAt: input.now },
    });
    await audit(tx, { actor: String(input.officerId), action: 'task.snooze', entityType: 'Task', entityId: task.id, data: { reminderId: reminder.id, until: input.until.toISOString(), cancelled: cancelled.count } });
    return { outcome: 'snoozed', reminderId: reminder.id, cancelled: cancelled.count } as const;
  });
}

export type { LoadedActor };
