// Reminder card → tap → status recorded → card edited, and the other answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskAction } from '../../../src/messages/actions.ts';
import { sendOutgoing } from '../../../src/channels/telegram/handlers/send.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

async function sendReminder(taskId: number, officerId: number, chatId: number, kind = 'before-due-3') {
  const reminder = await w.prisma.reminder.create({
    data: { deliveryKey: `t${taskId}:x:${kind}:o${officerId}:${Math.random()}`, taskId, officerId, kind, plannedAt: NOW },
  });
  const composer = (await import('../../../src/messages/index.ts')).createComposer({ prisma: w.prisma, i18n: (await import('../../../src/messages/i18n.ts')).createI18n(), calendar: w.calendar, timeZone: 'Asia/Ho_Chi_Minh' });
  const message = await composer.reminder(reminder.id, NOW);
  expect(message).not.toBeNull();
  const [messageId] = await sendOutgoing(w.bot.api, chatId, [message!]);
  return { reminder, messageId: messageId! };
}

describe('reminder card', () => {
  it('shows code, title (escaped), plan, raw deadline and its meaning, target, role and five buttons', async () => {
    const { messageId } = await sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    const sent = w.tg.callsTo('sendMessage').at(-1)!.params;
    expect(sent.parse_mode).toBe('HTML');
    const html = String(sent.text);
    expect(html).toContain('1.2. Rà soát thủ tục hành chính &lt;cấp xã&gt; &amp; báo cáo &quot;kết quả&quot;');
    expect(html).toContain('336/KH-UBND — Kế hoạch cải cách hành chính năm 2024');
    expect(html).toContain('Thời hạn: Trước ngày 30/11/2024');
    expect(html).toContain('Hạn: 29/11/2024, còn 3 ngày làm việc');
    expect(html).toContain('Kết quả: 100% thủ tục được rà soát');
    expect(html).toContain('Vai trò: chủ trì');
    const buttons = w.buttons(USERS.officerA, messageId);
    expect(buttons.map((b) => b.text)).toEqual(['✅ Hoàn thành', '🔄 Đang thực hiện', '⚠️ Vướng mắc', '⏳ Xin gia hạn', '💤 Nhắc lại sau']);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it('is not composed once the task is done or the reminder cancelled', async () => {
    const { createComposer } = await import('../../../src/messages/index.ts');
    const { createI18n } = await import('../../../src/messages/i18n.ts');
    const composer = createComposer({ prisma: w.prisma, i18n: createI18n(), calendar: w.calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const r = await w.prisma.reminder.create({ data: { deliveryKey: 'cancelled-one', taskId: w.seed.tasks.review.id, officerId: w.seed.officers.officerA.id, kind: 'before-due-3', plannedAt: NOW, status: 'CANCELLED' } });
    expect(await composer.reminder(r.id, NOW)).toBeNull();
    expect(await composer.reminder(999_999, NOW)).toBeNull();
  });

  it('progress: 🔄 then 50% records IN_PROGRESS 50 and edits the card without buttons', async () => {
    const { messageId } = await sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    const progress = w.buttons(USERS.officerA, messageId).find((b) => b.text.includes('Đang thực hiện'))!;
    await w.tap(USERS.officerA, messageId, progress.callback_data);
    const choices = w.buttons(USERS.officerA, messageId);
    expect(choices.map((b) => b.text)).toEqual(['25%', '50%', '75%', '↩️ Quay lại']);
    await w.tap(USERS.officerA, messageId, choices[1]!.callback_data);

    const task = await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', progress: 50 });
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ status: 'IN_PROGRESS', progress: 50, officerId: w.seed.officers.officerA.id });
    const card = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === messageId)!;
    expect(card.text).toContain('Đã ghi nhận: <b>Đang thực hiện, 50%</b> lúc 09:00 26/11/2024');
    expect(card.replyMarkup).toBeUndefined();
  });

  it('a forged callback from another user records nothing and gets a short refusal', async () => {
    const { messageId } = await sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    const done = w.buttons(USERS.officerA, messageId)[0]!.callback_data;
    const before = await w.prisma.statusReport.count();
    // Officer B (same task, coordinating unit) presses A's button; then the data is replayed from B's own chat.
    await w.tap(USERS.officerA, messageId, done, USERS.officerB);
    await w.tap(USERS.officerB, messageId, done, USERS.officerB);
    // A stranger with hand-made data for A's officer id.
    await w.tap(USERS.stranger, 1, taskAction.pack({ action: 'done', taskId: w.seed.tasks.review.id, officerId: w.seed.officers.officerA.id, value: 0 }));
    // Garbage data.
    await w.tap(USERS.officerA, messageId, 't:done:abc:1:0');
    expect(await w.prisma.statusReport.count()).toBe(before);
    const refusals = w.tg.callsTo('answerCallbackQuery').slice(-4);
    expect(refusals.map((c) => c.params.text)).toEqual(['This button is not for you.', 'This button is not for you.', 'Nút này không dành cho bạn.', 'Nút này không dành cho bạn.']);
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } })).status).not.toBe('DONE');
  });

  it("a forged ⚠️ or ⏳ button for another unit's task asks no question: refused before the conversation starts", async () => {
    const other = w.seed.tasks.commune21.id; // the commune's task: outside officer A's units
    const officerId = w.seed.officers.officerA.id;
    const asked = () => w.tg.messagesTo(USERS.officerA).length;
    const before = asked();
    for (const data of [
      taskAction.pack({ action: 'blk', taskId: other, officerId, value: 0 }),
      taskAction.pack({ action: 'ext', taskId: other, officerId, value: 0 }),
    ]) {
      await w.tap(USERS.officerA, 1, data);
    }
    expect(asked()).toBe(before);
    const refusals = w.tg.callsTo('answerCallbackQuery').slice(-2);
    expect(refusals.map((c) => c.params.text)).toEqual(['Nút này không dành cho bạn.', 'Nút này không dành cho bạn.']);
    // The next message is not taken as an answer to a question that was never asked.
    await w.send(USERS.officerA, 'Chờ kinh phí');
    expect(await w.prisma.statusReport.count({ where: { taskId: other } })).toBe(0);
  });

  it('blocked with a reason: ⚠️ asks, the HTML in the reason is stored verbatim and shown escaped', async () => {
    const { messageId } = await sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text.includes('Vướng'))!.callback_data);
    expect(w.last(USERS.officerA)!.text).toContain('Vướng mắc gì?');
    await w.send(USERS.officerA, 'Chờ <script>alert(1)</script> & kinh phí');
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { status: 'BLOCKED' }, orderBy: { id: 'desc' } });
    expect(report.note).toBe('Chờ <script>alert(1)</script> & kinh phí');
    const card = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === messageId)!;
    expect(card.text).toContain('Lý do: Chờ &lt;script&gt;alert(1)&lt;/script&gt; &amp; kinh phí');
    expect(card.replyMarkup).toBeUndefined();
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } })).status).toBe('BLOCKED');
  });

  it('a conversation half-way survives a restart of the bot: the reason sent to the new process is recorded', async () => {
    const { messageId } = await sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    await w.tap(USERS.officerA, messageId, w.buttons(USERS.officerA, messageId).find((b) => b.text.includes('Vướng'))!.callback_data);
    expect(w.last(USERS.officerA)!.text).toContain('Vướng mắc gì?');
    w.restartBot();
    await w.send(USERS.officerA, 'Chờ phòng Tài chính cấp kinh phí');
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { status: 'BLOCKED' }, orderBy: { id: 'desc' } });
    expect(report.note).toBe('Chờ phòng Tài chính cấp kinh phí');
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } })).status).toBe('BLOCKED');
  });

  it('a 10,000-character answer is stored whole and every message stays within 4,096', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `dòng ${i} <x> & ${'chữ '.repeat(4)}`).join(' ').slice(0, 10_000);
    expect(long.length).toBe(10_000);
    await w.send(USERS.officerA, `vướng 1.2 ${long}`);
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { status: 'BLOCKED' }, orderBy: { id: 'desc' } });
    expect(report.note).toBe(long.trim());
    for (const call of w.tg.calls) if (typeof call.params.text === 'string') expect(call.params.text.length).toBeLessThanOrEqual(4096);
    await w.send(USERS.officerA, '/status 1.2');
    expect(w.last(USERS.officerA)!.text).toContain('📝 Ghi chú: dòng 0 &lt;x&gt; &amp;');
  });

  it('✅ records DONE with an audit entry, edits the card, asks for evidence; a replayed tap records nothing', async () => {
    const { reminder, messageId } = await sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    const done = w.buttons(USERS.officerA, messageId)[0]!.callback_data;
    await w.tap(USERS.officerA, messageId, done);
    const task = await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } });
    expect(task.status).toBe('DONE');
    expect(task.completedAt?.toISOString()).toBe(NOW.toISOString());
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id, status: 'DONE' } });
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.done', entityId: String(task.id) } });
    expect(audit.actor).toBe(String(w.seed.officers.officerA.id));
    expect(audit.data).toMatchObject({ reportId: report.id, to: 'DONE' });
    expect((await w.prisma.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe('CANCELLED');
    const card = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === messageId)!;
    expect(card.text).toContain('✅ Đã ghi nhận: <b>Hoàn thành</b> lúc 09:00 26/11/2024.');
    expect(card.text).toContain('Hoàn thành đúng hạn');
    expect(card.replyMarkup).toBeUndefined();
    expect(w.last(USERS.officerA)!.text).toContain('Gửi minh chứng');

    // Evidence: a document attached to the DONE report.
    await w.bot.handleUpdate(w.tg.makeDocumentUpdate({ chatId: USERS.officerA, fileId: 'FILE-1', fileName: 'bao-cao.pdf' }) as never);
    const evidence = await w.prisma.evidence.findFirstOrThrow({ where: { reportId: report.id } });
    expect(evidence).toMatchObject({ kind: 'DOCUMENT', reference: 'FILE-1', fileName: 'bao-cao.pdf' });

    // Replay of the same button: nothing new recorded.
    const reports = await w.prisma.statusReport.count();
    await w.tap(USERS.officerA, messageId, done);
    expect(await w.prisma.statusReport.count()).toBe(reports);
  });

  it('the same update delivered twice is handled once', async () => {
    const update = w.tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: '/tasks' });
    const before = w.tg.callsTo('sendMessage').length;
    await w.bot.handleUpdate(update as never);
    await w.bot.handleUpdate(update as never);
    expect(w.tg.callsTo('sendMessage').length).toBe(before + 1);
    expect(await w.prisma.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(1);
  });

  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
