// In a plan with several appendices a code repeats ("1.2" in Phụ lục 1 and in Phụ lục 2): the
// appendix goes with the code wherever it is shown or typed ("PL2 · 1.2", "xong PL2 1.2"), and
// a card names its plan by number and a short title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReply } from '../../../src/replies/reply-grammar.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
let pl1: number;
let pl2: number;
const LONG_TITLE = 'Kế hoạch thực hiện các nhiệm vụ, giải pháp trọng tâm nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) và Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2024';

beforeAll(async () => {
  w = await createBotWorld();
  const plan = await w.prisma.plan.create({ data: { kind: 'KE_HOACH', number: '336/KH-UBND', title: LONG_TITLE, sourceFileName: 'dn.docx', sourceHash: 'dn' } });
  const task = (path: string, ordinal: number, title: string) =>
    w.prisma.task.create({
      data: { planId: plan.id, code: '1.2', path, ordinal, title, due: new Date('2024-12-20T00:00:00Z'), schedule: { kind: 'once', due: '2024-12-20' }, units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } },
    });
  pl1 = (await task('PL1/1.2', 10, 'Rà soát quy trình nội bộ')).id;
  pl2 = (await task('PL2/1.2', 11, 'Công khai kết quả giải quyết hồ sơ')).id;
});
afterAll(async () => {
  await w?.close();
});

describe('codes with their appendix', () => {
  it('the grammar reads "PL2 1.2", "PL2·1.2" and "PL2/1.2"', () => {
    expect(parseReply('xong PL2 1.2 đã nộp')).toEqual({ kind: 'done', code: 'PL2 1.2', note: 'đã nộp' });
    expect(parseReply('pl2·1.2 50%')).toEqual({ kind: 'progress', code: 'PL2 1.2', progress: 50 });
    expect(parseReply('vướng PL1/1.2 chờ kinh phí')).toEqual({ kind: 'blocked', code: 'PL1 1.2', reason: 'chờ kinh phí' });
    expect(parseReply('xong 1.2')).toEqual({ kind: 'done', code: '1.2' });
  });

  it('"xong 1.2" offers both, each with its appendix; "xong PL2 1.2" answers the one of Phụ lục 2', async () => {
    await w.send(USERS.officerA, 'xong 1.2');
    const choice = w.last(USERS.officerA)!;
    const labels = w.buttons(USERS.officerA, choice.messageId).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['PL1 · 1.2 — 336/KH-UBND', 'PL2 · 1.2 — 336/KH-UBND']));

    await w.send(USERS.officerA, 'xong PL2 1.2 đã công khai');
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: pl2 } })).status).toBe('DONE');
    expect((await w.prisma.task.findUniqueOrThrow({ where: { id: pl1 } })).status).toBe('NOT_STARTED');
  });

  it('a card shows "PL1 · 1.2" and the plan by its number and a short title', async () => {
    await w.send(USERS.officerA, '/status PL1 1.2');
    const card = w.last(USERS.officerA)!.text;
    expect(card).toContain('<b>PL1 · 1.2. Rà soát quy trình nội bộ</b>');
    const planLine = card.split('\n').find((l) => l.includes('336/KH-UBND'))!;
    expect(planLine).toContain('336/KH-UBND — Kế hoạch thực hiện các nhiệm vụ');
    expect(planLine).toContain('…');
    expect(planLine.length).toBeLessThan(130);
    expect(planLine).not.toContain('PAPI');
  });
});
