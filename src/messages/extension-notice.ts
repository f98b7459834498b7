// The message that asks a decider to approve or reject an extension request, with its two
// choices. One definition for every chat platform.
import type { OutgoingMessage } from '../channels/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { extensionDecision } from './actions.ts';
import { escapeHtml, truncate } from './html.ts';
import { translator, type Translator } from './i18n.ts';
import { formatDmy } from '../status/tracking-status.ts';

export type Platform = 'TELEGRAM' | 'ZALO';

export interface OfficerChat {
  channel: Platform;
  externalId: string;
}

export interface DeciderChat {
  officerId: number;
  /** The decider's active chats, most recently linked first: the sender takes the first it can reach. */
  chats: OfficerChat[];
  message: OutgoingMessage;
}

/** An officer's active chats, most recently linked first. */
export async function chatsOf(prisma: PrismaClient, officerId: number): Promise<OfficerChat[]> {
  return prisma.chatIdentity.findMany({ where: { officerId, active: true }, orderBy: [{ linkedAt: 'desc' }, { id: 'desc' }], select: { channel: true, externalId: true } });
}

/** The first chat on this platform or on one the process can also send to. */
export function reachableChat(chats: OfficerChat[], here: Platform, elsewhere: boolean): OfficerChat | undefined {
  return chats.find((c) => c.channel === here || elsewhere);
}

/** For each decider with an active chat: where to ask and what to show. */
export async function extensionAsks(
  prisma: PrismaClient,
  i18n: Translator,
  input: { requestId: number; deciderIds: number[]; currentDue?: IsoDate | undefined; proposedDue: IsoDate },
): Promise<DeciderChat[]> {
  const request = await prisma.extensionRequest.findUniqueOrThrow({
    where: { id: input.requestId },
    include: { task: { include: { plan: true } }, requester: { include: { unit: true } } },
  });
  const out: DeciderChat[] = [];
  for (const deciderId of input.deciderIds) {
    const decider = await prisma.officer.findUnique({ where: { id: deciderId }, select: { language: true } });
    const chats = await chatsOf(prisma, deciderId);
    if (!decider || !chats.length) continue;
    const t = translator(i18n, decider.language);
    const html = t('extension-ask', {
      name: escapeHtml(request.requester.name),
      unit: escapeHtml(request.requester.unit.name),
      code: escapeHtml(request.task.code),
      title: escapeHtml(truncate(request.task.title, 500)),
      plan: escapeHtml(truncate(request.task.plan.number ?? request.task.plan.title, 200)),
      current: input.currentDue ? formatDmy(input.currentDue) : t('due-none'),
      proposed: formatDmy(input.proposedDue),
      reason: request.reason ? escapeHtml(truncate(request.reason, 1_000)) : t('no-reason'),
    });
    const buttons = [[
      { text: t('btn-approve'), data: extensionDecision.pack({ decision: 'a', requestId: request.id, officerId: deciderId }) },
      { text: t('btn-reject'), data: extensionDecision.pack({ decision: 'r', requestId: request.id, officerId: deciderId }) },
    ]];
    out.push({ officerId: deciderId, chats, message: { html, buttons } });
  }
  return out;
}
