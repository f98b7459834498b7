// Plans through the chat (issue 12): an admin sends a .docx plan, reads the preview, imports it;
// past deadlines by the importer's choice; a re-import that drops reported work waits for Confirm;
// strangers and officers outside the monitoring office are refused unread; the plan-tasks job the
// import queues plans the reminders. Fixed clock (Tuesday 26/11/2024 09:00 Hà Nội), no sleeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { planImportAction } from '../../../src/messages/actions.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/reminders/policy-values.ts';
import { runPlanTasks } from '../../../src/delivery/jobs/handlers/plan-tasks.ts';
import { planTasksJob } from '../../../src/delivery/jobs/definitions/plan-tasks.ts';
import { textPlanToDocx, textPlanToXlsx } from '../../plans/convert.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeEach(async () => {
  w = await createBotWorld();
});
afterEach(async () => {
  await w.close();
});

const PLAN_LINES = [
  'ỦY BAN NHÂN DÂN HUYỆN HÒA VANG',
  'Số: 50/KH-UBND',
  'Hòa Vang, ngày 15 tháng 01 năm 2024',
  'KẾ HOẠCH',
  'Nâng cao chỉ số cải cách hành chính năm 2024',
  'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tCơ quan theo dõi\tThời gian hoàn thành',
  '1\tRà soát quy chế làm việc của UBND huyện\tPhòng Nội vụ\tPhòng Tài chính - Kế hoạch\tPhòng Nội vụ\t30/06/2024',
  '2\tKiện toàn đội ngũ công chức một cửa\tPhòng Nội vụ\t\tPhòng Nội vụ\t30/09/2024',
  '3\tBáo cáo kết quả cải cách hành chính năm\tPhòng Tài chính - Kế hoạch\tPhòng Nội vụ\tPhòng Nội vụ\t25/12/2024',
  '4\tTuyên truyền cải cách hành chính\tPhòng Nội vụ\t\tPhòng Nội vụ\tThường xuyên',
  '5\tKhảo sát sự hài lòng của người dân\tUBND xã An Bình\t\tPhòng Nội vụ\tTheo kế hoạch của tỉnh',
];

let files = 0;
async function sendPlan(userId: number, lines = PLAN_LINES, fileName = 'ke-hoach-50.docx') {
  const text = lines.join('\n');
  const bytes = fileName.endsWith('.xlsx') ? await textPlanToXlsx(text) : fileName.endsWith('.txt') ? Buffer.from(text) : await textPlanToDocx(text);
  const before = w.tg.messagesTo(userId).length;
  await w.bot.handleUpdate(w.tg.makeDocumentUpdate({ chatId: userId, from: { id: userId }, fileId: `PLAN-${++files}`, fileName, bytes, mimeType: 'application/octet-stream' }) as never);
  return w.tg.messagesTo(userId).slice(before);
}

function buttonsOf(userId: number, messageId: number) {
  return w.buttons(userId, messageId).map((b) => ({ text: b.text, data: b.callback_data, value: planImportAction.unpack(b.callback_data) }));
}

async function press(userId: number, label: RegExp) {
  const last = w.tg.messagesTo(userId).filter((m) => (m.replyMarkup as { inline_keyboard?: unknown[] } | undefined)?.inline_keyboard?.length).at(-1)!;
  const button = buttonsOf(userId, last.messageId).find((b) => label.test(b.text));
  if (!button) throw new Error(`no button ${label} on message ${last.messageId}: ${JSON.stringify(buttonsOf(userId, last.messageId).map((b) => b.text))}`);
  const before = w.tg.messagesTo(userId).length;
  await w.tap(userId, last.messageId, button.data);
  return { message: last, replies: w.tg.messagesTo(userId).slice(before) };
}

const planDeps = () => ({ prisma: w.prisma, deliveryQueue: w.queues.delivery, calendar: w.calendar, policy: DEFAULT_REMINDER_POLICY, logger: w.logger, clock: fixedClock(NOW) });

