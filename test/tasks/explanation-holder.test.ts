// An explanation demanded of a task passed down (giao tiếp) goes to whoever holds it now — the
// officer it was last given to — not to every officer of the unit the plan names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestExplanation } from '../../src/tasks/explanations.ts';
import { passDownTask } from '../../src/tasks/pass-down.ts';
import { createBotWorld, type BotWorld } from '../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('an explanation of a task passed down', () => {
  it('is asked of the holder only; before the task was passed down, of the named unit\'s officers', async () => {
    const { officers, units, tasks } = w.seed;
    const colleague = await w.prisma.officer.create({ data: { name: 'Đỗ Văn Chung', unitId: units.interior.id, role: 'OFFICER', language: 'vi' } });
    await w.prisma.chatIdentity.create({ data: { officerId: colleague.id, channel: 'TELEGRAM', externalId: '7100' } });
    const now = w.now;
    const today = w.calendar.dateOf(now);

    // Task 1.3, led by Phòng Nội vụ and overdue since 15/11: asked of the unit's officers.
    const before = await requestExplanation(w.prisma, w.calendar, { officerId: officers.admin.id, taskId: tasks.review.id, now });
    expect(before.outcome).toBe('not-overdue');
    const unitWide = await requestExplanation(w.prisma, w.calendar, { officerId: officers.admin.id, taskId: tasks.overdue.id, now });
    expect(unitWide.outcome).toBe('requested');
    expect(unitWide.outcome === 'requested' && [...unitWide.recipientIds].sort()).toEqual([officers.officerA.id, officers.leader.id, colleague.id].sort());
    await w.prisma.explanationRequest.updateMany({ data: { answeredAt: now, answer: 'đã giải trình' } });

    // The unit's leader gives it to Nguyễn Văn An: the next request goes to him alone.
    const given = await passDownTask(w.prisma, { officerId: officers.leader.id, taskId: tasks.overdue.id, target: { officerId: officers.officerA.id }, now, today });
    expect(given.outcome).toBe('given');
    const held = await requestExplanation(w.prisma, w.calendar, { officerId: officers.admin.id, taskId: tasks.overdue.id, now });
    expect(held.outcome === 'requested' && held.recipientIds).toEqual([officers.officerA.id]);
    const reminded = await w.prisma.reminder.findMany({ where: { taskId: tasks.overdue.id, kind: 'explanation' }, select: { officerId: true }, orderBy: { id: 'desc' }, take: 1 });
    expect(reminded.map((r) => r.officerId)).toEqual([officers.officerA.id]);
  });
});
