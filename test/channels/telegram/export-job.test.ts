// /export and /report's chart as BullMQ jobs, through the Telegram stand-in with real workers on
// Redis: the bot answers at once ("Đang lập báo cáo…", or the report's text), the job edits that
// message with its progress and sends the document, or draws the chart and sends it below the
// text; a retried job does not send twice; a failure and a lost right are told.
import { Queue } from 'bullmq';
import { Api } from 'grammy';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkers, type Workers } from '../../../src/delivery/jobs/create-workers.ts';
import { exportReportJob, exportRequester } from '../../../src/delivery/jobs/definitions/export-report.ts';
import { reportChartJob } from '../../../src/delivery/jobs/definitions/report-chart.ts';
import { decodePng } from '../../helpers/png.ts';
import { exportPlanDocx } from '../../../src/messages/actions.ts';
import type { JobDeps } from '../../../src/delivery/jobs/deps.ts';
import { createTelegramChannel } from '../../../src/channels/telegram/channel.ts';
import { createI18n } from '../../../src/messages/i18n.ts';
import { pgRunner } from '../../../src/db/sql.ts';
import { createMetrics } from '../../../src/metrics.ts';
import { createRedis } from '../../../src/redis.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/reminders/policy-values.ts';
import { createChatPacing } from '../../../src/delivery/chat-pacing.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';
import { waitFor } from '../../helpers/scheduler-world.ts';

let w: BotWorld;
let workers: Workers | undefined;
let connection: ReturnType<typeof createRedis> | undefined;

beforeEach(async () => {
  w = await createBotWorld({ exportJobs: true });
});
afterEach(async () => {
  await workers?.close();
  workers = undefined;
  connection?.disconnect();
  connection = undefined;
  await w?.close();
});

/** Real workers on the world's database, Redis prefix and stand-in, at the world's clock. */
async function startWorkers(): Promise<Workers> {
  connection = createRedis(w.redis.url, 'worker');
  const producer = createRedis(w.redis.url, 'producer');
  const deps: JobDeps = {
    prisma: w.prisma,
    sql: pgRunner(w.pool),
    channels: {
      TELEGRAM: {
        channel: createTelegramChannel(new Api(w.tg.token, { apiRoot: w.tg.apiRoot })),
        pacing: createChatPacing(producer, { prefix: w.redis.prefix, globalPerSecond: 200 }),
      },
    },
    composer: w.composer,
    clock: { now: () => w.now },
    logger: w.logger,
    metrics: createMetrics(),
    calendar: w.calendar,
    policy: DEFAULT_REMINDER_POLICY,
    deliveryQueue: w.queues.delivery,
    i18n: createI18n(),
  };
  workers = createWorkers(deps, { connection, prefix: w.redis.prefix, sendRatePerSecond: 200, lockDurationMs: 3_000, stalledIntervalMs: 1_000 });
  const close = workers.close.bind(workers);
  workers.close = async () => {
    await close();
    producer.disconnect();
  };
  await workers.reports.waitUntilReady();
  return workers;
}

const PROGRESS_START = '⏳ Đang lập báo cáo <b>336/KH-UBND</b>, Quý IV năm 2024…';

/** The job of the progress message the bot just sent to a chat. */
async function jobOf(chatId: number, progressMessageId: number) {
  return w.queues.reports.getJob(exportReportJob.jobId({ chatId: String(chatId), progressMessageId } as never));
}

async function documentArrives(chatId: number, count = 1) {
  await waitFor(async () => w.tg.filesTo(chatId).length >= count, 20_000, 'the exported document');
}

