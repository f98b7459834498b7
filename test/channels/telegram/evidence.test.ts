// Evidence after ✅ Hoàn thành: a photo or a link is stored with the DONE report (the
// document case is in reminder-card.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

/** Sends a reminder card for the task to officer A, taps ✅ and returns the DONE report. */
async function answerDone(taskId: number) {
  const { messageId } = await w.sendReminder(taskId, w.seed.officers.officerA.id, USERS.officerA);
  const done = w.buttons(USERS.officerA, messageId).find((b) => b.text === '✅ Hoàn thành')!;
  await w.tap(USERS.officerA, messageId, done.callback_data);
  const report = await w.prisma.statusReport.findFirstOrThrow({ where: { taskId, status: 'DONE' } });
  expect(report.officerId).toBe(w.seed.officers.officerA.id);
  expect(w.last(USERS.officerA)!.text).toBe('📎 Gửi minh chứng nếu có: tệp, ảnh hoặc đường link (hoặc <code>/skip</code>).');
  return report;
}

describe('evidence after ✅', () => {
  it('a photo is stored with the DONE report: its largest size, as a PHOTO, with an audit entry', async () => {
    const report = await answerDone(w.seed.tasks.review.id);
    await w.bot.handleUpdate(w.tg.makePhotoUpdate({ chatId: USERS.officerA, fileIds: ['PH-small', 'PH-medium', 'PH-large'], caption: 'Biên bản họp' }) as never);

    const evidence = await w.prisma.evidence.findMany({ where: { reportId: report.id } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ kind: 'PHOTO', reference: 'PH-large', mimeType: 'image/jpeg', fileName: null });
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'evidence.add', entityId: String(report.id) } });
    expect(audit.actor).toBe(String(w.seed.officers.officerA.id));
    expect(audit.data).toMatchObject({ evidenceId: evidence[0]!.id, kind: 'PHOTO' });
    expect(w.last(USERS.officerA)!.text).toBe('📎 Đã lưu minh chứng.');

    // The question is answered: a second photo is not evidence any more and gets the usual hint.
    await w.bot.handleUpdate(w.tg.makePhotoUpdate({ chatId: USERS.officerA, fileIds: ['PH-again'] }) as never);
    expect(await w.prisma.evidence.count({ where: { reportId: report.id } })).toBe(1);
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hiểu tin nhắn');
  });

  it('a link in a sentence is stored with the DONE report as a LINK, without the sentence around it', async () => {
    const report = await answerDone(w.seed.tasks.overdue.id);
    await w.send(USERS.officerA, 'Kết quả đã đăng tại https://hoavang.danang.gov.vn/van-ban/kh-336?id=12&tab=2, mời xem.');

    const evidence = await w.prisma.evidence.findMany({ where: { reportId: report.id } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ kind: 'LINK', reference: 'https://hoavang.danang.gov.vn/van-ban/kh-336?id=12&tab=2', fileName: null, mimeType: null });
    expect(await w.prisma.auditLog.count({ where: { action: 'evidence.add', entityId: String(report.id) } })).toBe(1);
    expect(w.last(USERS.officerA)!.text).toBe('📎 Đã lưu minh chứng.');
    // The answer itself is untouched by the evidence.
    const task = await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.overdue.id } });
    expect(task).toMatchObject({ status: 'DONE', progress: 100 });
    expect(task.completedAt?.toISOString()).toBe(NOW.toISOString());
  });

  it('links Telegram recognised are taken from its entities: a bare address (https assumed) and a hyperlinked text', async () => {
    const newTask = (code: string, ordinal: number) =>
      w.prisma.task.create({
        data: { planId: w.seed.plan.id, code, path: code, ordinal, title: `Công khai kết quả ${code}`, due: new Date('2024-12-06T00:00:00Z'), units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } },
      });
    const bare = await answerDone((await newTask('1.6', 6)).id);
    const text = 'Đã đăng 📄 dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html';
    const offset = text.indexOf('dichvucong');
    await w.bot.handleUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerA, text, entities: [{ type: 'url', offset, length: text.length - offset }] }) as never);
    expect(await w.prisma.evidence.findMany({ where: { reportId: bare.id } })).toEqual([
      expect.objectContaining({ kind: 'LINK', reference: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html' }),
    ]);

    const hyperlinked = await answerDone((await newTask('1.7', 7)).id);
    await w.bot.handleUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerA, text: 'Báo cáo kết quả', entities: [{ type: 'text_link', offset: 0, length: 15, url: 'https://hoavang.danang.gov.vn/bao-cao/336' }] }) as never);
    expect(await w.prisma.evidence.findMany({ where: { reportId: hyperlinked.id } })).toEqual([
      expect.objectContaining({ kind: 'LINK', reference: 'https://hoavang.danang.gov.vn/bao-cao/336' }),
    ]);
  });

  it('a text reply "xong <code>" asks for evidence as ✅ does, and keeps what comes next with that report', async () => {
    await w.prisma.task.create({
      data: { planId: w.seed.plan.id, code: '1.8', path: '1.8', ordinal: 8, title: 'Niêm yết thủ tục hành chính', due: new Date('2024-12-06T00:00:00Z'), units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } },
    });
    await w.send(USERS.officerA, 'xong 1.8 đã niêm yết');
    expect(w.last(USERS.officerA)!.text).toBe('📎 Gửi minh chứng nếu có: tệp, ảnh hoặc đường link (hoặc <code>/skip</code>).');
    await w.bot.handleUpdate(w.tg.makePhotoUpdate({ chatId: USERS.officerA, fileIds: ['PH-niem-yet'] }) as never);
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { task: { code: '1.8' }, status: 'DONE' } });
    expect(await w.prisma.evidence.findMany({ where: { reportId: report.id } })).toEqual([expect.objectContaining({ kind: 'PHOTO', reference: 'PH-niem-yet' })]);
  });

  it('text that is neither a link nor /skip is not evidence: nothing is stored and the text goes to the usual handlers', async () => {
    const task = await w.prisma.task.create({
      data: { planId: w.seed.plan.id, code: '1.4', path: '1.4', ordinal: 4, title: 'Cập nhật cơ sở dữ liệu cán bộ', due: new Date('2024-12-06T00:00:00Z'), units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } },
    });
    const report = await answerDone(task.id);
    await w.send(USERS.officerA, 'đã nộp bản giấy');
    expect(await w.prisma.evidence.count({ where: { reportId: report.id } })).toBe(0);
    expect(w.last(USERS.officerA)!.text).toContain('Chưa hiểu tin nhắn');
  });

  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
