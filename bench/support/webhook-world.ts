// The people of the webhook bench: officers, each in a unit of their own with two tasks of
// theirs (one answered with progress and buttons, one marked done), linked to a Telegram chat,
// and a card already in each chat so that button presses edit a message the Bot API knows.
// The load generator builds its updates from what this returns (bench/support/webhook-load.mjs).
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { seedWorld } from '../../test/helpers/bot-world.ts';

export interface MixUser {
  chatId: number;
  officerId: number;
  progressCode: string;
  progressTaskId: number;
  doneCode: string;
  cardMessageId: number;
}

export interface UpdateMix {
  botId: number;
  users: MixUser[];
}

/** First Telegram user id of the bench's officers. */
const BASE_CHAT = 900_000;

export async function seedWebhookWorld(prisma: PrismaClient, input: { officers: number; apiRoot: string; token: string; botId: number }): Promise<UpdateMix> {
  const seed = await seedWorld(prisma);
  const users: MixUser[] = [];
  for (let u = 0; u < input.officers; u++) {
    const chatId = BASE_CHAT + u;
    const unit = await prisma.unit.create({ data: { name: `Tổ ${u}`, normalizedName: `to ${u}`, parentId: seed.units.interior.id } });
    const officer = await prisma.officer.create({ data: { name: `Cán bộ ${u}`, unitId: unit.id, chatIdentities: { create: { channel: 'TELEGRAM', externalId: String(chatId) } } } });
    const task = (code: string, ordinal: number) =>
      prisma.task.create({ data: { planId: seed.plan.id, code, path: code, ordinal, title: `Nhiệm vụ ${code} của tổ ${u}`, due: new Date('2030-12-31T00:00:00Z'), units: { create: [{ unitId: unit.id, role: 'LEAD' }] } } });
    const progress = await task(`5.${u}`, 1000 + u);
    await task(`6.${u}`, 5000 + u);
    const card = await callApi(input, 'sendMessage', { chat_id: chatId, text: `Nhiệm vụ 5.${u}` });
    users.push({ chatId, officerId: officer.id, progressCode: `5.${u}`, progressTaskId: progress.id, doneCode: `6.${u}`, cardMessageId: card.message_id });
  }
  return { botId: input.botId, users };
}

async function callApi(input: { apiRoot: string; token: string }, method: string, body: unknown): Promise<{ message_id: number }> {
  const response = await fetch(`${input.apiRoot}/bot${input.token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as { ok: boolean; result: { message_id: number }; description?: string };
  if (!json.ok) throw new Error(`${method}: ${json.description}`);
  return json.result;
}
