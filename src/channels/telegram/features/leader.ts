// Leaders' commands: /overdue (their units' overdue tasks, paged) and /report (counts by unit
// and tracking status for this week or quarter, with a chart drawn by the workers).
import { Composer } from 'grammy';
import { reportPeriod } from '../../../messages/actions.ts';
import { isLeaderOrAdmin } from '../../../access/permissions.ts';
import type { OutgoingMessage } from '../../types.ts';
import type { BotContext } from '../context.ts';
import { listMessage } from '../handlers/lists.ts';
import { editOutgoing, sendOutgoing } from '../handlers/send.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';
import { messageOptions } from '../keyboards/index.ts';

export const leaderFeature = new Composer<BotContext>();
const priv = leaderFeature.chatType('private');

priv.command('overdue', async (ctx) => {
  if (!isLeaderOrAdmin(ctx.officer!)) {
    await ctx.reply(ctx.t('leaders-only'), { parse_mode: 'HTML' });
    return;
  }
  const message = await listMessage(ctx.services, ctx.officer!, 'overdue', 0);
  await ctx.reply(message.html, messageOptions(message));
});

/**
 * The report's parts: with workers, the text alone and its chart queued as a report-chart job
 * (drawn off the bot, sent below the text); without them, the chart drawn here and sent first.
 */
async function reportMessages(ctx: BotContext, period: 'week' | 'quarter'): Promise<OutgoingMessage[]> {
  const officer = ctx.officer!;
  const byJob = Boolean(ctx.services.requestReportChart);
  const parts = await ctx.services.composer.leaderReport(officer.id, ctx.services.now(), period, { chart: !byJob });
  const other = period === 'week' ? 'q' : 'w';
  const last = parts.at(-1);
  if (last) last.buttons = [[{ text: ctx.t(other === 'q' ? 'btn-report-quarter' : 'btn-report-week'), data: reportPeriod.pack({ period: other, officerId: officer.id }) }]];
  return parts;
}

/** After the text went: the chart as a job, keyed by this update so a redelivered update adds nothing. */
async function queueChart(ctx: BotContext, period: 'week' | 'quarter'): Promise<void> {
  if (!ctx.services.requestReportChart) return;
  await ctx.services.requestReportChart({ officerId: ctx.officer!.id, channel: 'TELEGRAM', chatId: String(ctx.chat!.id), period, requestId: String(ctx.update.update_id) });
}

priv.command('report', async (ctx) => {
  if (!isLeaderOrAdmin(ctx.officer!)) {
    await ctx.reply(ctx.t('leaders-only'), { parse_mode: 'HTML' });
    return;
  }
  const period = /^(q|quy|quý|quarter)/i.test(ctx.match.trim()) ? 'quarter' : 'week';
  const parts = await reportMessages(ctx, period);
  await sendReport(ctx, parts);
  if (parts.length) await queueChart(ctx, period);
});

/** The chart, then the text: a chart the platform refuses (or cannot take) does not hold back the text. */
async function sendReport(ctx: BotContext, parts: OutgoingMessage[]): Promise<void> {
  for (const part of parts) {
    try {
      await sendOutgoing(ctx.api, ctx.chat!.id, [part]);
    } catch (err) {
      if (!part.photo) throw err;
      ctx.logger.warn({ err, msg: 'report chart not sent; the text follows' });
    }
  }
}

leaderFeature.on('callback_query:data', async (ctx, next) => {
  const data = reportPeriod.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId) || !isLeaderOrAdmin(ctx.officer!)) return refuseCallback(ctx, 'report for another officer');
  const period = data.period === 'q' ? 'quarter' : 'week';
  const parts = await reportMessages(ctx, period);
  // The text is edited in place; the other period's chart comes as a new photo below it.
  const [first, ...rest] = parts.filter((p) => !p.photo);
  if (first) await editOutgoing(ctx.api, ctx.chat!.id, ctx.callbackQuery.message!.message_id, first);
  const more = [...rest, ...parts.filter((p) => p.photo)];
  if (more.length) await sendReport(ctx, more);
  if (parts.length) await queueChart(ctx, period);
  await ctx.answerCallbackQuery();
});
