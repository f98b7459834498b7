// /tasks pages: the page and its total are read in one statement on the bot's `pg` pool; a page
// button pressed after tasks were closed (its page no longer exists) shows the last page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPage } from '../../../src/messages/actions.ts';
import { openTasks } from '../../../src/tasks/queries.ts';
import { pgRunner } from '../../../src/db/sql.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
beforeEach(async () => {
  w = await createBotWorld();
  // Officer A's unit leads 1.2 and 1.3 already: 21 more make 23 open tasks, three pages of 10.
  for (let i = 0; i < 21; i++) {
    await w.prisma.task.create({
      data: { planId: w.seed.plan.id, code: `7.${i}`, path: `7.${i}`, ordinal: 700 + i, title: `Việc ${i}`, due: new Date(Date.UTC(2025, 0, 1 + i)), units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } },
    });
  }
});
afterEach(async () => {
  await w?.close();
});

function listedCodes(html: string): string[] {
  return [...html.matchAll(/\b(1\.[23]|7\.\d+)\b/g)].map((m) => m[1]!);
}

describe('/tasks pages', () => {
  it('shows the total, the most urgent first, and pages of 10 with the page number', async () => {
    await w.send(USERS.officerA, '/tasks');
    const first = w.last(USERS.officerA)!;
    expect(first.text).toContain('(23)');
    expect(first.text).toContain('Trang 1/3');
    expect(listedCodes(first.text).slice(0, 3)).toEqual(['1.3', '1.2', '7.0']);
    const officerId = w.seed.officers.officerA.id;
    await w.tap(USERS.officerA, first.messageId, listPage.pack({ list: 'tasks', page: 2, officerId }));
    const third = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === first.messageId)!;
    expect(third.text).toContain('Trang 3/3');
    expect(listedCodes(third.text)).toEqual(['7.18', '7.19', '7.20']);
  });

  it('a page that no longer exists shows the last one', async () => {
    await w.send(USERS.officerA, '/tasks');
    const first = w.last(USERS.officerA)!;
    await w.prisma.task.updateMany({ where: { code: { startsWith: '7.' }, ordinal: { gte: 710 } }, data: { status: 'DONE' } });
    await w.tap(USERS.officerA, first.messageId, listPage.pack({ list: 'tasks', page: 2, officerId: w.seed.officers.officerA.id }));
    const edited = w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === first.messageId)!;
    expect(edited.text).toContain('(12)');
    expect(edited.text).toContain('Trang 2/2');
    expect(listedCodes(edited.text)).toEqual(['7.8', '7.9']);
  });

  it('reads the same page through the pool and through Prisma, in one statement on the pool', async () => {
    const statements: string[] = [];
    const query = w.pool.query.bind(w.pool) as (...args: unknown[]) => Promise<unknown>;
    (w.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      statements.push(typeof first === 'string' ? first : first.text);
      return query(...args);
    };
    const scope = new Set([w.seed.units.interior.id]);
    const viaPool = await openTasks(pgRunner(w.pool), scope, { skip: 10, take: 10 });
    expect(statements).toHaveLength(1);
    expect(viaPool).toEqual(await openTasks(w.prisma, scope, { skip: 10, take: 10 }));
    expect(viaPool).toMatchObject({ total: 23, skip: 10 });
    expect(viaPool.tasks.map((t) => t.code)).toEqual(['7.8', '7.9', '7.10', '7.11', '7.12', '7.13', '7.14', '7.15', '7.16', '7.17']);
    expect(await openTasks(pgRunner(w.pool), new Set([w.seed.units.commune.id + 1000]), { skip: 0, take: 10 })).toEqual({ total: 0, skip: 0, tasks: [] });
  });
});
