// The webhook's hot path through the plain `pg` pool (as the service wires it): the same rows as
// through Prisma, few statements and no transaction round trips, and answers to one task applied
// one after the other when they race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAnswer } from '../../../src/tasks/answers.ts';
import { taskViewsByCode } from '../../../src/tasks/queries.ts';
import { claimUpdate, loadActor } from '../../../src/tasks/actor.ts';
import { pgRunner } from '../../../src/db/sql.ts';
import { openPgPool } from '../../../src/db/pool.ts';
import { taskAction } from '../../../src/messages/actions.ts';
import { createBotWorld, NOW, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
const statements: string[] = [];
beforeAll(async () => {
  w = await createBotWorld();
  // Every statement the bot sends through the pool, in order.
  const query = w.pool.query.bind(w.pool) as (...args: unknown[]) => Promise<unknown>;
  (w.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text: string };
    statements.push(typeof first === 'string' ? first : first.text);
    return query(...args);
  };
});
afterAll(async () => {
  await w?.close();
});

describe('a text reply through the pg pool', () => {
  it('takes 2 statements (claim with officer and the task by code, guarded write) and no BEGIN/COMMIT', async () => {
    statements.length = 0;
    await w.send(USERS.officerA, '1.2 40% đang tổng hợp');
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/INSERT INTO "ProcessedUpdate"[\s\S]*lower\(t\.code\)/);
    expect(statements[1]).toMatch(/^\s*WITH updated AS \(\s*UPDATE "Task"/);
    expect(statements.join('\n')).not.toMatch(/\bBEGIN\b|\bCOMMIT\b/);
    expect(w.last(USERS.officerA)!.text).toContain('40%');
  });

  it('records exactly what the Prisma path records: report, task, audit, UTC dates', async () => {
    const task = await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.overdue.id } });
    await w.send(USERS.officerA, 'xong 1.3 đã nộp');
    const report = await w.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ status: 'DONE', progress: 100, note: 'đã nộp', officerId: w.seed.officers.officerA.id, createdAt: NOW, occurrenceDue: new Date('2024-11-15T00:00:00Z') });
    const done = await w.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(done).toMatchObject({ status: 'DONE', progress: 100, completedAt: NOW });
    expect(Math.abs(done.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const audit = await w.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.done', entityId: String(task.id) }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actor: String(w.seed.officers.officerA.id), entityType: 'Task', data: { reportId: report.id, from: 'NOT_STARTED', to: 'DONE', progress: 100, noteLength: 'đã nộp'.length } });
    expect(Math.abs(audit.at.getTime() - Date.now())).toBeLessThan(60_000);
    // The card with the answer, then (as after ✅) the request for evidence.
    const sent = w.tg.messagesTo(USERS.officerA);
    expect(sent.at(-2)!.text).toContain('đã nộp');
    expect(sent.at(-1)!.text).toContain('minh chứng');
  });

  it('reads rows shaped as Prisma reads them (dates as UTC Dates, JSON parsed)', async () => {
    const sql = pgRunner(w.pool);
    const actor = (await loadActor(sql, w.seed.officers.leader.id))!;
    const [seen] = await taskViewsByCode(sql, actor.scope, '1.2');
    const viaPrisma = await taskViewsByCode(w.prisma, actor.scope, '1.2');
    expect(seen).toEqual(viaPrisma[0]);
    expect(seen!.view.due).toEqual(new Date('2024-11-29T00:00:00Z'));
    expect(seen!.view.units.length).toBe(2);
  });

  it('a card\'s answer button: its task is read with the claim, so the press takes 2 statements too', async () => {
    const { messageId } = await w.sendReminder(w.seed.tasks.review.id, w.seed.officers.officerA.id, USERS.officerA);
    statements.length = 0;
    await w.tap(USERS.officerA, messageId, taskAction.pack({ action: 'pv', taskId: w.seed.tasks.review.id, officerId: w.seed.officers.officerA.id, value: 50 }));
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/INSERT INTO "ProcessedUpdate"[\s\S]*WHERE t\.id = /);
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: w.seed.tasks.review.id } })).progress).toBe(50);
  });

  it('the tasks read with the claim for a code are those taskViewsByCode reads in the sender\'s scope, for each role', async () => {
    const sql = pgRunner(w.pool);
    let updateId = 9_100_000_000n;
    for (const user of [USERS.officerA, USERS.officerB, USERS.leader, USERS.admin]) {
      for (const code of ['1.2', '1.3', '2.1', 'II/1.2', '9.9']) {
        const claimed = await claimUpdate(sql, 'TELEGRAM', ++updateId, String(user), { now: NOW, prefetch: { code } });
        expect(claimed.claimed).toBe(true);
        expect(claimed.tasks, `${user} ${code}`).toEqual(await taskViewsByCode(sql, claimed.actor!.scope, code));
      }
    }
    // A stranger gets no tasks, whatever the code.
    const stranger = await claimUpdate(sql, 'TELEGRAM', ++updateId, String(USERS.stranger), { now: NOW, prefetch: { code: '1.2' } });
    expect(stranger).toEqual({ claimed: true });
  });

  it('claims an update id once', async () => {
    const sql = pgRunner(w.pool);
    const first = await claimUpdate(sql, 'TELEGRAM', 9_000_000_001n, String(USERS.officerB), { now: new Date('2024-11-26T02:00:00Z') });
    const again = await claimUpdate(sql, 'TELEGRAM', 9_000_000_001n, String(USERS.officerB), { now: new Date('2024-11-26T02:00:00Z') });
    expect(first).toMatchObject({ claimed: true, actor: { id: w.seed.officers.officerB.id } });
    expect(again.claimed).toBe(false);
  });
});