describe('an admin sends a .docx plan', () => {
  it('gets the preview (tasks, units per role, deadlines understood and not, overdue tasks) with buttons, and nothing is written yet', async () => {
    const plansBefore = await w.prisma.plan.count();
    const preview = await sendPlan(USERS.admin);
    expect(w.tg.downloads).toHaveLength(1);
    const text = preview.map((m) => m.text).join('\n');
    expect(text).toContain('Preview of the plan in <b>ke-hoach-50.docx</b>');
    expect(text).toContain('5 tasks in 0 groups');
    expect(text).toContain('Lead units (3): Phòng Nội vụ (3); Phòng Tài chính - Kế hoạch (1); UBND xã An Bình (1)');
    expect(text).toContain('Monitoring units (1): Phòng Nội vụ (5)');
    expect(text).toContain('Deadlines understood: 4/5 tasks');
    expect(text).toContain('5 Khảo sát sự hài lòng của người dân: &quot;Theo kế hoạch của tỉnh&quot;');
    // The CLI's own counts line, against the same day.
    expect(text).toContain('As of 26/11/2024: 2 task(s) already overdue, 1 task(s) without a deadline understood');
    expect(text).toContain('Already overdue today (2):');
    expect(text).toContain('1 Rà soát quy chế làm việc của UBND huyện (30/06/2024)');
    for (const m of preview) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(w.tg.violations).toEqual([]);

    const buttons = buttonsOf(USERS.admin, preview.at(-1)!.messageId);
    expect(buttons.map((b) => b.text)).toEqual(['Import, remind overdue now', 'Import, mark them done', 'Import, leave them unreminded', 'Cancel']);
    // The callback data carries an id and the sender, never the plan.
    for (const b of buttons) {
      expect(b.value).toMatchObject({ officerId: w.seed.officers.admin.id });
      expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);
    }
    expect(await w.prisma.plan.count()).toBe(plansBefore);
  });

  it('imports on "remind overdue now": tasks and units as the CLI writes them, audited with the admin as actor, a plan-tasks job queued that plans the reminders', async () => {
    await sendPlan(USERS.admin);
    const { replies } = await press(USERS.admin, /remind overdue now/);
    const plan = await w.prisma.plan.findFirstOrThrow({ where: { number: '50/KH-UBND' }, include: { tasks: { orderBy: { ordinal: 'asc' }, include: { units: { include: { unit: true } } } } } });
    expect(plan.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5']);
    // The units the seed already knew are matched, not made again.
    expect(plan.tasks[0]!.units.find((u) => u.role === 'LEAD')!.unitId).toBe(w.seed.units.interior.id);
    expect(plan.tasks.every((t) => t.status === 'NOT_STARTED')).toBe(true);
    expect(replies.at(-1)!.text).toContain(`Imported plan #${plan.id}: 5 created`);
    expect(replies.at(-1)!.text).toContain('2 overdue task(s) are reminded as overdue from the next working morning.');
    expect(replies.at(-1)!.text).toContain('The plan\'s reminders are being planned now.');
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'plan.import', entityId: String(plan.id) } });
    expect(audit.actor).toBe(String(w.seed.officers.admin.id));
    // The preview's buttons are gone: a second press cannot import twice.
    expect(w.buttons(USERS.admin, w.tg.messagesTo(USERS.admin).find((m) => m.text.includes('Preview of the plan'))!.messageId)).toEqual([]);

    const [job] = await w.queues.maintenance.getJobs(['waiting']);
    expect(job).toMatchObject({ name: planTasksJob.name, data: { planId: plan.id } });
    // The job, run by the handler against this database and queue, plans and queues the reminders.
    const result = await runPlanTasks({ payload: job!.data, deps: planDeps() });
    const reminders = await w.prisma.reminder.findMany({ where: { task: { planId: plan.id } } });
    expect(result.planned.created).toBe(reminders.length);
    expect(reminders.some((r) => r.taskId === plan.tasks[0]!.id && r.kind === 'overdue')).toBe(true);
    for (const r of reminders.slice(0, 5)) expect(await w.queues.delivery.getJob(`rem-${r.id}-${r.plannedAt.getTime()}`)).toBeTruthy();
  });

  it('"leave them unreminded": the old deadlines stay open and the plan-tasks job queues nothing overdue for them', async () => {
    await sendPlan(USERS.admin);
    await press(USERS.admin, /leave them unreminded/);
    const plan = await w.prisma.plan.findFirstOrThrow({ where: { number: '50/KH-UBND' }, include: { tasks: { orderBy: { ordinal: 'asc' } } } });
    expect(plan.tasks.map((t) => t.status)).toEqual(['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    const [job] = await w.queues.maintenance.getJobs(['waiting']);
    await runPlanTasks({ payload: job!.data, deps: planDeps() });
    const old = [plan.tasks[0]!.id, plan.tasks[1]!.id];
    const reminders = await w.prisma.reminder.findMany({ where: { task: { planId: plan.id } } });
    expect(reminders.filter((r) => old.includes(r.taskId))).toEqual([]);
    const queued = await w.queues.delivery.getJobs(['delayed', 'waiting', 'prioritized']);
    const oldIds = new Set(reminders.filter((r) => old.includes(r.taskId)).map((r) => r.id));
    expect(queued.filter((j) => oldIds.has((j.data as { reminderId: number }).reminderId))).toEqual([]);
    // The rest of the plan is reminded as usual.
    expect(reminders.some((r) => r.taskId === plan.tasks[2]!.id)).toBe(true);
  });

  it('"mark them done": the overdue tasks are closed at import', async () => {
    await sendPlan(USERS.admin);
    const { replies } = await press(USERS.admin, /mark them done/);
    const plan = await w.prisma.plan.findFirstOrThrow({ where: { number: '50/KH-UBND' }, include: { tasks: { orderBy: { ordinal: 'asc' } } } });
    expect(plan.tasks.map((t) => t.status)).toEqual(['DONE', 'DONE', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    expect(replies.at(-1)!.text).toContain('2 overdue task(s) marked done.');
  });

  it('Cancel writes nothing, and the preview cannot be used afterwards', async () => {
    const preview = await sendPlan(USERS.admin);
    const importButton = buttonsOf(USERS.admin, preview.at(-1)!.messageId)[0]!;
    const { replies } = await press(USERS.admin, /Cancel/);
    expect(replies.at(-1)!.text).toBe('Cancelled: nothing written.');
    await w.tap(USERS.admin, preview.at(-1)!.messageId, importButton.data);
    expect(await w.prisma.plan.count({ where: { number: '50/KH-UBND' } })).toBe(0);
    const answers = w.tg.callsTo('answerCallbackQuery');
    expect(answers.at(-1)!.params.text).toBe('This preview has expired or was used already. Please send the file again.');
  });

  it('only the officer who sent the file may press its buttons', async () => {
    const preview = await sendPlan(USERS.admin);
    const go = buttonsOf(USERS.admin, preview.at(-1)!.messageId)[0]!;
    // Another admin pressing in their own chat with forged data naming the sender, or in the sender's chat.
    await w.tap(USERS.officerA, preview.at(-1)!.messageId, go.data);
    await w.tap(USERS.admin, preview.at(-1)!.messageId, go.data, USERS.leader);
    expect(await w.prisma.plan.count({ where: { number: '50/KH-UBND' } })).toBe(0);
    // Data for another pending id, or malformed, is refused by the codec or finds nothing.
    const forged = planImportAction.pack({ ...go.value!, pendingId: 'AAAAAAAAAAAAAAAA' });
    await w.tap(USERS.admin, preview.at(-1)!.messageId, forged);
    expect(await w.prisma.plan.count({ where: { number: '50/KH-UBND' } })).toBe(0);
  });
});

describe('a long plan', () => {
  it('is previewed in parts under 4,096 characters, each valid HTML, the buttons on the last part only', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `${i + 1}\tNhiệm vụ số ${i + 1} về cải cách thủ tục hành chính trong lĩnh vực đất đai và xây dựng\tPhòng chuyên môn số ${i + 1} thuộc Ủy ban nhân dân huyện Hòa Vang\t\tPhòng Nội vụ\t${(i % 28) + 1}/10/2024`);
    const preview = await sendPlan(USERS.admin, [...PLAN_LINES.slice(0, 6), ...rows], 'ke-hoach-dai.xlsx');
    expect(preview.length).toBeGreaterThan(1);
    for (const m of preview) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(w.tg.violations).toEqual([]);
    expect(preview.slice(0, -1).every((m) => m.replyMarkup === undefined)).toBe(true);
    expect(buttonsOf(USERS.admin, preview.at(-1)!.messageId)).toHaveLength(4);
    const text = preview.map((m) => m.text).join('\n');
    expect(text).toContain('Already overdue today (150):');
    expect(text).toContain('… and 135 more task(s)');
  });
});

