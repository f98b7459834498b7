// The weekly summary on Zalo: Zalo's bots cannot join groups, so a leader (or admin) subscribes
// their own private chat to the weekly summary of their unit ("đăng ký báo cáo tuần" or
// "subscribe"), and stops it ("hủy báo cáo tuần" / "unsubscribe"). The overdue digest is not
// subscribed here: a leader already gets their own every working morning.
import { audit } from '../../tasks/audit.ts';
import { isLeaderOrAdmin } from '../../access/permissions.ts';
import type { LoadedActor } from '../../tasks/actor.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { SummaryCommand } from '../../replies/settings-commands.ts';

export type SummaryResult = { outcome: 'subscribed'; unitName: string } | { outcome: 'unsubscribed' | 'not-subscribed' | 'leaders-only' };

export async function setZaloSummary(prisma: PrismaClient, actor: LoadedActor, chatId: string, command: SummaryCommand): Promise<SummaryResult> {
  if (!isLeaderOrAdmin(actor)) return { outcome: 'leaders-only' };
  return prisma.$transaction(async (tx) => {
    if (command === 'unsubscribe') {
      const { count } = await tx.chatSubscription.updateMany({ where: { channel: 'ZALO', chatId, active: true }, data: { active: false } });
      if (count) await audit(tx, { actor: String(actor.id), action: 'subscription.unsubscribe', entityType: 'ChatSubscription', data: { channel: 'ZALO', chatId } });
      return { outcome: count ? 'unsubscribed' : 'not-subscribed' } as const;
    }
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: actor.unitId }, select: { id: true, name: true } });
    const subscription = await tx.chatSubscription.upsert({
      where: { channel_chatId: { channel: 'ZALO', chatId } },
      create: { channel: 'ZALO', chatId, overdueDigest: false, createdById: actor.id },
      update: { active: true, overdueDigest: false, weeklySummary: true, createdById: actor.id },
    });
    await tx.chatSubscriptionUnit.deleteMany({ where: { subscriptionId: subscription.id } });
    await tx.chatSubscriptionUnit.create({ data: { subscriptionId: subscription.id, unitId: unit.id } });
    await audit(tx, { actor: String(actor.id), action: 'subscription.subscribe', entityType: 'ChatSubscription', entityId: subscription.id, data: { channel: 'ZALO', unitIds: [unit.id] } });
    return { outcome: 'subscribed', unitName: unit.name } as const;
  });
}
