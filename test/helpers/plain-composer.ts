// A composer for scheduler tests that reads the real rows and says which reminder it
// is, so tests can count deliveries per reminder. The bot's composer has its own tests.
import type { MessageComposer } from '../../src/delivery/jobs/deps.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function createPlainComposer(prisma: PrismaClient): MessageComposer {
  return {
    async reminder(reminderId) {
      const r = await prisma.reminder.findUnique({ where: { id: reminderId }, include: { task: true } });
      if (!r || r.task.status === 'DONE' || r.task.status === 'CANCELLED') return null;
      return { html: `#r${r.id} <b>${escapeHtml(r.task.code)}</b> ${escapeHtml(r.task.title)} (${r.kind})`, buttons: [[{ text: '✅', data: `d:${r.taskId}` }]] };
    },
    async reminderList(reminderIds) {
      return { html: reminderIds.map((id) => `#r${id}`).join(' ') };
    },
    async overdueDigest(leaderId) {
      return { parts: [{ html: `overdue for o${leaderId}` }], unreachableShown: [] };
    },
    async markUnreachableReported() {},
    async groupOverdueDigest(subscriptionId) {
      return [{ html: `group overdue for s${subscriptionId}` }];
    },
    async weeklySummary(subscriptionId) {
      return [{ html: `weekly for s${subscriptionId} part 1` }, { html: `weekly for s${subscriptionId} part 2` }];
    },
    async notice(notice) {
      return { html: `notice ${escapeHtml(notice.kind)} for o${notice.recipientOfficerId}` };
    },
    async leaderReportChart() {
      return undefined;
    },
  };
}

/** Reminder id from a message the plain composer wrote. */
export function reminderIdOf(text: string): number | undefined {
  const m = /#r(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}
