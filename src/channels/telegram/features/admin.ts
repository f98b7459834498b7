// Admins' commands in the chat, as in the CLI: /units (the unit directory with officers,
// linked chats and tasks), /officers [unit] (who is registered and who has linked a chat),
// /invite <officer id> (a fresh invite; older unused codes stop working).
import { Composer } from 'grammy';
import { escapeHtml } from '../../../messages/html.ts';
import { inviteLink } from '../../../tasks/invites.ts';
import { listOfficers, OfficerError, reinviteOfficer } from '../../../tasks/officers.ts';
import { findUnit, listUnits, unitSuggestions } from '../../../tasks/units.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import type { BotContext } from '../context.ts';
import { sendOutgoing } from '../handlers/send.ts';

export const adminFeature = new Composer<BotContext>();
const priv = adminFeature.chatType('private');

/** Lists are split by the composer (4,096 characters a message). */
async function replyList(ctx: BotContext, lines: string[]): Promise<void> {
  await sendOutgoing(ctx.api, ctx.chat!.id, ctx.services.composer.split(lines.join('\n')));
}

function adminOnly(ctx: BotContext): boolean {
  return ctx.officer?.role === 'ADMIN';
}

priv.command('units', async (ctx) => {
  if (!adminOnly(ctx)) return void (await ctx.reply(ctx.t('admins-only'), { parse_mode: 'HTML' }));
  const units = await listUnits(ctx.services.prisma);
  if (!units.length) return void (await ctx.reply(ctx.t('units-empty'), { parse_mode: 'HTML' }));
  await replyList(ctx, [
    ctx.t('units-title', { count: units.length }),
    ...units.map((u) => ctx.t('units-line', { name: escapeHtml(u.name), officers: u.officers, linked: u.linked, tasks: u.tasks })),
  ]);
});

priv.command('officers', async (ctx) => {
  if (!adminOnly(ctx)) return void (await ctx.reply(ctx.t('admins-only'), { parse_mode: 'HTML' }));
  const typed = ctx.match.trim();
  const unit = typed ? await findUnit(ctx.services.prisma, typed) : undefined;
  if (typed && !unit) {
    const suggestions = await unitSuggestions(ctx.services.prisma, typed);
    return void (await ctx.reply(ctx.t('unit-not-found', { name: escapeHtml(typed), suggestions: suggestions.map(escapeHtml).join(', ') || '–' }), { parse_mode: 'HTML' }));
  }
  const officers = await listOfficers(ctx.services.prisma, { now: ctx.services.now(), ...(unit ? { unitId: unit.id } : {}) });
  if (!officers.length) return void (await ctx.reply(ctx.t('officers-empty'), { parse_mode: 'HTML' }));
  await replyList(ctx, [
    ctx.t('officers-title', { count: officers.length }),
    ...officers.map((o) => ctx.t('officers-line', {
      id: String(o.id),
      name: escapeHtml(o.name),
      unit: escapeHtml(o.unit),
      role: ctx.t(`officer-role-${o.role}`),
      state: ctx.t(o.linked ? 'officer-linked' : o.invitePending ? 'officer-invite-pending' : 'officer-not-linked'),
    })),
  ]);
});

priv.command('invite', async (ctx) => {
  if (!adminOnly(ctx)) return void (await ctx.reply(ctx.t('admins-only'), { parse_mode: 'HTML' }));
  const id = Number(ctx.match.trim());
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) return void (await ctx.reply(ctx.t('invite-usage'), { parse_mode: 'HTML' }));
  try {
    const made = await reinviteOfficer(ctx.services.prisma, id, { now: ctx.services.now(), actor: String(ctx.officer!.id) });
    await ctx.reply(ctx.t('invite-made', {
      name: escapeHtml(made.name),
      unit: escapeHtml(made.unitName),
      link: inviteLink(ctx.me.username, made.inviteCode),
      code: made.inviteCode,
      expires: formatDmy(ctx.services.calendar.dateOf(made.expiresAt)),
    }), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  } catch (err) {
    if (err instanceof OfficerError) return void (await ctx.reply(ctx.t(err.code === 'not-found' ? 'invite-not-found' : 'invite-inactive', { id: String(id) }), { parse_mode: 'HTML' }));
    throw err;
  }
});