describe('who may send plans', () => {
  it('/help tells admins they can send plan files, and officers outside the monitoring office nothing of it', async () => {
    await w.send(USERS.admin, '/help');
    expect(w.last(USERS.admin)!.text).toContain('Send a plan file (.docx, .xlsx, .pdf, .txt, .csv, .html) to this chat');
    await w.send(USERS.officerA, '/help');
    expect(w.last(USERS.officerA)!.text).not.toContain('Gửi tệp kế hoạch');
  });

  it('a stranger\'s document is refused, unread', async () => {
    const replies = await sendPlan(USERS.stranger);
    expect(replies.map((m) => m.text)).toEqual(['Chỉ quản trị viên và cán bộ đơn vị theo dõi mới nhập được kế hoạch qua bot. Tệp này không được đọc.']);
    expect(w.tg.callsTo('getFile')).toEqual([]);
    expect(w.tg.downloads).toEqual([]);
  });

  it('an officer outside the monitoring office is refused; once their unit monitors a plan they may send one', async () => {
    const refused = await sendPlan(USERS.officerA);
    expect(refused.at(-1)!.text).toContain('Chỉ quản trị viên và cán bộ đơn vị theo dõi');
    expect(w.tg.downloads).toEqual([]);

    await w.prisma.taskUnit.create({ data: { taskId: w.seed.tasks.review.id, unitId: w.seed.units.interior.id, role: 'MONITOR' } });
    const preview = await sendPlan(USERS.officerA);
    expect(preview[0]!.text).toContain('Xem trước kế hoạch từ tệp <b>ke-hoach-50.docx</b>');
    expect(preview.map((m) => m.text).join('\n')).toContain('Tính đến ngày 26/11/2024: 2 nhiệm vụ đã quá hạn');
  });

  it('a file over 20 MB is refused before anything is downloaded, and a .doc unread', async () => {
    await w.bot.handleUpdate(w.tg.makeDocumentUpdate({ chatId: USERS.admin, from: { id: USERS.admin }, fileId: 'BIG', fileName: 'ke-hoach.docx', fileSize: 21 * 1024 * 1024 }) as never);
    expect(w.last(USERS.admin)!.text).toContain('is over 20 MB');
    await w.bot.handleUpdate(w.tg.makeDocumentUpdate({ chatId: USERS.admin, from: { id: USERS.admin }, fileId: 'OLD', fileName: 'ke-hoach.doc', fileSize: 1000 }) as never);
    expect(w.last(USERS.admin)!.text).toContain('is not a kind of plan the bot reads');
    expect(w.tg.callsTo('getFile')).toEqual([]);
  });

  it('a file that is not a plan gets the importer\'s reason, and nothing is kept', async () => {
    const replies = await sendPlan(USERS.admin, ['Kính gửi các phòng ban', 'Đề nghị các đơn vị báo cáo.'], 'cong-van.txt');
    expect(replies.at(-1)!.text).toMatch(/^The plan could not be read: cong-van\.txt/);
    expect(replies.at(-1)!.replyMarkup).toBeUndefined();
  });
});