describe('/export as a job', () => {
  it('answers at once, then the job edits the message with its progress and sends the .xlsx', async () => {
    await w.send(USERS.leader, '/export');
    // Nothing is built while the update waits: the answer is the progress message, and a queued job.
    const progress = w.last(USERS.leader)!;
    expect(progress.text).toBe(PROGRESS_START);
    expect(w.tg.filesTo(USERS.leader)).toEqual([]);
    const job = (await jobOf(USERS.leader, progress.messageId))!;
    expect(job.data).toEqual({ officerId: w.seed.officers.leader.id, chatId: String(USERS.leader), planId: w.seed.plan.id, period: 'Q4-2024', format: 'xlsx', progressMessageId: progress.messageId });

    await startWorkers();
    await documentArrives(USERS.leader);
    await waitFor(async () => (await jobOf(USERS.leader, progress.messageId))!.isCompleted(), 10_000, 'the job to complete');
    expect(w.tg.violations).toEqual([]);

    const [file] = w.tg.filesTo(USERS.leader);
    expect(file).toMatchObject({ kind: 'document', fileName: 'bao-cao-336-KH-UBND-Q4-2024.xlsx' });
    expect(file!.caption).toBe('📎 <b>Báo cáo kết quả thực hiện</b> 336/KH-UBND\nQuý IV năm 2024, tình trạng tính đến ngày 26/11/2024: 2 nhiệm vụ.');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file!.bytes! as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(2);

    // The same message told each stage, and ends saying it is sent.
    const edits = w.tg.callsTo('editMessageText').filter((c) => c.params.message_id === progress.messageId).map((c) => String(c.params.text));
    expect(edits[0]).toBe('⏳ Đang lập báo cáo <b>336/KH-UBND</b>, Quý IV năm 2024: đã đọc 2 nhiệm vụ, đang ghi tệp…');
    expect(edits[1]).toMatch(/^⏳ Đang gửi báo cáo <b>336\/KH-UBND<\/b>, Quý IV năm 2024 \(tệp \d+ KB\)…$/);
    expect(w.tg.messagesTo(USERS.leader).find((m) => m.messageId === progress.messageId)!.text).toBe('✅ Đã gửi báo cáo <b>336/KH-UBND</b>, Quý IV năm 2024.');
    const done = (await jobOf(USERS.leader, progress.messageId))!;
    expect(done.progress).toEqual({ stage: 'sent', bytes: file!.size, tasks: 2 });
    expect(done.returnvalue).toBe('sent');
  });

  it('a format and a dd/mm/yyyy range: the .docx arrives and opens with the period asked for', async () => {
    await startWorkers();
    await w.send(USERS.admin, '/export 336 docx 01/10/2024..30/11/2024');
    await documentArrives(USERS.admin);
    expect(w.tg.violations).toEqual([]);
    const [file] = w.tg.filesTo(USERS.admin);
    expect(file!.fileName).toBe('bao-cao-336-KH-UBND-2024-10-01_2024-11-30.docx');
    const { value } = await mammoth.extractRawText({ buffer: file!.bytes! });
    expect(value).toContain('01/10/2024 to 30/11/2024');
    expect(value).toContain('Kiện toàn tổ công tác CCHC');
    // The admin's file holds every task, the commune's too.
    expect(value).toContain('Số hóa hồ sơ một cửa');
  });

  it('when the closing edit fails, the retried job finishes the message without sending the document again', async () => {
    // The edit to "Đã gửi" fails once with a 500: the job fails after the upload and is retried.
    w.tg.failWhen(1, '500', /^editMessageText$/, (p) => String(p.text).startsWith('✅'));
    await startWorkers();
    await w.send(USERS.leader, '/export 336 Q3');
    const progress = w.tg.messagesTo(USERS.leader)[0]!;
    await waitFor(async () => w.tg.messagesTo(USERS.leader).find((m) => m.messageId === progress.messageId)!.text.startsWith('✅'), 20_000, 'the retried closing edit');
    const job = (await jobOf(USERS.leader, progress.messageId))!;
    await waitFor(async () => (await jobOf(USERS.leader, progress.messageId))!.isCompleted(), 10_000, 'the job to complete');

    expect(w.tg.callsTo('sendDocument').filter((c) => Number(c.params.chat_id) === USERS.leader)).toHaveLength(1);
    expect(w.tg.filesTo(USERS.leader)).toHaveLength(1);
    const done = (await jobOf(USERS.leader, progress.messageId))!;
    // Two runs: the first sent and failed on the edit, the second only edited.
    expect(done.attemptsMade).toBe(2);
    expect(done.returnvalue).toBe('already-sent');
    expect(job.id).toBe(`export-${USERS.leader}-${progress.messageId}`);
  });

  it('a failed upload tells the leader the report could not be made', async () => {
    // Every attempt's upload meets a 500 (three attempts, backed off 2 s then 4 s); edits still reach the message.
    w.tg.failWhen(1, '500', /^sendDocument$/, () => true);
    w.tg.failWhen(1, '500', /^sendDocument$/, () => true);
    w.tg.failWhen(1, '500', /^sendDocument$/, () => true);
    await startWorkers();
    await w.send(USERS.leader, '/export 336 6T');
    const progress = w.tg.messagesTo(USERS.leader)[0]!;
    await waitFor(async () => (await jobOf(USERS.leader, progress.messageId))!.isFailed(), 20_000, 'the job to fail');
    expect(w.tg.messagesTo(USERS.leader).find((m) => m.messageId === progress.messageId)!.text).toBe(
      '⚠️ Không lập được báo cáo <b>336/KH-UBND</b>, 6 tháng đầu năm 2024. Xin gõ lại lệnh sau ít phút; nếu vẫn không được, xin báo quản trị viên.',
    );
    expect(w.tg.filesTo(USERS.leader)).toEqual([]);
    expect(w.tg.callsTo('sendDocument')).toHaveLength(3);
  }, 30_000);

  it('a leader who lost the role before the job ran gets no file', async () => {
    await w.send(USERS.leader, '/export');
    const progress = w.last(USERS.leader)!;
    await w.prisma.officer.update({ where: { id: w.seed.officers.leader.id }, data: { role: 'OFFICER' } });
    await startWorkers();
    await waitFor(async () => (await jobOf(USERS.leader, progress.messageId))!.isCompleted(), 10_000, 'the job to complete');
    expect((await jobOf(USERS.leader, progress.messageId))!.returnvalue).toBe('not-allowed');
    expect(w.tg.messagesTo(USERS.leader).find((m) => m.messageId === progress.messageId)!.text).toBe('Không có kế hoạch nào có nhiệm vụ thuộc đơn vị bạn phụ trách.');
    expect(w.tg.filesTo(USERS.leader)).toEqual([]);
    expect(w.tg.callsTo('sendDocument')).toEqual([]);
  });
});

