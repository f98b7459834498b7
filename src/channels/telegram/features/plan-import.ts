// Plans through the chat: an admin or an officer of the monitoring office sends the plan file
// in a private chat, reads the preview and imports it with a button. Everyone else who sends a
// document outside a conversation is told who may. Registered before registeredOnly, so
// strangers get this refusal too.
import { Composer } from 'grammy';
import { planImportAction } from '../../../messages/actions.ts';
import type { BotContext } from '../context.ts';
import { pressPlanImport, receivePlanFile } from '../handlers/plan-import.ts';

export const planImportFeature = new Composer<BotContext>();

planImportFeature.chatType('private').on('message:document', async (ctx, next) => {
  const imports = ctx.services.planImports;
  if (!imports) return next();
  await receivePlanFile(ctx, imports, ctx.message.document);
});

planImportFeature.on('callback_query:data', async (ctx, next) => {
  const data = planImportAction.unpack(ctx.callbackQuery.data);
  const imports = ctx.services.planImports;
  if (!data || !imports) return next();
  await pressPlanImport(ctx, imports, data);
});
