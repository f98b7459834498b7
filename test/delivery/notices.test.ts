// Notices as delivery jobs: written in the action's transaction, queued after it, composed from ids
// when sent, claimed per recipient. Real bot, Zalo adapter and workers on both stand-ins
// (test/helpers/channels-world.ts); each test makes its own unit, people and task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/messages/i18n.ts';
import { createComposer } from '../../src/messages/index.ts';
import { reconcile } from '../../src/delivery/reconcile.ts';
import { noticeRequester, sendNoticeJob, SEND_NOTICE_JOB_OPTIONS } from '../../src/delivery/jobs/definitions/send-notice.ts';
import { sendNoticesNow } from '../../src/delivery/jobs/handlers/send-notice.ts';
import { deliverNotice } from '../../src/delivery/notice-delivery.ts';
import { UNPACED } from '../../src/delivery/chat-pacing.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { decideExtension, recordAnswer, requestExtension } from '../../src/tasks/answers.ts';
import { passDownTask } from '../../src/tasks/pass-down.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import { telegramDriver, zaloDriver } from '../helpers/channel-drivers.ts';
import { createChannelsWorld, type ChannelsWorld } from '../helpers/channels-world.ts';
import { waitFor } from '../helpers/scheduler-world.ts';
import { testLogger } from '../helpers/test-log.ts';

/** Tuesday 26 November 2024, 09:00 in Hà Nội. */
const START = new Date('2024-11-26T02:00:00Z');

let world: ChannelsWorld;
beforeAll(async () => {
  world = await createChannelsWorld(START);
});
afterAll(async () => {
  await world?.close();
});

let people = 12_000;

/** An officer on Telegram, their leader on Telegram (or on Zalo only), and a task of their unit due Friday. */
async function office(leaderOn: 'TELEGRAM' | 'ZALO' = 'TELEGRAM') {
  world.clock.set(START);
  const n = ++people;
  const leaderN = ++people;
  const tg = telegramDriver(world);
  const zl = zaloDriver(world);
  const unit = await world.prisma.unit.create({ data: { name: `Phòng ${n}`, normalizedName: unitKey(`Phòng ${n}`) } });
  const officer = await world.prisma.officer.create({ data: { name: `Cán bộ ${n}`, unitId: unit.id, chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: tg.chatOf(n) }] } } });
  const leaderChat = leaderOn === 'TELEGRAM' ? tg.chatOf(leaderN) : zl.chatOf(leaderN);
  const leader = await world.prisma.officer.create({ data: { name: `Lãnh đạo ${leaderN}`, unitId: unit.id, role: 'LEADER', chatIdentities: { create: [{ channel: leaderOn, externalId: leaderChat }] } }, include: { chatIdentities: true } });
  const plan = await world.prisma.plan.create({ data: { kind: 'KE_HOACH', title: `Kế hoạch ${n}`, sourceFileName: 'kh.docx', sourceHash: `nt-${n}` } });
  const task = await world.prisma.task.create({
    data: { planId: plan.id, code: '1.1', path: '1.1', ordinal: 1, title: `Báo cáo ${n}`, due: new Date('2024-11-29T00:00:00Z'), schedule: { kind: 'once', due: '2024-11-29' }, units: { create: [{ unitId: unit.id, role: 'LEAD' }] } },
  });
  /** The officer asks for an extension through the use case only: the notice is written, nothing is queued (as if the process died after the commit). */
  const askExtension = async () => {
    const result = await requestExtension(world.prisma, { officerId: officer.id, taskId: task.id, proposedDue: '2024-12-20', reason: 'chờ số liệu', now: world.now() });
    if (result.outcome !== 'requested') throw new Error(result.outcome);
    expect(result.noticeIds).toHaveLength(1);
    return { requestId: result.requestId, noticeId: result.noticeIds[0]! };
  };
  return { n, leaderN, tg, zl, officer, leader, leaderChat, task, askExtension };
}

const notice = (id: number) => world.prisma.notice.findUniqueOrThrow({ where: { id } });
const telegramTexts = (chat: string) => world.tg.messagesTo(Number(chat)).map((m) => m.text);
const reconcileNow = () => reconcile({ prisma: world.prisma, queue: world.queues.delivery, calendar: world.calendar, policy: DEFAULT_REMINDER_POLICY, logger: testLogger() }, world.now(), { replan: false });
const settled = async (jobId: string) => ['completed', 'failed'].includes(String(await (await world.queues.delivery.getJob(jobId))?.getState()));