describe('answers to one task that race', () => {
  it('are applied one after the other: each report recorded once, each audit entry starts from the state the one before left', async () => {
    const sql = pgRunner(w.pool);
    const taskId = w.seed.tasks.review.id;
    const officer = (await loadActor(sql, w.seed.officers.officerB.id))!;
    const leader = (await loadActor(sql, w.seed.officers.leader.id))!;
    const before = await w.prisma.statusReport.count({ where: { taskId } });
    const answers = [10, 20, 30, 40, 50, 60].map((progress, i) => {
      const actor = i % 2 ? officer : leader;
      return recordAnswer(sql, { actor, officerId: actor.id, taskId, kind: 'IN_PROGRESS', progress, now: NOW });
    });
    const results = await Promise.all(answers);
    expect(results.every((r) => r.outcome === 'recorded')).toBe(true);
    expect(await w.prisma.statusReport.count({ where: { taskId } })).toBe(before + 6);
    const audits = await w.prisma.auditLog.findMany({ where: { entityType: 'Task', entityId: String(taskId) }, orderBy: { id: 'asc' } });
    const last = audits.slice(-6).map((a) => a.data as { from: string; to: string; progress: number });
    for (const entry of last.slice(1)) expect(entry.from).toBe('IN_PROGRESS');
    const task = await w.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.progress).toBe(last.at(-1)!.progress);
  });

  it('an answer decided on a version that changed since is re-read and applied on the new state', async () => {
    const sql = pgRunner(w.pool);
    const officer = (await loadActor(sql, w.seed.officers.officerB.id))!;
    const [stale] = await taskViewsByCode(sql, officer.scope, '1.2');
    await w.prisma.task.update({ where: { id: stale!.view.id }, data: { status: 'DONE', progress: 100 } });
    const result = await recordAnswer(sql, { actor: officer, seen: stale!, officerId: officer.id, taskId: stale!.view.id, kind: 'IN_PROGRESS', progress: 70, now: NOW });
    expect(result.outcome).toBe('already-done');
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: stale!.view.id } })).progress).toBe(100);
  });

  it('a task that left the officer\'s units between read and write is refused, not written', async () => {
    const sql = pgRunner(w.pool);
    const officer = (await loadActor(sql, w.seed.officers.officerA.id))!;
    const task = await w.prisma.task.create({ data: { planId: w.seed.plan.id, code: '9.1', path: '9.1', ordinal: 90, title: 'Di chuyển', units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } } });
    const [seen] = await taskViewsByCode(sql, officer.scope, '9.1');
    await w.prisma.taskUnit.updateMany({ where: { taskId: task.id }, data: { unitId: w.seed.units.commune.id } });
    await expect(recordAnswer(sql, { actor: officer, seen: seen!, officerId: officer.id, taskId: task.id, kind: 'IN_PROGRESS', progress: 30, now: NOW })).rejects.toMatchObject({ name: 'PermissionError' });
    expect(await w.prisma.statusReport.count({ where: { taskId: task.id } })).toBe(0);
  });
});

describe('prepared statements of the pg runner', () => {
  it('are planned once per connection (generic plans), not anew at each execution', async () => {
    const pool = await openPgPool(w.db.url, { max: 1 });
    try {
      const sql = pgRunner(pool);
      const officer = (await loadActor(sql, w.seed.officers.admin.id))!;
      for (let i = 0; i < 3; i++) await taskViewsByCode(sql, officer.scope, '2.1');
      const { rows } = await pool.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement ILIKE '%lower(t.code)%'`,
      );
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]!.custom_plans)).toBe(0);
      expect(Number(rows[0]!.generic_plans)).toBe(3);
    } finally {
      await pool.end();
    }
  });

  it('keep working after a migration changes the columns a prepared statement returns', async () => {
    const sql = pgRunner(w.pool);
    const officer = (await loadActor(sql, w.seed.officers.admin.id))!;
    // Once per pool connection, so that every connection holds the prepared statement.
    await Promise.all([1, 2, 3].map(() => taskViewsByCode(sql, officer.scope, '2.1')));
    await w.prisma.$executeRawUnsafe('ALTER TABLE "Task" ADD COLUMN "hotPathProbe" int');
    try {
      const [seen] = await taskViewsByCode(sql, officer.scope, '2.1');
      expect(seen!.view.code).toBe('2.1');
    } finally {
      await w.prisma.$executeRawUnsafe('ALTER TABLE "Task" DROP COLUMN "hotPathProbe"');
    }
  });
});
