// Evidence sent after a "done" that waits for confirmation reaches the monitoring unit's officer:
// a document goes to them as the file itself with a short notice and ✅ / ↩️; a link as a notice
// naming it. Evidence on a "done" that needs no confirmation tells the monitoring unit nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKey } from '../../../src/plans/unit-names.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

const MONITOR_USER = 7005;
const OTHER_MONITOR_USER = 7006;
const DONE = '✅ Hoàn thành';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
  const monitoring = async (name: string, officerName: string, userId: number, settings: object) => {
    const unit = await w.prisma.unit.create({ data: { name, normalizedName: unitKey(name), settings } });
    const officer = await w.prisma.officer.create({ data: { name: officerName, unitId: unit.id, role: 'OFFICER', language: 'vi' } });
    await w.prisma.chatIdentity.create({ data: { officerId: officer.id, channel: 'TELEGRAM', externalId: String(userId) } });
    return unit;
  };
  // The office confirms what it monitors; the inspectorate does not (and the plan asks for nothing).
  const office = await monitoring('Văn phòng HĐND - UBND', 'Đỗ Thị Dung', MONITOR_USER, { requireConfirmation: true });
  const inspectorate = await monitoring('Thanh tra huyện', 'Hồ Văn Phúc', OTHER_MONITOR_USER, {});
  const task = (code: string, ordinal: number, unitId: number) => w.prisma.task.create({
    data: { planId: w.seed.plan.id, code, path: code, ordinal, title: `Báo cáo chuyên đề ${code}`, due: new Date('2024-12-20T00:00:00Z'), schedule: { kind: 'once', due: '2024-12-20' }, units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }, { unitId, role: 'MONITOR' }] } },
  });
  await task('5.1', 51, office.id);
  await task('5.2', 52, office.id);
  await task('5.3', 53, inspectorate.id);
});
afterAll(async () => {
  await w?.close();
});

async function doneOn(code: string) {
  await w.send(USERS.officerA, `/status ${code}`);
  const card = w.last(USERS.officerA)!;
  await w.tap(USERS.officerA, card.messageId, w.buttons(USERS.officerA, card.messageId).find((b) => b.text === DONE)!.callback_data);
  expect(w.last(USERS.officerA)!.text).toContain('Gửi minh chứng');
}

describe('evidence while a result waits for confirmation', () => {
  it('a document sent after the "done" goes to the monitoring officer as the file, with a notice and ✅ / ↩️', async () => {
    await doneOn('5.1');
    const before = w.tg.messagesTo(MONITOR_USER).length;
    await w.bot.handleUpdate(w.tg.makeDocumentUpdate({ chatId: USERS.officerA, fileId: 'DOC-bien-ban', fileName: 'Biên bản <kiểm tra>.pdf', mimeType: 'application/pdf' }) as never);
    expect(w.last(USERS.officerA)!.text).toBe('📎 Đã lưu minh chứng.');

    const sent = w.tg.messagesTo(MONITOR_USER).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.document).toMatchObject({ fileId: 'DOC-bien-ban' });
    expect(sent[0]!.text).toContain('Minh chứng bổ sung</b> cho kết quả chờ xác nhận: Nguyễn Văn An gửi cho nhiệm vụ <b>5.1</b> Báo cáo chuyên đề 5.1: Biên bản &lt;kiểm tra&gt;.pdf');
    expect(w.buttons(MONITOR_USER, sent[0]!.messageId).map((b) => b.text)).toEqual(['✅ Xác nhận', '↩️ Trả lại']);
    expect(w.tg.violations).toEqual([]);
  });

  it('a link is passed on as a notice naming it', async () => {
    await doneOn('5.2');
    const before = w.tg.messagesTo(MONITOR_USER).length;
    await w.send(USERS.officerA, 'Đã đăng tại https://hoavang.danang.gov.vn/bao-cao/5-2');
    const sent = w.tg.messagesTo(MONITOR_USER).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.document).toBeUndefined();
    expect(sent[0]!.text).toContain('gửi cho nhiệm vụ <b>5.2</b> Báo cáo chuyên đề 5.2: https://hoavang.danang.gov.vn/bao-cao/5-2');
  });

  it('evidence on a "done" that needs no confirmation tells the monitoring unit nothing', async () => {
    await doneOn('5.3');
    expect((await w.prisma.task.findFirstOrThrow({ where: { code: '5.3' } })).status).toBe('DONE');
    const before = w.tg.messagesTo(OTHER_MONITOR_USER).length;
    await w.bot.handleUpdate(w.tg.makePhotoUpdate({ chatId: USERS.officerA, fileIds: ['PH-small', 'PH-large'] }) as never);
    expect(w.last(USERS.officerA)!.text).toBe('📎 Đã lưu minh chứng.');
    expect(w.tg.messagesTo(OTHER_MONITOR_USER).slice(before)).toEqual([]);
  });
});
