// ✅ Xác nhận / ↩️ Trả lại on a result waiting for the monitoring unit. The press is checked
// against the officer the data names and the chat it was sent to, then the core checks that
// officer belongs to the task's monitoring unit (or is an admin); a return asks for the reason.
import { Composer } from 'grammy';
import { confirmationDecision } from '../../../messages/actions.ts';
import { assertMayConfirm } from '../../../tasks/confirmations.ts';
import { PermissionError } from '../../../tasks/actor.ts';
import type { BotContext } from '../context.ts';
import { CONVERSATION_IDS, enterConversation } from '../conversations/index.ts';
import { confirmAndNotify } from '../handlers/confirmations.ts';
import { isOwnCallback, refuseCallback } from '../handlers/refuse.ts';

export const confirmationsFeature = new Composer<BotContext>();

confirmationsFeature.on('callback_query:data', async (ctx, next) => {
  const data = confirmationDecision.unpack(ctx.callbackQuery.data);
  if (!data) return next();
  if (!isOwnCallback(ctx, data.officerId)) return refuseCallback(ctx, 'confirmation button for another officer or chat');
  const officer = ctx.officer!;
  const chatId = ctx.chat!.id;
  const messageId = ctx.callbackQuery.message!.message_id;
  try {
    await assertMayConfirm(ctx.services.prisma, officer.id, data.taskId);
    if (data.decision === 'c') {
      await confirmAndNotify(ctx.services, { api: ctx.api, chatId, messageId }, { officerId: officer.id, taskId: data.taskId });
      return ctx.answerCallbackQuery();
    }
    await ctx.answerCallbackQuery();
    return enterConversation(ctx, CONVERSATION_IDS.returnReason, { officerId: officer.id, taskId: data.taskId, locale: officer.language, chatId, messageId });
  } catch (err) {
    if (err instanceof PermissionError) return refuseCallback(ctx, err.reason);
    throw err;
  }
});