describe('/report with its chart drawn by the workers', () => {
  it('the text comes at once with its period button; the job sends the chart below it, once', async () => {
    await w.send(USERS.leader, '/report');
    const text = w.last(USERS.leader)!;
    expect(text.text).toContain('Thống kê tuần</b> 25/11/2024 – 01/12/2024');
    expect(w.buttons(USERS.leader, text.messageId)).toHaveLength(1);
    // Nothing drawn while the update waited: one queued chart job for this officer's week.
    expect(w.tg.filesTo(USERS.leader)).toEqual([]);
    const [job] = await w.queues.reports.getJobs(['waiting', 'prioritized']);
    expect(job!.name).toBe(reportChartJob.name);
    expect(job!.data).toMatchObject({ officerId: w.seed.officers.leader.id, chatId: String(USERS.leader), period: 'week' });

    await startWorkers();
    await waitFor(async () => (await w.queues.reports.getJob(job!.id!))!.isCompleted(), 20_000, 'the chart job');
    expect(w.tg.violations).toEqual([]);
    const photos = w.tg.filesTo(USERS.leader);
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ kind: 'photo', fileName: 'tien-do-tuan-2024-11-25.png' });
    const png = decodePng(photos[0]!.bytes!);
    expect([png.width, png.height]).toEqual([photos[0]!.width, photos[0]!.height]);
    const photoMessage = w.tg.messagesTo(USERS.leader).at(-1)!;
    expect(photoMessage.messageId).toBeGreaterThan(text.messageId);
    expect(photoMessage.text).toBe('📊 Tiến độ theo đơn vị, tuần 25/11/2024 – 01/12/2024');
    expect((await w.queues.reports.getJob(job!.id!))!.returnvalue).toBe('sent');

    // The same job run again (a retry after the upload) sends nothing more.
    const again = (await w.queues.reports.getJob(job!.id!))!;
    await again.retry('completed');
    await waitFor(async () => (await w.queues.reports.getJob(job!.id!))!.isCompleted(), 20_000, 'the retried chart job');
    expect((await w.queues.reports.getJob(job!.id!))!.returnvalue).toBe('already-sent');
    expect(w.tg.filesTo(USERS.leader)).toHaveLength(1);
  });

  it('the period button edits the text in place and the quarter\'s chart follows as a new photo', async () => {
    await startWorkers();
    await w.send(USERS.leader, '/report');
    const text = w.last(USERS.leader)!;
    await waitFor(async () => w.tg.filesTo(USERS.leader).length === 1, 20_000, 'the week\'s chart');
    await w.tap(USERS.leader, text.messageId, w.buttons(USERS.leader, text.messageId)[0]!.callback_data);
    expect(w.tg.messagesTo(USERS.leader).find((m) => m.messageId === text.messageId)!.text).toContain('Thống kê quý</b> 01/10/2024 – 31/12/2024');
    await waitFor(async () => w.tg.filesTo(USERS.leader).length === 2, 20_000, 'the quarter\'s chart');
    expect(w.tg.filesTo(USERS.leader)[1]).toMatchObject({ kind: 'photo', fileName: 'tien-do-quy-2024-10-01.png' });
    expect(w.tg.violations).toEqual([]);
  });

  it('an officer who is no leader gets neither the text nor a chart job', async () => {
    await w.send(USERS.officerA, '/report');
    expect(w.last(USERS.officerA)!.text).toContain('lãnh đạo');
    expect(await w.queues.reports.getJobCounts('waiting', 'prioritized', 'delayed')).toEqual({ waiting: 0, prioritized: 0, delayed: 0 });
  });
});

