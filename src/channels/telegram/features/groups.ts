// Group chats: /subscribe [unit; unit] and /unsubscribe, by group admins who are registered
// leaders or admins, for units in their scope. The scheduler sends the weekly summary and
// overdue digest to subscribed groups.
import { Composer } from 'grammy';
import { escapeHtml } from '../../../messages/html.ts';
import { canManageSubscription, isLeaderOrAdmin } from '../../../access/permissions.ts';
import { findUnitByName } from '../../../tasks/officers.ts';
import { audit } from '../../../tasks/audit.ts';
import type { BotContext } from '../context.ts';
import type { Unit } from '../../../generated/prisma/client.ts';

export const groupsFeature = new Composer<BotContext>();
const groups = groupsFeature.chatType(['group', 'supergroup']);

const MAX_UNITS = 20;

async function isGroupAdmin(ctx: BotContext): Promise<boolean> {
  const member = await ctx.getChatMember(ctx.from!.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/** Checks the sender; replies with the refusal and returns false when they may not manage subscriptions. */
async function mayManage(ctx: BotContext): Promise<boolean> {
  const officer = ctx.officer;
  if (!officer || !isLeaderOrAdmin(officer)) {
    ctx.logger.info({ msg: 'group subscription refused: not a registered leader', from_id: ctx.from?.id });
    await ctx.reply(ctx.t('subscribe-leaders-only'), { parse_mode: 'HTML' });
    return false;
  }
  if (!(await isGroupAdmin(ctx))) {
    ctx.logger.info({ msg: 'group subscription refused: not a group admin', from_id: ctx.from?.id });
    await ctx.reply(ctx.t('subscribe-admins-only'), { parse_mode: 'HTML' });
    return false;
  }
  return true;
}

groups.command('subscribe', async (ctx) => {
  if (!(await mayManage(ctx))) return;
  const officer = ctx.officer!;
  const names = ctx.match.split(/[;,\n]/).map((s) => s.trim()).filter(Boolean).slice(0, MAX_UNITS);
  const units: Unit[] = [];
  for (const name of names) {
    const unit = await findUnitByName(ctx.services.prisma, name);
    if (!unit) {
      await ctx.reply(ctx.t('subscribe-unit-unknown', { unit: escapeHtml(name) }), { parse_mode: 'HTML' });
      return;
    }
    units.push(unit);
  }
  if (!units.length) units.push(await ctx.services.prisma.unit.findUniqueOrThrow({ where: { id: officer.unitId } }));
  if (!canManageSubscription(officer, officer.scope, true, units.map((u) => u.id))) {
    await ctx.reply(ctx.t('subscribe-unit-outside'), { parse_mode: 'HTML' });
    return;
  }
  const chatId = String(ctx.chat.id);
  await ctx.services.prisma.$transaction(async (tx) => {
    const sub = await tx.chatSubscription.upsert({
      where: { channel_chatId: { channel: 'TELEGRAM', chatId } },
      create: { channel: 'TELEGRAM', chatId, title: ctx.chat.title, createdById: officer.id },
      update: { active: true, title: ctx.chat.title, createdById: officer.id },
    });
    await tx.chatSubscriptionUnit.deleteMany({ where: { subscriptionId: sub.id } });
    await tx.chatSubscriptionUnit.createMany({ data: units.map((u) => ({ subscriptionId: sub.id, unitId: u.id })) });
    await audit(tx, { actor: String(officer.id), action: 'subscription.subscribe', entityType: 'ChatSubscription', entityId: sub.id, data: { unitIds: units.map((u) => u.id) } });
  });
  await ctx.reply(ctx.t('subscribed', { units: units.map((u) => escapeHtml(u.name)).join(', ') }), { parse_mode: 'HTML' });
});

groups.command('unsubscribe', async (ctx) => {
  if (!(await mayManage(ctx))) return;
  const chatId = String(ctx.chat.id);
  const changed = await ctx.services.prisma.$transaction(async (tx) => {
    const result = await tx.chatSubscription.updateMany({ where: { channel: 'TELEGRAM', chatId, active: true }, data: { active: false } });
    if (result.count) await audit(tx, { actor: String(ctx.officer!.id), action: 'subscription.unsubscribe', entityType: 'ChatSubscription', data: { chatId } });
    return result.count;
  });
  await ctx.reply(ctx.t(changed ? 'unsubscribed' : 'not-subscribed'), { parse_mode: 'HTML' });
});

groupsFeature.chatType('private').command(['subscribe', 'unsubscribe'], async (ctx) => {
  await ctx.reply(ctx.t('subscribe-in-group'), { parse_mode: 'HTML' });
});
