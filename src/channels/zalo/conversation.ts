// The Zalo adapter's side of a conversation: Zalo has no buttons, no editing and no
// formatting, so everything is a short text reply. An incoming message is claimed once
// (Zalo delivers at least once), then: an invite code links the chat; a number picks one
// of the choices last shown in the chat; "xong 1.2", "1.2 50%", "gia hạn 1.2 20/12" ... go
// through the same reply grammar and use cases as on Telegram; /tasks, /status, /help;
// "nhắc qua zalo" / "nhắc qua telegram" chooses where reminders go; a leader's "đăng ký báo
// cáo tuần" brings the weekly summary to their own chat.
import type { OutgoingMessage } from '../types.ts';
import { confirmationDecision, extensionDecision, listPage, passDownAction, SNOOZE_PICK_DAY, taskAction, type TaskAction } from '../../messages/actions.ts';
import { addEvidence, decideExtension, recordAnswer, requestExtension, snoozeTask, TaskNotFoundError, type AnswerKind } from '../../tasks/answers.ts';
import { escapeHtml } from '../../messages/html.ts';
import { translator, type TranslateFn } from '../../messages/i18n.ts';
import { redeemInvite } from '../../tasks/invites.ts';
import { leadingCode, taskViewsByCode, type SeenTask } from '../../tasks/queries.ts';
import { choiceLabel, formatWhen, progressButtons, snoozeButtons } from '../../messages/render.ts';
import { parseReply, type ReplyCommand } from '../../replies/reply-grammar.ts';
import { claimUpdate, PermissionError, releaseUpdate, type LoadedActor } from '../../tasks/actor.ts';
import { answerExplanation, requestExplanation } from '../../tasks/explanations.ts';
import { assertMayConfirm, confirmTask, returnTask } from '../../tasks/confirmations.ts';
import { reminderChannelNameKey, setReminderChannel } from '../../tasks/reminder-channel.ts';
import { parseReminderChannelCommand, parseSummaryCommand, type ReminderPlatform, type SummaryCommand } from '../../replies/settings-commands.ts';
import type { IsoDate } from '../../deadlines/types.ts';
import { afterWorkingDays, nextWorkingMorning, snoozeUntil } from '../../replies/snooze-time.ts';
import { statusSummaryHtml } from '../../messages/status-summary.ts';
import { formatDmy } from '../../status/tracking-status.ts';
import { parseFutureDate } from '../../replies/user-date.ts';
import { listMessage } from '../telegram/handlers/lists.ts';
import type { BotServices } from '../telegram/context.ts';
import { isLeaderOrAdmin } from '../../access/permissions.ts';
import type { Logger } from '../../logger.ts';
import type { ChoiceStore } from './choices.ts';
import { zaloUpdateKey, type ZaloIncoming } from './updates.ts';
import { createZaloPassDown } from './pass-down.ts';
import { setZaloSummary } from './summary-subscription.ts';

export interface ZaloConversationDeps {
  services: BotServices;
  choices: ChoiceStore;
  /** Sends messages to a Zalo chat (rendered as text with numbered choices, within the send budget). */
  send: (chatId: string, messages: OutgoingMessage[]) => Promise<void>;
  logger: Logger;
}

/** An invite code sent alone, or after /start. */
const INVITE = /^(?:\/start\s+)?([A-Za-z0-9_-]{22})$/;
const CHOICE = /^\d{1,2}$/;
/** Longest text the adapter reads; a longer message is answered with the "not understood" hint. */
const MAX_TEXT = 4_000;

