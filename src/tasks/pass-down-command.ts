// "/giao 1.2 Phòng Nội vụ 20/12 ghi chú" (Telegram) or "giao 1.2 …" (Zalo) resolved against the
// database: the task by code in the giver's scope, the target among the units and officers they
// may give to, the internal deadline as a date. Either what to record, or the reply that says why not.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SqlRunner } from '../db/sql.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { escapeHtml } from '../messages/html.ts';
import { childUnitNamed, passDownOptions, type PassDownTargetInput } from './pass-down.ts';
import { splitUnitWords, type PassDownCommand } from '../replies/pass-down-grammar.ts';
import { taskViewsByCode } from './queries.ts';
import { PermissionError, type LoadedActor } from './actor.ts';
import { parseUserDate } from '../replies/user-date.ts';

export type ResolvedPassDown =
  | { ok: true; taskId: number; target: PassDownTargetInput; internalDue?: IsoDate; note?: string }
  | { ok: false; key: string; vars?: Record<string, string> };

export async function resolvePassDown(deps: { prisma: PrismaClient; sql: SqlRunner }, actor: LoadedActor, command: PassDownCommand, today: IsoDate): Promise<ResolvedPassDown> {
  const matches = (await taskViewsByCode(deps.sql, actor.scope, command.code)).filter((m) => m.view.status !== 'DONE');
  if (matches.length === 0) return { ok: false, key: 'task-not-found', vars: { code: escapeHtml(command.code) } };
  if (matches.length > 1) return { ok: false, key: 'task-ambiguous', vars: { code: escapeHtml(command.code) } };
  const taskId = matches[0]!.view.id;
  let options;
  try {
    options = await passDownOptions(deps.prisma, actor.id, taskId);
  } catch (err) {
    if (err instanceof PermissionError) return { ok: false, key: 'pass-down-not-allowed' };
    throw err;
  }
  let target: PassDownTargetInput;
  let note = command.note;
  if (command.target.kind === 'officer') {
    target = { officerId: command.target.officerId };
  } else {
    const split = splitUnitWords(command.target, (name) => childUnitNamed(options, name) !== undefined);
    if (!split) {
      const units = options.units.map((u) => escapeHtml(u.name)).join(', ');
      return { ok: false, key: 'pass-down-target-unknown', vars: { target: escapeHtml(command.target.words.join(' ').slice(0, 100)), units: units || '—' } };
    }
    target = { unitId: childUnitNamed(options, split.unitName)! };
    note = split.note ?? note;
  }
  let internalDue: IsoDate | undefined;
  if (command.dateText) {
    internalDue = parseUserDate(command.dateText, today);
    if (!internalDue) return { ok: false, key: 'date-not-understood' };
  }
  return { ok: true, taskId, target, ...(internalDue ? { internalDue } : {}), ...(note ? { note } : {}) };
}
