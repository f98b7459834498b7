// Paged task lists (/tasks, /overdue) as one message with page and card buttons.
import type { MessageButton, OutgoingMessage } from '../../types.ts';
import { listPage, taskAction } from '../../../messages/actions.ts';
import { openTasks, overdueTasks, toTaskView } from '../../../tasks/queries.ts';
import { displayCode, LIST_PAGE_SIZE, taskLine, type RenderEnv } from '../../../messages/render.ts';
import { appendixOfPath } from '../../../status/task-view.ts';
import type { LoadedActor } from '../../../tasks/actor.ts';
import { translator } from '../../../messages/i18n.ts';
import type { BotServices } from '../context.ts';

export async function listMessage(services: BotServices, actor: LoadedActor, list: 'tasks' | 'overdue', requestedPage: number): Promise<OutgoingMessage> {
  const now = services.now();
  const env: RenderEnv = { t: translator(services.i18n, actor.language), calendar: services.calendar, today: services.calendar.dateOf(now) };
  const { t } = env;
  const window = { skip: Math.max(0, requestedPage) * LIST_PAGE_SIZE, take: LIST_PAGE_SIZE };
  const { total, skip, tasks } = list === 'tasks' ? await openTasks(services.sql, actor.scope, window) : await overdueTasks(services.sql, actor.scope, env.today, window);
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = skip / LIST_PAGE_SIZE;
  if (total === 0) return { html: t(list === 'tasks' ? 'tasks-empty' : 'overdue-empty') };

  const withUnits = list === 'overdue' || actor.role !== 'OFFICER';
  const lines = [
    t(list === 'tasks' ? 'tasks-title' : 'overdue-title', { count: String(total) }),
    '',
    ...tasks.map((task) => taskLine(env, toTaskView(task, actor.scope, actor.unitId, (d) => services.calendar.dateOf(d)), { withUnits })),
  ];
  if (pages > 1) lines.push('', t('list-page', { page: String(page + 1), pages: String(pages) }));

  const cardButtons: MessageButton[] = tasks.map((task) => ({ text: displayCode({ code: task.code, ...(appendixOfPath(task.path) ? { appendix: appendixOfPath(task.path)! } : {}) }).slice(0, 24), data: taskAction.pack({ action: 'card', taskId: task.id, officerId: actor.id, value: 0 }) }));
  const rows: MessageButton[][] = [];
  for (let i = 0; i < cardButtons.length; i += 5) rows.push(cardButtons.slice(i, i + 5));
  const nav: MessageButton[] = [];
  if (page > 0) nav.push({ text: t('btn-prev'), data: listPage.pack({ list, page: page - 1, officerId: actor.id }) });
  if (page < pages - 1) nav.push({ text: t('btn-next'), data: listPage.pack({ list, page: page + 1, officerId: actor.id }) });
  if (nav.length) rows.push(nav);
  return { html: lines.join('\n'), buttons: rows };
}