describe('notices through delivery', () => {
  it('a crash between the commit and the queuing: the row waits, reconcile queues it, it is delivered once', async () => {
    const o = await office();
    const { noticeId } = await o.askExtension();
    expect(await notice(noticeId)).toMatchObject({ kind: 'extension-asked', status: 'PENDING', recipientOfficerId: o.leader.id, payload: { requestId: expect.any(Number) } });
    expect(await world.queues.delivery.getJob(sendNoticeJob.jobId({ noticeId }))).toBeUndefined();
    expect(telegramTexts(o.leaderChat)).toEqual([]);

    expect((await reconcileNow()).notices).toBe(1);
    await waitFor(async () => (await notice(noticeId)).status === 'SENT', 10_000, 'the notice sent');
    // Reconciling again finds it sent: nothing more is queued, nothing more arrives.
    expect((await reconcileNow()).notices).toBe(0);
    await waitFor(() => settled(sendNoticeJob.jobId({ noticeId })), 5_000, 'the job done');
    const asks = telegramTexts(o.leaderChat);
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatch(/chờ số liệu/);
    expect((await notice(noticeId)).channelMessageId).toBe(String(world.tg.messagesTo(Number(o.leaderChat))[0]!.messageId));
  });

  it('a job run twice (a second job of the same notice) and the bot in-process at once: sent once', async () => {
    const o = await office();
    const { noticeId } = await o.askExtension();
    const inProcess = sendNoticesNow({ ...world.deps, logger: testLogger() });
    await Promise.all([
      world.queues.delivery.add(sendNoticeJob.name, { noticeId }, { ...SEND_NOTICE_JOB_OPTIONS, jobId: sendNoticeJob.jobId({ noticeId }) }),
      world.queues.delivery.add(sendNoticeJob.name, { noticeId }, { ...SEND_NOTICE_JOB_OPTIONS, jobId: `${sendNoticeJob.jobId({ noticeId })}-again` }),
      inProcess([noticeId]),
    ]);
    await waitFor(async () => (await settled(sendNoticeJob.jobId({ noticeId }))) && settled(`${sendNoticeJob.jobId({ noticeId })}-again`), 15_000, 'both jobs done');
    expect(await notice(noticeId)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(telegramTexts(o.leaderChat)).toHaveLength(1);
  });

  it('five senders at the same instant with no pacing between them (the chat\'s pace serializes them otherwise): one claims and sends', async () => {
    const o = await office();
    const { noticeId } = await o.askExtension();
    const unpaced = { ...world.deps, channels: { TELEGRAM: { ...world.deps.channels.TELEGRAM!, pacing: UNPACED } } };
    const steps = await Promise.all(Array.from({ length: 5 }, (_, i) => deliverNotice(unpaced, noticeId, { sendId: `race-${i}`, lastAttempt: false })));
    expect(steps.filter((s) => s.outcome === 'sent')).toHaveLength(1);
    expect(steps.filter((s) => s.outcome !== 'sent').every((s) => s.outcome === 'wait' || s.outcome === 'settled')).toBe(true);
    expect(await notice(noticeId)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(telegramTexts(o.leaderChat)).toHaveLength(1);
  });

  it('a 429 from the platform: the job waits retry_after and sends once', async () => {
    const o = await office();
    const { noticeId } = await o.askExtension();
    world.tg.failWhen(1, '429', /^sendMessage$/, (p) => String(p.chat_id) === o.leaderChat, 1);
    await noticeRequester(world.queues.delivery, testLogger())([noticeId]);
    await waitFor(async () => (await notice(noticeId)).status === 'SENT', 15_000, 'the notice sent after the wait');
    const row = await notice(noticeId);
    // Claimed twice: refused with 429, then sent.
    expect(row.attempts).toBe(2);
    const tries = world.tg.calls.filter((c) => c.method === 'sendMessage' && String((c.params as { chat_id?: unknown }).chat_id) === o.leaderChat);
    expect(tries.map((c) => c.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(900);
    expect(telegramTexts(o.leaderChat)).toHaveLength(1);
  });

  it('a recipient who blocked the bot: the chat is switched off, the notice FAILED, the job not retried', async () => {
    const o = await office();
    world.tg.blockChat(Number(o.leaderChat));
    const { noticeId } = await o.askExtension();
    await noticeRequester(world.queues.delivery, testLogger())([noticeId]);
    await waitFor(async () => (await notice(noticeId)).status === 'FAILED', 10_000, 'the notice failed');
    const job = (await world.queues.delivery.getJob(sendNoticeJob.jobId({ noticeId })))!;
    await waitFor(async () => (await job.getState()) === 'failed', 5_000, 'the job failed');
    expect((await world.queues.delivery.getJob(job.id!))!.attemptsMade).toBe(1);
    expect((await notice(noticeId)).lastError).toMatch(/blocked/);
    expect(await world.prisma.chatIdentity.findUniqueOrThrow({ where: { id: o.leader.chatIdentities[0]!.id } })).toMatchObject({ active: false, deactivationReason: expect.stringMatching(/blocked/) });
  });

  it('composing reads only: composed twice, every notice kind leaves the rows as they were, and the same message comes out', async () => {
    const o = await office();
    const { noticeId, requestId } = await o.askExtension();
    // More kinds: the decision, the answer a giver hears, the new holder's card.
    const decided = await decideExtension(world.prisma, { officerId: o.leader.id, requestId, approve: false, now: world.now() });
    const given = await passDownTask(world.prisma, { officerId: o.leader.id, taskId: o.task.id, target: { officerId: o.officer.id }, note: 'làm ngay', now: world.now(), today: '2024-11-26' });
    const answered = await recordAnswer(world.prisma, { officerId: o.officer.id, taskId: o.task.id, kind: 'IN_PROGRESS', progress: 40, now: world.now() });
    const ids = [noticeId, ...(decided.outcome === 'decided' ? decided.noticeIds : []), ...(given.outcome === 'given' ? given.noticeIds : []), ...(answered.outcome === 'recorded' ? answered.noticeIds : [])];
    const rows = await world.prisma.notice.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.kind)).toEqual(['extension-asked', 'extension-decided', 'pass-down-given', 'pass-down-answer']);

    const composer = createComposer({ prisma: world.prisma, i18n: createI18n(), calendar: world.calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const fingerprint = async () => {
      const tables = ['Notice', 'ExtensionRequest', 'Task', 'TaskAssignment', 'StatusReport', 'Reminder', 'AuditLog', 'ChatIdentity', 'Officer'];
      const sums = await Promise.all(tables.map((t) => world.prisma.$queryRawUnsafe<Array<{ s: string | null }>>(`SELECT md5(string_agg(x::text, ',' ORDER BY x.id)) AS s FROM "${t}" x`)));
      return sums.map((r) => r[0]!.s);
    };
    const before = await fingerprint();
    const first = await Promise.all(rows.map((r) => composer.notice(r, world.now())));
    const second = await Promise.all(rows.map((r) => composer.notice(r, world.now())));
    expect(await fingerprint()).toEqual(before);
    expect(second).toEqual(first);
    // The ask is no longer needed (decided): it composes to nothing, and the sender cancels it.
    expect(first[0]).toBeUndefined();
    expect(first[1]!.html).toMatch(/không đồng ý gia hạn/);
    expect(first[2]!.html).toMatch(/làm ngay/);
    expect(first[3]!.html).toMatch(/40%/);
    await sendNoticesNow({ ...world.deps, logger: testLogger() })([noticeId]);
    expect(await notice(noticeId)).toMatchObject({ status: 'CANCELLED', lastError: expect.stringMatching(/reason is gone/) });
    expect(telegramTexts(o.leaderChat)).toEqual([]);
  });

  it('a leader linked on Zalo only: asked by the worker on Zalo with numbered choices, decides with "1"; the officer hears it on Telegram', async () => {
    const o = await office('ZALO');
    await o.tg.say(o.n, 'gia hạn 1.1 20/12/2024 chờ số liệu của xã');
    await waitFor(async () => o.zl.transcript(o.leaderChat).some((m) => /chờ số liệu của xã/.test(m.text)), 10_000, 'the ask on Zalo');
    const ask = o.zl.transcript(o.leaderChat).at(-1)!.text;
    expect(ask).toMatch(/1 = ✅ Đồng ý/);
    // The worker records SENT after Zalo answered the send: the message can be seen a moment before.
    const leaderNotice = () => world.prisma.notice.findFirstOrThrow({ where: { recipientOfficerId: o.leader.id } });
    await waitFor(async () => (await leaderNotice()).status !== 'CLAIMED', 10_000, 'the notice recorded');
    expect(await leaderNotice()).toMatchObject({ kind: 'extension-asked', status: 'SENT' });
    const before = telegramTexts(o.tg.chatOf(o.n)).length;
    await o.zl.say(o.leaderN, '1');
    await waitFor(async () => telegramTexts(o.tg.chatOf(o.n)).slice(before).some((t) => /đã <b>đồng ý gia hạn<\/b> đến 20\/12\/2024/.test(t)), 10_000, 'the decision on Telegram');
    expect((await world.prisma.task.findUniqueOrThrow({ where: { id: o.task.id } })).due?.toISOString().slice(0, 10)).toBe('2024-12-20');
  });
});
