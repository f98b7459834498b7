// The task card: what an officer sees for one task in /status, after an answer, on a
// list's card button. The answer buttons come with it when the task is open; the
// monitoring unit's officers get ✅ / ↩️ first while a result waits for confirmation.
import type { OutgoingMessage } from '../channels/types.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { canAnswerTask, canDemandExplanation, canSeeTask } from '../access/permissions.ts';
import { taskInScope, toTaskView, type TaskWithView } from '../tasks/queries.ts';
import { confirmationButtons, explanationButtons, taskButtons, taskCardHtml } from './render.ts';
import { isoOfDbDate } from '../status/tracking-status.ts';
import { canConfirmTask } from '../tasks/confirmations.ts';
import { loadActor, type LoadedActor } from '../tasks/actor.ts';
import type { MessageContext } from './context.ts';

export interface TaskCardOptions {
  buttons?: boolean;
  header?: string;
  footer?: string;
  actor?: LoadedActor;
  /** The task's view as just read or written (saves the read). */
  view?: TaskWithView;
}

/** The explanation buttons this viewer gets on this task's card. */
export function explanationExtras(actor: LoadedActor, task: TaskWithView, today: IsoDate) {
  const view = { status: task.status, ...(task.due ? { due: isoOfDbDate(task.due) } : {}), ...(task.explanation ? { explanation: { ...(task.explanation.answer ? { answer: task.explanation.answer } : {}) } } : {}) };
  return explanationButtons(view, today, { demand: canDemandExplanation(actor, task.units), answer: canAnswerTask(actor, actor.scope, task.units), isRequester: task.explanation?.requesterId === actor.id });
}

/** A task card for one officer, with or without the answer buttons; undefined when they may not see it. */
export async function taskCard(ctx: MessageContext, officerId: number, taskId: number, now: Date, options: TaskCardOptions = {}): Promise<OutgoingMessage | undefined> {
  const actor = options.actor?.id === officerId ? options.actor : await loadActor(ctx.prisma, officerId);
  if (!actor?.active) return undefined;
  const known = options.view?.id === taskId ? options.view : undefined;
  const task = known ? (canSeeTask(actor, actor.scope, known.units) ? known : undefined) : await taskInScope(ctx.prisma, actor.scope, taskId);
  if (!task) return undefined;
  const e = ctx.env(actor.language, now);
  const body = taskCardHtml(e, toTaskView(task, actor.scope, actor.unitId, ctx.dateOf), options.header ? { header: options.header } : {});
  const html = options.footer ? `${body}\n\n${options.footer}` : body;
  const open = task.status !== 'DONE' && task.status !== 'CANCELLED';
  const confirmRow = task.confirmationPendingAt && canConfirmTask(actor, task.units) ? confirmationButtons(e.t, task.id, actor.id) : [];
  return { html, ...(options.buttons && open ? { buttons: [...confirmRow, ...taskButtons(e.t, task.id, actor.id, explanationExtras(actor, task, e.today))] } : {}) };
}
