// The Zalo route of delivery, wired from the config: the API client, the channel that
// renders numbered choices in the recipient's language, and pacing kept apart from
// Telegram's (another platform, other limits).
import type { Redis } from 'ioredis';
import type { Config } from '../../config.ts';
import type { Translator } from '../../messages/i18n.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { createChatPacing } from '../../delivery/chat-pacing.ts';
import { createZaloApi, type ZaloApi } from './api.ts';
import { createChoiceStore } from './choices.ts';
import { createZaloChannel } from './channel.ts';

/** Zalo documents no per-chat limit: at least this long between two messages to one person. */
export const ZALO_PRIVATE_INTERVAL_MS = 1_500;

export function zaloApiFromConfig(config: Pick<Config, 'zalo'>): ZaloApi | undefined {
  return config.zalo.token ? createZaloApi({ token: config.zalo.token, apiRoot: config.zalo.apiRoot }) : undefined;
}

export function createZaloRoute(deps: { api: ZaloApi; redis: Redis; prefix: string; ratePerSecond: number; prisma: PrismaClient; i18n: Translator }) {
  const header = async (chatId: string) => {
    const identity = await deps.prisma.chatIdentity.findUnique({ where: { channel_externalId: { channel: 'ZALO', externalId: chatId } }, select: { officer: { select: { language: true } } } });
    return deps.i18n.t(identity?.officer.language ?? 'vi', 'zalo-choices');
  };
  return {
    channel: createZaloChannel(deps.api, createChoiceStore(deps.redis, deps.prefix), header),
    pacing: createChatPacing(deps.redis, { prefix: `${deps.prefix}:zalo`, globalPerSecond: deps.ratePerSecond, privateIntervalMs: ZALO_PRIVATE_INTERVAL_MS }),
  };
}
