// Passing a task down on Zalo: the text command "giao 1.2 Phòng Nội vụ 20/12 ghi chú" (also
// "assign"), and ↘️ Giao tiếp as a numbered choice on a leader's card, then the targets as
// numbered choices. The same use cases as on Telegram; the new holder's card is a notice the use
// case wrote, sent by delivery to the chat its reader is reminded on, on whichever platform.
import type { BotServices } from '../telegram/context.ts';
import type { passDownAction } from '../../messages/actions.ts';
import { escapeHtml } from '../../messages/html.ts';
import type { TranslateFn } from '../../messages/i18n.ts';
import { passDownOptions, passDownTask, type PassDownTargetInput } from '../../tasks/pass-down.ts';
import { resolvePassDown } from '../../tasks/pass-down-command.ts';
import { parsePassDownArgs } from '../../replies/pass-down-grammar.ts';
import { passDownMenu } from '../../messages/pass-down-menu.ts';
import { PermissionError, type LoadedActor } from '../../tasks/actor.ts';
import { formatDmy } from '../../status/tracking-status.ts';
import type { IsoDate } from '../../deadlines/types.ts';
import type { OutgoingMessage } from '../types.ts';

export interface ZaloPassDownDeps {
  services: BotServices;
  send: (chatId: string, messages: OutgoingMessage[]) => Promise<void>;
  showCard: (officer: LoadedActor, chatId: string, taskId: number, footer?: string) => Promise<void>;
}

export function createZaloPassDown({ services, send, showCard }: ZaloPassDownDeps) {
  const reply = (chatId: string, html: string) => send(chatId, [{ html }]);

  async function give(officer: LoadedActor, chatId: string, t: TranslateFn, input: { taskId: number; target: PassDownTargetInput; internalDue?: IsoDate; note?: string }) {
    const now = services.now();
    let result;
    try {
      result = await passDownTask(services.prisma, { officerId: officer.id, ...input, now, today: services.calendar.dateOf(now) });
    } catch (err) {
      if (err instanceof PermissionError) return reply(chatId, t('pass-down-not-allowed'));
      throw err;
    }
    if (result.outcome === 'closed') return reply(chatId, t('pass-down-closed'));
    if (result.outcome === 'refused') return reply(chatId, t(result.refusal, { due: result.taskDue ? formatDmy(result.taskDue) : '' }));
    await services.requestPlanning?.({ taskIds: [result.taskId] });
    const to = escapeHtml(result.toName);
    await showCard(officer, chatId, result.taskId, result.internalDue ? t('pass-down-given-due', { to, due: formatDmy(result.internalDue) }) : t('pass-down-given', { to }));
    await services.sendNotices(result.noticeIds);
  }

  /** "giao <code> <target> [dd/mm] [ghi chú]". */
  async function command(officer: LoadedActor, chatId: string, args: string, t: TranslateFn) {
    const parsed = parsePassDownArgs(args);
    if (!parsed) return reply(chatId, t('pass-down-usage'));
    const resolved = await resolvePassDown(services, officer, parsed, services.calendar.dateOf(services.now()));
    if (!resolved.ok) return reply(chatId, t(resolved.key, resolved.vars ?? {}));
    const { ok: _ok, ...input } = resolved;
    return give(officer, chatId, t, input);
  }

  /** A numbered choice: ↘️ Giao tiếp (the list of targets), or one target. */
  async function choice(officer: LoadedActor, chatId: string, data: NonNullable<ReturnType<typeof passDownAction.unpack>>, t: TranslateFn) {
    if (data.step === 'm') {
      let options;
      try {
        options = await passDownOptions(services.prisma, officer.id, data.taskId);
      } catch (err) {
        if (err instanceof PermissionError) return reply(chatId, t('pass-down-not-allowed'));
        throw err;
      }
      const task = await services.prisma.task.findUniqueOrThrow({ where: { id: data.taskId }, select: { code: true } });
      return send(chatId, [passDownMenu(t, { code: task.code, taskId: data.taskId, officerId: officer.id, options })]);
    }
    return give(officer, chatId, t, { taskId: data.taskId, target: data.step === 'u' ? { unitId: data.targetId } : { officerId: data.targetId } });
  }

  return { command, choice };
}