export function createZaloConversation(deps: ZaloConversationDeps) {
  const { services, choices, send, logger } = deps;

  // What an action tells others was written as notices with it: services.sendNotices hands them to delivery.
  const passDown = createZaloPassDown({ services, send, showCard: (officer, chatId, taskId, footer) => showCard(officer, chatId, taskId, footer) });

  async function handle(update: ZaloIncoming): Promise<void> {
    if (update.fromBot) return;
    const log = logger.child({ channel: 'ZALO', zalo_message: update.messageId });
    const key = zaloUpdateKey(update.messageId);
    const { claimed, actor } = await claimUpdate(services.sql, 'ZALO', key, update.isGroup ? undefined : update.chatId, { now: services.now() });
    if (!claimed) {
      log.info({ msg: 'duplicate update skipped' });
      return;
    }
    try {
      await route(update, actor?.active ? actor : undefined, log);
    } catch (err) {
      // Let a redelivery try again: the claim goes with the failure.
      await releaseUpdate(services.sql, 'ZALO', key).catch(() => undefined);
      throw err;
    }
  }

  async function route(update: ZaloIncoming, officer: LoadedActor | undefined, log: Logger): Promise<void> {
    const chatId = update.chatId;
    const t = translator(services.i18n, officer?.language ?? 'vi');
    const reply = (html: string, buttons?: OutgoingMessage['buttons']) => send(chatId, [{ html, ...(buttons ? { buttons } : {}) }]);
    if (update.isGroup) return reply(t('zalo-groups-unsupported'));

    const text = (update.text ?? '').trim();
    const invite = INVITE.exec(text);
    if (invite) return link(chatId, invite[1]!, update.name, log);
    if (!officer) return reply(t('zalo-unregistered'));
    if (update.photoUrl) return attachPhoto(officer, chatId, update.photoUrl, t);
    if (!text || text.length > MAX_TEXT) return reply(t('zalo-not-understood'));

    const command = /^\/?([a-z]+)(?:\s+(.*))?$/i.exec(text);
    switch (command?.[1]?.toLowerCase()) {
      case 'start':
        return reply(t('start-welcome-back', { name: escapeHtml(officer.name) }));
      case 'help':
      case 'hd':
        return reply(t('zalo-help'));
      case 'tasks':
      case 'viec': {
        const message = await listMessage(services, officer, 'tasks', 0);
        return send(chatId, [message]);
      }
      case 'overdue':
        return send(chatId, [await listMessage(services, officer, 'overdue', 0)]);
      case 'status':
        return showStatus(officer, chatId, leadingCode(command[2] ?? ''), t);
      case 'giao':
      case 'assign':
        return passDown.command(officer, chatId, command[2] ?? '', t);
      case 'report':
      case 'baocao':
        return showReport(officer, chatId, command[2] ?? '', String(zaloUpdateKey(update.messageId)), t);
    }
    const summary = parseSummaryCommand(text);
    if (summary) return subscribeSummary(officer, chatId, summary, t);
    const reminderChannel = parseReminderChannelCommand(text);
    if (reminderChannel !== undefined) return chooseReminderChannel(officer, chatId, reminderChannel, t);
    if (CHOICE.test(text)) return pickChoice(officer, chatId, Number(text), t);
    const parsed = parseReply(text);
    if (parsed) return answerText(officer, chatId, parsed, t);
    return reply(t('zalo-not-understood'));
  }

  async function link(chatId: string, code: string, name: string | undefined, log: Logger) {
    const result = await redeemInvite(services.prisma, { code, channel: 'ZALO', externalId: chatId, ...(name ? { username: name.slice(0, 100) } : {}), now: services.now() });
    if (result.outcome !== 'linked') {
      log.info({ msg: 'invite code refused', outcome: result.outcome });
      return send(chatId, [{ html: translator(services.i18n, 'vi')(`start-code-${result.outcome}`) }]);
    }
    log.info({ msg: 'chat linked', officer_id: result.officerId });
    const t = translator(services.i18n, result.language);
    return send(chatId, [{ html: `${t('start-linked', { name: escapeHtml(result.officerName) })}\n\n${t('zalo-help')}` }]);
  }

  /** /report for leaders: the chart (a photo by URL where a public URL is set), then the counts. */
  async function showReport(officer: LoadedActor, chatId: string, arg: string, messageId: string, t: TranslateFn) {
    if (!isLeaderOrAdmin(officer)) return send(chatId, [{ html: t('leaders-only') }]);
    const period = /^(q|quy|quý|quarter)$/i.test(arg.trim()) ? 'quarter' : 'week';
    // With workers, the text now and the chart drawn by a report-chart job; without, both here.
    const byJob = Boolean(services.requestReportChart);
    const parts = await services.composer.leaderReport(officer.id, services.now(), period, { chart: !byJob });
    await send(chatId, parts);
    if (byJob && parts.length) await services.requestReportChart!({ officerId: officer.id, channel: 'ZALO', chatId, period, requestId: messageId });
  }

  /** "đăng ký báo cáo tuần": a leader's own chat gets the weekly summary of their unit (no groups on Zalo). */
  async function subscribeSummary(officer: LoadedActor, chatId: string, command: SummaryCommand, t: TranslateFn) {
    const result = await setZaloSummary(services.prisma, officer, chatId, command);
    return send(chatId, [{ html: result.outcome === 'subscribed' ? t('zalo-summary-subscribed', { unit: escapeHtml(result.unitName) }) : t(`zalo-summary-${result.outcome}`) }]);
  }

  /** "nhắc qua zalo" / "nhắc qua telegram": where reminders go for an officer linked on both. */
  async function chooseReminderChannel(officer: LoadedActor, chatId: string, channel: ReminderPlatform | null, t: TranslateFn) {
    const result = await setReminderChannel(services.prisma, { officerId: officer.id, channel });
    const name = t(reminderChannelNameKey(channel));
    return send(chatId, [{ html: t(result.outcome === 'set' ? 'reminder-channel-set' : 'reminder-channel-not-linked', { channel: name }) }]);
  }

  async function showStatus(officer: LoadedActor, chatId: string, code: string, t: TranslateFn) {
    const now = services.now();
    if (!code) return send(chatId, [{ html: await statusSummaryHtml(services, officer, now) }]);
    const seen = await resolveTask(officer, chatId, code, true, t);
    if (!seen) return;
    return showCard(officer, chatId, seen.view.id);
  }

  async function showCard(officer: LoadedActor, chatId: string, taskId: number, footer?: string) {
    const card = await services.composer.taskCard(officer.id, taskId, services.now(), { buttons: !footer, actor: officer, ...(footer ? { footer } : {}) });
    if (card) await send(chatId, [card]);
  }

  /** The one task the code names in the officer's scope; undefined after saying why not. */
  async function resolveTask(officer: LoadedActor, chatId: string, code: string, includeDone: boolean, t: TranslateFn): Promise<SeenTask | undefined> {
    const matches = (await taskViewsByCode(services.sql, officer.scope, code)).filter((m) => includeDone || m.view.status !== 'DONE');
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) {
      await send(chatId, [{ html: t('task-not-found', { code: escapeHtml(code) }) }]);
      return undefined;
    }
    const buttons = matches.map(({ view: m }) => [{ text: choiceLabel(m), data: taskAction.pack({ action: 'card', taskId: m.id, officerId: officer.id, value: 0 }) }]);
    await send(chatId, [{ html: t('task-ambiguous', { code: escapeHtml(code) }), buttons }]);
    return undefined;
  }

  async function answer(officer: LoadedActor, chatId: string, taskId: number, kind: AnswerKind, t: TranslateFn, extra: { progress?: number; note?: string; seen?: SeenTask } = {}) {
    const now = services.now();
    const effective: AnswerKind = kind === 'IN_PROGRESS' && extra.progress === 100 ? 'DONE' : kind;
    const result = await recordAnswer(services.sql, { officerId: officer.id, taskId, kind: effective, now, actor: officer, ...extra });
    if (result.outcome === 'already-done') return showCard(officer, chatId, taskId, t('answer-already-done'));
    const when = formatWhen(services.calendar, now);
    const waiting = effective === 'DONE' && result.task.confirmationPendingAt !== null;
    const footer =
      waiting ? `${t('confirmation-waiting', { when })}\n${t('zalo-evidence-hint')}`
      : effective === 'DONE' ? `${t('recorded-done', { when })}\n${t('zalo-evidence-hint')}`
      : effective === 'BLOCKED' ? t('recorded-blocked', { when, reason: escapeHtml(extra.note ?? '') || t('no-reason') })
      : result.task.progress > 0 ? t('recorded-progress', { when, progress: String(result.task.progress) })
      : t('recorded-in-progress', { when });
    await showCard(officer, chatId, taskId, footer);
    // The monitoring unit gets a "done" that waits (✅ / ↩️ as numbered choices on Zalo); givers up the chain hear it.
    if (result.noticeIds.length) await services.sendNotices(result.noticeIds);
  }

  async function confirmResult(officer: LoadedActor, chatId: string, taskId: number, t: TranslateFn) {
    await assertMayConfirm(services.prisma, officer.id, taskId);
    const result = await confirmTask(services.prisma, { officerId: officer.id, taskId, now: services.now() });
    if (result.outcome !== 'confirmed') return send(chatId, [{ html: t('confirmation-not-waiting') }]);
    await showCard(officer, chatId, taskId, t('confirmation-confirmed', { date: formatDmy(services.calendar.dateOf(result.completedAt)) }));
    await services.sendNotices(result.noticeIds);
  }

  async function returnResult(officer: LoadedActor, chatId: string, taskId: number, reason: string | undefined, t: TranslateFn) {
    await assertMayConfirm(services.prisma, officer.id, taskId);
    if (!reason) {
      const code = (await services.prisma.task.findUnique({ where: { id: taskId }, select: { code: true } }))?.code ?? '';
      return send(chatId, [{ html: t('zalo-hint-return', { code: escapeHtml(code) }) }]);
    }
    const result = await returnTask(services.prisma, { officerId: officer.id, taskId, reason, now: services.now() });
    if (result.outcome !== 'returned') return send(chatId, [{ html: t('confirmation-not-waiting') }]);
    await services.requestPlanning?.({ taskIds: [taskId] });
    const shown = escapeHtml(result.reason);
    await showCard(officer, chatId, taskId, t('confirmation-returned', { reason: shown }));
    await services.sendNotices(result.noticeIds);
  }

  async function snooze(officer: LoadedActor, chatId: string, taskId: number, until: Date, t: TranslateFn) {
    const result = await snoozeTask(services.prisma, { officerId: officer.id, taskId, until, now: services.now() });
    if (result.outcome === 'snoozed') await services.requestPlanning?.({ taskIds: [taskId] });
    const footer = result.outcome === 'already-done' ? t('answer-already-done') : t('recorded-snoozed', { when: formatWhen(services.calendar, until) });
    return showCard(officer, chatId, taskId, footer);
  }

  async function extend(officer: LoadedActor, chatId: string, taskId: number, dateText: string, reason: string | undefined, t: TranslateFn) {
    const now = services.now();
    const proposed = parseFutureDate(dateText, services.calendar.dateOf(now));
    if ('refusal' in proposed) return send(chatId, [{ html: t(proposed.refusal) }]);
    const result = await requestExtension(services.prisma, { officerId: officer.id, taskId, proposedDue: proposed.date, ...(reason ? { reason } : {}), now });
    if (result.outcome === 'already-done') return showCard(officer, chatId, taskId, t('answer-already-done'));
    if (result.outcome === 'not-later') return send(chatId, [{ html: t('extension-not-later', { date: formatDmy(result.currentDue) }) }]);
    await showCard(officer, chatId, taskId, t('recorded-extension', { date: formatDmy(result.proposedDue) }));
    await services.sendNotices(result.noticeIds);
  }

  async function answerText(officer: LoadedActor, chatId: string, command: ReplyCommand, t: TranslateFn) {
    const seen = await resolveTask(officer, chatId, command.code, command.kind === 'done', t);
    if (!seen) return;
    const taskId = seen.view.id;
    const code = seen.view.code;
    try {
      switch (command.kind) {
        case 'done':
          return await answer(officer, chatId, taskId, 'DONE', t, { seen, ...(command.note ? { note: command.note } : {}) });
        case 'in-progress':
          return await answer(officer, chatId, taskId, 'IN_PROGRESS', t, { seen, ...(command.note ? { note: command.note } : {}) });
        case 'progress':
          return await answer(officer, chatId, taskId, 'IN_PROGRESS', t, { seen, progress: command.progress, ...(command.note ? { note: command.note } : {}) });
        case 'blocked':
          if (!command.reason) return await send(chatId, [{ html: t('zalo-hint-blocked', { code: escapeHtml(code) }) }]);
          return await answer(officer, chatId, taskId, 'BLOCKED', t, { seen, note: command.reason });
        case 'extend':
          if (!command.dateText) return await send(chatId, [{ html: t('zalo-hint-extend', { code: escapeHtml(code) }) }]);
          return await extend(officer, chatId, taskId, command.dateText, command.reason, t);
        case 'explain-ask': {
          let dueOn: IsoDate | undefined;
          if (command.dateText) {
            const due = parseFutureDate(command.dateText, services.calendar.dateOf(services.now()));
            if ('refusal' in due) return await send(chatId, [{ html: t(due.refusal) }]);
            dueOn = due.date;
          }
          return await demand(officer, chatId, taskId, t, dueOn);
        }
        case 'explain':
          if (!command.text) return await send(chatId, [{ html: t('zalo-hint-explain', { code: escapeHtml(code) }) }]);
          return await explain(officer, chatId, taskId, command.text, t);
        case 'confirm':
          return await confirmResult(officer, chatId, taskId, t);
        case 'return':
          return await returnResult(officer, chatId, taskId, command.reason, t);
        case 'snooze': {
          const when = snoozeUntil(services.calendar, services.now(), officer.snoozeHours, command.dateText);
          if ('refusal' in when) return await send(chatId, [{ html: t(when.refusal) }]);
          return await snooze(officer, chatId, taskId, when.until, t);
        }
      }
    } catch (err) {
      if (err instanceof PermissionError) return send(chatId, [{ html: t(command.kind === 'explain-ask' ? 'explanation-not-allowed' : command.kind === 'confirm' || command.kind === 'return' ? 'confirmation-not-allowed' : 'task-not-yours') }]);
      throw err;
    }
  }

  async function demand(officer: LoadedActor, chatId: string, taskId: number, t: TranslateFn, dueOn?: IsoDate) {
    const now = services.now();
    const result = await requestExplanation(services.prisma, services.calendar, { officerId: officer.id, taskId, now, ...(dueOn ? { dueOn } : {}) });
    if (result.outcome !== 'requested') {
      return send(chatId, [{ html: result.outcome === 'already-requested' ? t('explanation-already-requested', { due: formatDmy(result.dueOn) }) : t(`explanation-${result.outcome}`) }]);
    }
    await services.requestPlanning?.({ taskIds: [taskId] });
    await send(chatId, [{ html: t('explanation-requested', { due: formatDmy(result.dueOn), count: result.recipientIds.length }) }]);
    await services.sendNotices(result.noticeIds);
  }

  async function explain(officer: LoadedActor, chatId: string, taskId: number, text: string, t: TranslateFn) {
    const now = services.now();
    const result = await answerExplanation(services.prisma, { officerId: officer.id, taskId, text, now });
    if (result.outcome !== 'answered') return send(chatId, [{ html: t('explanation-none-open') }]);
    await send(chatId, [{ html: t('explanation-recorded') }]);
    await services.sendNotices(result.noticeIds);
  }

  /** A number sent alone: what the corresponding choice of the last message would do. */
  async function pickChoice(officer: LoadedActor, chatId: string, n: number, t: TranslateFn) {
    const data = await choices.pick(chatId, n);
    if (!data) return send(chatId, [{ html: t('zalo-choice-unknown') }]);
    try {
      const action = taskAction.unpack(data);
      // Choices were offered to one officer: a chat relinked to someone else cannot use them.
      if (action) return action.officerId === officer.id ? await onTaskAction(officer, chatId, action, t) : send(chatId, [{ html: t('zalo-choice-unknown') }]);
      const page = listPage.unpack(data);
      if (page && page.officerId === officer.id) return await send(chatId, [await listMessage(services, officer, page.list, page.page)]);
      const decision = extensionDecision.unpack(data);
      if (decision && decision.officerId === officer.id) return await decide(officer, chatId, decision.requestId, decision.decision === 'a', t);
      const pass = passDownAction.unpack(data);
      if (pass && pass.officerId === officer.id) return await passDown.choice(officer, chatId, pass, t);
      const confirmation = confirmationDecision.unpack(data);
      if (confirmation && confirmation.officerId === officer.id) {
        return confirmation.decision === 'c' ? await confirmResult(officer, chatId, confirmation.taskId, t) : await returnResult(officer, chatId, confirmation.taskId, undefined, t);
      }
      return send(chatId, [{ html: t('zalo-choice-unknown') }]);
    } catch (err) {
      if (err instanceof PermissionError || err instanceof TaskNotFoundError) return send(chatId, [{ html: t('task-not-yours') }]);
      throw err;
    }
  }

  async function onTaskAction(officer: LoadedActor, chatId: string, action: TaskAction, t: TranslateFn) {
    const { taskId } = action;
    const codeOf = async () => (await services.prisma.task.findUnique({ where: { id: taskId }, select: { code: true } }))?.code ?? '';
    switch (action.action) {
      case 'done':
        return answer(officer, chatId, taskId, 'DONE', t);
      case 'prog':
        return send(chatId, [{ html: t('zalo-pick-progress'), buttons: progressButtons(t, taskId, officer.id) }]);
      case 'pv':
        return answer(officer, chatId, taskId, 'IN_PROGRESS', t, { progress: action.value });
      case 'blk':
        return send(chatId, [{ html: t('zalo-hint-blocked', { code: escapeHtml(await codeOf()) }) }]);
      case 'ext':
        return send(chatId, [{ html: t('zalo-hint-extend', { code: escapeHtml(await codeOf()) }) }]);
      case 'snz':
        return send(chatId, [{ html: t('zalo-pick-snooze'), buttons: snoozeButtons(t, taskId, officer.id) }]);
      case 'sv': {
        if (action.value === SNOOZE_PICK_DAY) return send(chatId, [{ html: t('zalo-hint-snooze-day', { code: escapeHtml(await codeOf()) }) }]);
        const now = services.now();
        const until = action.value > 0 ? afterWorkingDays(services.calendar, now, action.value) : nextWorkingMorning(services.calendar, now);
        return snooze(officer, chatId, taskId, until, t);
      }
      case 'back':
      case 'card':
        return showCard(officer, chatId, taskId);
      case 'ev':
        return send(chatId, [{ html: t('zalo-evidence-hint') }]);
      case 'exq':
        return demand(officer, chatId, taskId, t);
      case 'exa':
        return send(chatId, [{ html: t('zalo-hint-explain', { code: escapeHtml(await codeOf()) }) }]);
    }
  }

  async function decide(officer: LoadedActor, chatId: string, requestId: number, approve: boolean, t: TranslateFn) {
    const now = services.now();
    const result = await decideExtension(services.prisma, { officerId: officer.id, requestId, approve, now });
    if (result.outcome === 'not-found') return send(chatId, [{ html: t('extension-not-found') }]);
    if (result.outcome === 'already-decided') return send(chatId, [{ html: t('extension-already-decided') }]);
    if (result.approved) await services.requestPlanning?.({ taskIds: [result.taskId] });
    await send(chatId, [{ html: t(result.approved ? 'extension-approved-leader' : 'extension-rejected-leader', { date: formatDmy(result.proposedDue), when: formatWhen(services.calendar, now) }) }]);
    await services.sendNotices(result.noticeIds);
  }

  /** A photo after an answer is its evidence (the officer's latest report of the last week). */
  async function attachPhoto(officer: LoadedActor, chatId: string, url: string, t: TranslateFn) {
    const since = new Date(services.now().getTime() - 7 * 86_400_000);
    const report = await services.prisma.statusReport.findFirst({
      where: { officerId: officer.id, createdAt: { gte: since }, status: { in: ['DONE', 'IN_PROGRESS', 'BLOCKED'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: { task: { select: { code: true } } },
    });
    if (!report) return send(chatId, [{ html: t('zalo-evidence-no-report') }]);
    const evidence = await addEvidence(services.prisma, { officerId: officer.id, reportId: report.id, kind: 'PHOTO', reference: url, now: services.now() });
    await send(chatId, [{ html: t('zalo-evidence-saved', { code: escapeHtml(report.task.code) }) }]);
    // A result waiting for confirmation: its monitoring officers hear of the new evidence (the notice names it).
    await services.sendNotices(evidence.noticeIds);
  }

  return { handle };
}

export type ZaloConversation = ReturnType<typeof createZaloConversation>;
