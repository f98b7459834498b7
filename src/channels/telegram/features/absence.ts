// /absent <from> <to> [delegate id]: an officer records their own absence (nghỉ phép, công tác);
// a leader or admin may record one for an officer of their units with /absent #<id> <from> <to>
// [delegate id]. Reminders of those days go to the delegate or to the unit's colleagues.
import { Composer } from 'grammy';
import { AbsenceError, recordAbsence } from '../../../tasks/absences.ts';
import { escapeHtml } from '../../../messages/html.ts';
import { inScope } from '../../../access/permissions.ts';
import { formatDmy } from '../../../status/tracking-status.ts';
import { parseUserDate } from '../../../replies/user-date.ts';
import type { BotContext } from '../context.ts';

export const absenceFeature = new Composer<BotContext>();

absenceFeature.chatType('private').command('absent', async (ctx) => {
  const actor = ctx.officer!;
  const words = ctx.match.trim().split(/\s+/).filter(Boolean);
  const forOther = words[0]?.startsWith('#') ? Number(words.shift()!.slice(1)) : undefined;
  const today = ctx.services.calendar.dateOf(ctx.services.now());
  const from = words[0] ? parseUserDate(words[0], today) : undefined;
  const to = words[1] ? parseUserDate(words[1], today) : undefined;
  const delegateId = words[2] ? Number(words[2].replace(/^#/, '')) : undefined;
  const validId = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);
  if (!from || !to || !validId(forOther) || !validId(delegateId)) {
    await ctx.reply(ctx.t('absent-usage'), { parse_mode: 'HTML' });
    return;
  }
  let officerId = actor.id;
  if (forOther !== undefined && forOther !== actor.id) {
    // Someone else's absence: a leader of their unit, or an admin.
    const other = await ctx.services.prisma.officer.findUnique({ where: { id: forOther } });
    if (!other || actor.role === 'OFFICER' || !inScope(actor.scope, other.unitId)) {
      await ctx.reply(ctx.t('absent-not-allowed'), { parse_mode: 'HTML' });
      return;
    }
    officerId = other.id;
  }
  try {
    const result = await recordAbsence(ctx.services.prisma, { officerId, from, to, ...(delegateId !== undefined ? { delegateId } : {}), createdBy: String(actor.id), now: ctx.services.now() });
    if (result.unitTaskIds.length) await ctx.services.requestPlanning?.({ taskIds: result.unitTaskIds });
    await ctx.reply(ctx.t(result.delegate ? 'absent-recorded-delegate' : 'absent-recorded', {
      name: escapeHtml(result.officer.name),
      from: formatDmy(result.from),
      to: formatDmy(result.to),
      delegate: escapeHtml(result.delegate?.name ?? ''),
    }), { parse_mode: 'HTML' });
  } catch (err) {
    if (err instanceof AbsenceError) {
      await ctx.reply(ctx.t(err.code === 'dates-reversed' ? 'absent-dates-reversed' : err.code === 'delegate-self' ? 'absent-delegate-self' : 'absent-delegate-unknown'), { parse_mode: 'HTML' });
      return;
    }
    throw err;
  }
});
