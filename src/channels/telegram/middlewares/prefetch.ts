// What an update will read first, known from the update alone: the task a card's answer button
// names, or the code a typed reply names. The update's claim reads it in the same statement
// (claimUpdate), one round trip fewer on the two commonest updates of the webhook path.
import { taskAction } from '../../../messages/actions.ts';
import { parseReply } from '../../../replies/reply-grammar.ts';
import type { TaskPrefetch } from '../../../tasks/actor.ts';
import type { SeenTask } from '../../../tasks/queries.ts';
import type { BotContext } from '../context.ts';

/** The answers whose handler reads the task first (answerTask without a view). */
const ANSWER_BUTTONS = new Set(['done', 'pv']);

export function prefetchOf(ctx: BotContext): TaskPrefetch | undefined {
  const text = ctx.message?.text;
  if (text !== undefined) {
    if (ctx.chat?.type !== 'private') return undefined;
    const command = parseReply(text);
    return command ? { code: command.code } : undefined;
  }
  const data = ctx.callbackQuery?.data;
  const action = data ? taskAction.unpack(data) : undefined;
  return action && ANSWER_BUTTONS.has(action.action) ? { taskId: action.taskId } : undefined;
}

/** The tasks read with the claim for this code (undefined: not read; read again). */
export function prefetchedByCode(ctx: BotContext, code: string): SeenTask[] | undefined {
  const p = ctx.prefetched;
  return p && 'code' in p.key && p.key.code === code ? p.tasks : undefined;
}

/** The task read with the claim, if it is this one. */
export function prefetchedById(ctx: BotContext, taskId: number): SeenTask | undefined {
  const p = ctx.prefetched;
  return p && 'taskId' in p.key && p.key.taskId === taskId ? p.tasks.find((t) => t.view.id === taskId) : undefined;
}
