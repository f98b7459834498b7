// Giải trình: a leader demands an explanation of an overdue task; the lead unit's officer is
// told and answers in text; the answer reaches the leader and stays on the card; the due-day
// reminder is cancelled by the answer. Only leaders of the right units may demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskAction } from '../../../src/messages/actions.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

const ASK = '📝 Yêu cầu giải trình';
const ANSWER = '✍️ Trả lời giải trình';

async function cardOf(userId: number, code: string) {
  await w.send(userId, `/status ${code}`);
  const card = w.last(userId)!;
  return { card, labels: w.buttons(userId, card.messageId).map((b) => b.text), buttons: w.buttons(userId, card.messageId) };
}

describe('a leader demands an explanation of an overdue task', () => {
  it('only the leader sees the button, on the overdue task only', async () => {
    expect((await cardOf(USERS.leader, '1.3')).labels).toContain(ASK);
    expect((await cardOf(USERS.leader, '1.2')).labels).not.toContain(ASK);
    expect((await cardOf(USERS.officerA, '1.3')).labels).not.toContain(ASK);
  });

  it('an officer cannot demand one, by a forged button or by text', async () => {
    const { card } = await cardOf(USERS.officerA, '1.3');
    const forged = taskAction.pack({ action: 'exq', taskId: w.seed.tasks.overdue.id, officerId: w.seed.officers.officerA.id, value: 0 });
    await w.tap(USERS.officerA, card.messageId, forged);
    await w.send(USERS.officerA, 'yêu cầu giải trình 1.3');
    expect(w.last(USERS.officerA)!.text).toContain('Chỉ lãnh đạo');
    expect(await w.prisma.explanationRequest.count()).toBe(0);
  });

  it('the leader presses it: due in 3 working days, the lead unit\'s officer is asked, answers, and the leader gets the answer; then again by text', async () => {
    const { card, buttons } = await cardOf(USERS.leader, '1.3');
    const before = w.tg.messagesTo(USERS.officerA).length;
    await w.tap(USERS.leader, card.messageId, buttons.find((b) => b.text === ASK)!.callback_data);

    const request = await w.prisma.explanationRequest.findFirstOrThrow();
    expect(request).toMatchObject({ taskId: w.seed.tasks.overdue.id, requesterId: w.seed.officers.leader.id, answer: null });
    // Tuesday 26/11/2024 + 3 working days.
    expect(request.dueOn.toISOString().slice(0, 10)).toBe('2024-11-29');
    expect(w.last(USERS.leader)!.text).toContain('Đã yêu cầu giải trình, hạn 29/11/2024');

    const asked = w.tg.messagesTo(USERS.officerA).slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain('Lê Văn Cường yêu cầu giải trình');
    expect(asked[0]!.text).toContain('chưa trả lời');
    expect(w.buttons(USERS.officerA, asked[0]!.messageId).map((b) => b.text)).toContain(ANSWER);

    const reminder = await w.prisma.reminder.findFirstOrThrow({ where: { kind: 'explanation' } });
    expect(reminder).toMatchObject({ officerId: w.seed.officers.officerA.id, status: 'PENDING' });
    expect(reminder.plannedAt.toISOString()).toBe('2024-11-29T01:00:00.000Z');
    // A second press asks nothing twice.
    await w.tap(USERS.leader, card.messageId, buttons.find((b) => b.text === ASK)!.callback_data);
    expect(await w.prisma.explanationRequest.count()).toBe(1);

    // The officer answers; the leader gets it, the card keeps it, the reminder is cancelled, both steps are audited.
    {
      const asked = w.last(USERS.officerA)!;
      await w.tap(USERS.officerA, asked.messageId, w.buttons(USERS.officerA, asked.messageId).find((b) => b.text === ANSWER)!.callback_data);
      expect(w.last(USERS.officerA)!.text).toContain('Nhập nội dung giải trình');
      const toLeader = w.tg.messagesTo(USERS.leader).length;
      await w.send(USERS.officerA, 'Chờ số liệu của 3 xã <An Bình>; dự kiến xong 06/12');

      const request = await w.prisma.explanationRequest.findFirstOrThrow();
      expect(request).toMatchObject({ answer: 'Chờ số liệu của 3 xã <An Bình>; dự kiến xong 06/12', answeredById: w.seed.officers.officerA.id });
      const told = w.tg.messagesTo(USERS.leader).slice(toLeader);
      expect(told).toHaveLength(1);
      expect(told[0]!.text).toContain('Nguyễn Văn An đã giải trình');
      expect(told[0]!.text).toContain('Chờ số liệu của 3 xã &lt;An Bình&gt;');
      expect((await w.prisma.reminder.findFirstOrThrow({ where: { kind: 'explanation' } })).status).toBe('CANCELLED');
      expect(await w.prisma.auditLog.count({ where: { action: { in: ['explanation.request', 'explanation.answer'] } } })).toBe(2);

      const { card, labels } = await cardOf(USERS.leader, '1.3');
      expect(card.text).toContain('Giải trình (theo yêu cầu của Lê Văn Cường): Chờ số liệu');
      // Answered: the leader may demand again.
      expect(labels).toContain(ASK);
    }

    // By text: "yêu cầu giải trình 1.3 05/12/2024", then "giải trình 1.3 ..."; not for a task that is not overdue.
    {
      await w.send(USERS.leader, 'yêu cầu giải trình 1.3 05/12/2024');
      const second = await w.prisma.explanationRequest.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(second.dueOn.toISOString().slice(0, 10)).toBe('2024-12-05');
      await w.send(USERS.officerA, 'giải trình 1.3 đã nộp báo cáo bổ sung');
      expect((await w.prisma.explanationRequest.findUniqueOrThrow({ where: { id: second.id } })).answer).toBe('đã nộp báo cáo bổ sung');
      await w.send(USERS.leader, 'yêu cầu giải trình 1.2');
      expect(w.last(USERS.leader)!.text).toContain('quá hạn');
      expect(await w.prisma.explanationRequest.count()).toBe(2);
    }
  });
});

describe('Bot API conformance', () => {
  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