describe('a re-import that drops reported work', () => {
  it('shows the diff in the preview, asks for Confirm on Import, and writes only after Confirm', async () => {
    await sendPlan(USERS.admin);
    await press(USERS.admin, /remind overdue now/);
    const plan = await w.prisma.plan.findFirstOrThrow({ where: { number: '50/KH-UBND' }, include: { tasks: { orderBy: { ordinal: 'asc' } } } });
    const reported = plan.tasks[1]!;
    await w.prisma.statusReport.create({ data: { taskId: reported.id, officerId: w.seed.officers.officerA.id, status: 'IN_PROGRESS', progress: 40 } });
    await w.prisma.task.update({ where: { id: reported.id }, data: { status: 'IN_PROGRESS', progress: 40 } });

    // The revised plan drops task 2, which carries a report.
    const revised = PLAN_LINES.filter((l) => !l.startsWith('2\t')).map((l) => l.replace(/^(\d)\t/, (_, n: string) => `${Number(n) > 2 ? Number(n) - 1 : n}\t`));
    const preview = await sendPlan(USERS.admin, revised, 'ke-hoach-50-sua.docx');
    const text = preview.map((m) => m.text).join('\n');
    expect(text).toContain(`updates plan #${plan.id}: 0 added, 1 removed, 3 renumbered, 0 reworded`);
    expect(text).toMatch(/Kiện toàn đội ngũ công chức một cửa.*\[has reports\]/);

    const { replies } = await press(USERS.admin, /remind overdue now/);
    const ask = replies.at(-1)!;
    expect(ask.text).toContain("<b>Nothing written: the new version drops 1 and rewords 0 task(s) that carry officers' reports.</b>");
    expect(buttonsOf(USERS.admin, ask.messageId).map((b) => b.text)).toEqual(['⚠️ Import anyway', 'Cancel']);
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: reported.id } })).status).toBe('IN_PROGRESS');
    expect(await w.prisma.auditLog.count({ where: { action: 'plan.reimport' } })).toBe(0);

    const confirmed = await press(USERS.admin, /Import anyway/);
    expect(confirmed.replies.at(-1)!.text).toContain(`Re-imported plan #${plan.id}`);
    // Kept as cancelled with its report, not deleted.
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: reported.id } })).status).toBe('CANCELLED');
    expect(await w.prisma.statusReport.count({ where: { taskId: reported.id } })).toBe(1);
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'plan.reimport' } });
    expect(audit).toMatchObject({ actor: String(w.seed.officers.admin.id), data: { confirmed: true } });
  });
});