describe('/export docx with several plans', () => {
  it('the buttons carry the format: the chosen plan arrives as .docx', async () => {
    const second = await w.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '12/KH-UBND', title: 'Kế hoạch chuyển đổi số năm 2024', sourceFileName: 'cds.docx', sourceHash: 'def', issuedOn: new Date('2024-02-01T00:00:00Z') } });
    await w.prisma.task.create({ data: { planId: second.id, code: '1', path: '1', ordinal: 1, title: 'Số hóa hồ sơ lưu trữ', units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } } });
    await startWorkers();
    await w.send(USERS.leader, '/export word năm');
    const choice = w.last(USERS.leader)!;
    const [button] = w.buttons(USERS.leader, choice.messageId);
    expect(exportPlanDocx.unpack(button!.callback_data)).toMatchObject({ planId: second.id, period: 'year-2024', officerId: w.seed.officers.leader.id });
    // The same button pressed by another officer does nothing.
    await w.tap(USERS.leader, choice.messageId, button!.callback_data, USERS.officerA);
    expect(await w.queues.reports.count()).toBe(0);

    await w.tap(USERS.leader, choice.messageId, button!.callback_data);
    await documentArrives(USERS.leader);
    expect(w.tg.violations).toEqual([]);
    const [file] = w.tg.filesTo(USERS.leader);
    expect(file!.fileName).toBe('bao-cao-12-KH-UBND-year-2024.docx');
    const { value } = await mammoth.extractRawText({ buffer: file!.bytes! });
    expect(value).toContain('Số hóa hồ sơ lưu trữ');
    expect(value).toContain('Năm 2024');
  });
});

describe('/export without a period, for a plan with a reporting regime', () => {
  it('takes the report the plan has due next: "6 tháng trước 15/6 và năm trước 15/12" on 26/11 is the year', async () => {
    await w.prisma.plan.update({ where: { id: w.seed.plan.id }, data: { settings: { reporting: [{ period: '6T', due: '06-15' }, { period: 'year', due: '12-15' }] } } });
    await w.send(USERS.leader, '/export 336');
    const progress = w.last(USERS.leader)!;
    expect(progress.text).toBe('⏳ Đang lập báo cáo <b>336/KH-UBND</b>, Năm 2024…');
    expect((await jobOf(USERS.leader, progress.messageId))!.data).toMatchObject({ period: 'year-2024' });
    // A period named still wins.
    await w.send(USERS.leader, '/export 336 Q3');
    expect(w.last(USERS.leader)!.text).toBe('⏳ Đang lập báo cáo <b>336/KH-UBND</b>, Quý III năm 2024…');
  });
});

describe('queuing an export when Redis cannot be reached', () => {
  it('gives up after its timeout instead of holding the update, so the bot can say so', async () => {
    const down = createRedis('redis://127.0.0.1:1', 'producer');
    down.on('error', () => undefined);
    const queue = new Queue(w.queues.reports.name, { connection: down, prefix: w.redis.prefix });
    queue.on('error', () => undefined);
    const warnings: object[] = [];
    const request = exportRequester(queue, { warn: (o) => void warnings.push(o) }, { timeoutMs: 300 });
    const started = Date.now();
    expect(await request({ officerId: 1, chatId: '7003', planId: 1, period: 'Q4-2024', format: 'xlsx', progressMessageId: 5 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(warnings).toHaveLength(1);
    down.disconnect();
    await queue.close().catch(() => undefined);
  });
});
