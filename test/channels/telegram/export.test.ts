// /export through the Telegram stand-in: a leader gets the plan's report as an .xlsx document
// (uploaded as Telegram takes files) with only the tasks of their units; an admin gets every
// task; a choice of plans comes as buttons; officers, strangers and foreign buttons are refused.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPlan } from '../../../src/messages/actions.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

async function openXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The task sheet's rows below the header as { header: value }, and its heading lines. */
function taskSheet(workbook: ExcelJS.Workbook) {
  const sheet = workbook.worksheets[0]!;
  const headerRow = (sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
  const headers = (sheet.getRow(headerRow).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, n) => {
    if (n > headerRow) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i).value] as const).filter(([h]) => h)));
  });
  const heading = Array.from({ length: headerRow - 1 }, (_, i) => sheet.getCell(`A${i + 1}`).value);
  return { rows, heading };
}

const filesTo = (chatId: number) => w.tg.filesTo(chatId);

describe('/export', () => {
  it('a leader gets the plan\'s report for this quarter as .xlsx, with only the tasks of their units', async () => {
    await w.send(USERS.leader, '/export');
    expect(w.tg.violations).toEqual([]);
    const [file] = filesTo(USERS.leader);
    expect(file).toMatchObject({ kind: 'document', fileName: 'bao-cao-336-KH-UBND-Q4-2024.xlsx' });
    expect(file!.caption).toBe('📎 <b>Báo cáo kết quả thực hiện</b> 336/KH-UBND\nQuý IV năm 2024, tình trạng tính đến ngày 26/11/2024: 2 nhiệm vụ.');
    expect(file!.size).toBe(file!.bytes!.length);
    expect(w.tg.callsTo('sendChatAction').at(-1)!.params).toMatchObject({ chat_id: USERS.leader, action: 'upload_document' });

    const { rows, heading } = taskSheet(await openXlsx(file!.bytes!));
    expect(heading).toContain('Kỳ báo cáo: Quý IV năm 2024 (từ ngày 01/10/2024 đến ngày 31/12/2024)');
    expect(heading).toContain('Đơn vị: Phòng Nội vụ');
    // 2.1 belongs to UBND xã An Bình, outside the leader's units.
    expect(rows.map((r) => r['STT'])).toEqual(['1.2', '1.3']);
    expect(rows[0]).toMatchObject({ 'Nội dung nhiệm vụ': 'Rà soát thủ tục hành chính <cấp xã> & báo cáo "kết quả"', 'Đơn vị chủ trì': 'Phòng Nội vụ', 'Đơn vị phối hợp': 'Phòng Tài chính - Kế hoạch', 'Tình trạng thực hiện': 'Chưa thực hiện, còn trong hạn' });
    expect(rows[1]).toMatchObject({ 'Nội dung nhiệm vụ': 'Kiện toàn tổ công tác CCHC', 'Tình trạng thực hiện': 'Quá hạn chưa hoàn thành', 'Thời gian hoàn thành': 'Tháng 11/2024' });
  });

  it('names the plan and the period (Q3 of this year, statuses at its end); an admin gets every task', async () => {
    await w.send(USERS.admin, '/export 336/KH-UBND quý 3');
    expect(w.tg.violations).toEqual([]);
    const file = filesTo(USERS.admin).at(-1)!;
    expect(file.fileName).toBe('bao-cao-336-KH-UBND-Q3-2024.xlsx');
    expect(file.caption).toBe('📎 <b>Progress report</b> 336/KH-UBND\nQ3 2024, status as of 30/09/2024: 3 tasks.');
    const { rows, heading } = taskSheet(await openXlsx(file.bytes!));
    expect(rows.map((r) => r['No.'])).toEqual(['1.2', '1.3', '2.1']);
    expect(heading.some((h) => String(h).startsWith('Unit:'))).toBe(false);
    // On 30/09 nothing was due yet.
    expect(rows.every((r) => r['Status'] === 'Not started, in time')).toBe(true);
  });

  it('offers a button a plan when several match; the button sends that plan\'s report, only to its officer', async () => {
    const { interior } = w.seed.units;
    const second = await w.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '12/KH-UBND', title: 'Kế hoạch chuyển đổi số năm 2024', sourceFileName: 'cds.docx', sourceHash: 'def', issuedOn: new Date('2024-02-01T00:00:00Z') } });
    await w.prisma.task.create({ data: { planId: second.id, code: '1', path: '1', ordinal: 1, title: 'Số hóa hồ sơ lưu trữ', units: { create: [{ unitId: interior.id, role: 'LEAD' }] } } });
    const before = filesTo(USERS.leader).length;

    await w.send(USERS.leader, '/export 6T');
    expect(filesTo(USERS.leader)).toHaveLength(before);
    const choice = w.last(USERS.leader)!;
    expect(choice.text).toContain('Chọn kế hoạch để xuất báo cáo:');
    const buttons = w.buttons(USERS.leader, choice.messageId);
    // Newest first (a plan without an issue date last).
    expect(buttons.map((b) => b.text)).toEqual(['12/KH-UBND', '336/KH-UBND']);
    const data = exportPlan.unpack(buttons[0]!.callback_data)!;
    expect(data).toMatchObject({ planId: second.id, period: '6T-2024', officerId: w.seed.officers.leader.id });

    // Another leader's officer pressing it (a forwarded button) gets nothing.
    await w.tap(USERS.leader, choice.messageId, buttons[0]!.callback_data, USERS.officerA);
    expect(filesTo(USERS.leader)).toHaveLength(before);

    await w.tap(USERS.leader, choice.messageId, buttons[0]!.callback_data);
    expect(w.tg.violations).toEqual([]);
    const file = filesTo(USERS.leader).at(-1)!;
    expect(file.fileName).toBe('bao-cao-12-KH-UBND-6T-2024.xlsx');
    const { rows } = taskSheet(await openXlsx(file.bytes!));
    expect(rows.map((r) => r['Nội dung nhiệm vụ'])).toEqual(['Số hóa hồ sơ lưu trữ']);
  });

  it('an officer is refused, and so is a stranger; neither gets a file', async () => {
    await w.send(USERS.officerA, '/export 336/KH-UBND');
    expect(w.last(USERS.officerA)!.text).toBe('Lệnh này dành cho lãnh đạo đơn vị.');
    await w.send(USERS.stranger, '/export 336/KH-UBND');
    expect(w.last(USERS.stranger)!.text).toContain('Bạn chưa được đăng ký với bot');
    expect(filesTo(USERS.officerA)).toEqual([]);
    expect(filesTo(USERS.stranger)).toEqual([]);
    expect(w.tg.callsTo('sendDocument').map((c) => c.params.chat_id)).not.toContain(USERS.officerA);
  });

  it('a plan outside the leader\'s units is not theirs to export; bad arguments get the usage', async () => {
    const outside = await w.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '99/KH-UBND', title: 'Kế hoạch của xã', sourceFileName: 'xa.docx', sourceHash: 'ghi' } });
    await w.prisma.task.create({ data: { planId: outside.id, code: '1', path: '1', ordinal: 1, title: 'Việc của xã', units: { create: [{ unitId: w.seed.units.commune.id, role: 'LEAD' }] } } });
    const before = filesTo(USERS.leader).length;
    await w.send(USERS.leader, '/export 99/KH-UBND');
    expect(w.last(USERS.leader)!.text).toBe('Không có kế hoạch <b>99/KH-UBND</b> có nhiệm vụ thuộc đơn vị bạn phụ trách.');
    // A button for it, forged with the leader's own id, is checked again.
    await w.tap(USERS.leader, w.last(USERS.leader)!.messageId, exportPlan.pack({ planId: outside.id, period: 'Q4-2024', officerId: w.seed.officers.leader.id }));
    expect(w.last(USERS.leader)!.text).toContain('Không có kế hoạch nào');
    await w.send(USERS.leader, '/export 336 99 Q1');
    expect(w.last(USERS.leader)!.text).toContain('Dùng: <code>/export [số kế hoạch] [kỳ]</code>');
    await w.send(USERS.leader, '/export 336 2024-12-31..2024-01-01');
    expect(w.last(USERS.leader)!.text).toContain('Dùng: <code>/export');
    expect(filesTo(USERS.leader)).toHaveLength(before);
  });
});
