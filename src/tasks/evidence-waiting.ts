// Evidence sent while a result waits for confirmation. The confirmation card goes out at the "done",
// before the officer is asked for evidence, so what they send next would not reach the monitoring
// unit until it opened the task again: each piece added to the waiting "done" report is passed on
// to the officers the card went to (the notice: messages/evidence-notice.ts).
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { confirmationRecipients } from './confirmations.ts';

export interface WaitingEvidence {
  evidence: { id: number; kind: 'DOCUMENT' | 'PHOTO' | 'LINK'; reference: string; fileName: string | null };
  taskId: number;
  reporterId: number;
  /** The monitoring unit's officers to tell (never the reporter). */
  recipientIds: number[];
}

/**
 * The evidence and whom to tell, when it was added to the "done" report that waits for
 * confirmation (the task's latest DONE report while confirmationPendingAt is set); undefined otherwise.
 */
export async function evidenceWhileWaiting(prisma: PrismaClient | Prisma.TransactionClient, evidenceId: number): Promise<WaitingEvidence | undefined> {
  const evidence = await prisma.evidence.findUnique({
    where: { id: evidenceId },
    select: { id: true, kind: true, reference: true, fileName: true, report: { select: { id: true, taskId: true, officerId: true, status: true, task: { select: { status: true, confirmationPendingAt: true } } } } },
  });
  const report = evidence?.report;
  if (!evidence || !report || report.status !== 'DONE' || !report.task.confirmationPendingAt || report.task.status === 'DONE' || report.task.status === 'CANCELLED') return undefined;
  const waiting = await prisma.statusReport.findFirst({ where: { taskId: report.taskId, status: 'DONE' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } });
  if (waiting?.id !== report.id) return undefined;
  const recipientIds = await confirmationRecipients(prisma, report.taskId, report.officerId);
  const { report: _, ...item } = evidence;
  return { evidence: item, taskId: report.taskId, reporterId: report.officerId, recipientIds };
}
