// Database side of the permission rules: who an officer is, which units they act for.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { runnerOf, type SqlRunner } from '../db/sql.ts';
import { MAX_UNIT_DEPTH, unitScopeOf, type Actor, type UnitScope } from '../access/permissions.ts';
import { seenOf, taskViewByIdSql, taskViewsByCodeSql, unitsHaveTaskSql, type SeenTask, type TaskWithView } from './queries.ts';

export type Db = PrismaClient | Prisma.TransactionClient;

export interface LoadedActor extends Actor {
  name: string;
  language: 'vi' | 'en';
  snoozeHours: number | null;
  unitName: string;
  scope: UnitScope;
}

export class PermissionError extends Error {
  override name = 'PermissionError';
  constructor(readonly reason: string) {
    super(`not allowed: ${reason}`);
  }
}

export interface ActorRow {
  id: number;
  name: string;
  unitId: number;
  role: Actor['role'];
  language: 'vi' | 'en';
  active: boolean;
  snoozeHours: number | null;
  unitName: string;
  /** The unit tree as [id, parentId] pairs, read only for leaders. */
  tree: Array<[number, number | null]> | null;
}

// The officer, their unit's name and (for leaders) the unit tree in one statement: this runs
// on every update, and each query-builder call costs milliseconds of CPU.
const ACTOR_COLUMNS = Prisma.sql`
  o.id, o.name, o."unitId", o.role::text AS role, o.language::text AS language, o.active, o."snoozeHours", u.name AS "unitName",
  CASE WHEN o.role = 'LEADER' THEN (SELECT json_agg(json_build_array(x.id, x."parentId")) FROM "Unit" x) END AS tree`;

/** The actor of officer `officerId` (an SQL expression) as one JSON column, for statements that read more than the officer. */
export function actorJsonSql(officerId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('id', o.id, 'name', o.name, 'unitId', o."unitId", 'role', o.role, 'language', o.language, 'active', o.active,
      'snoozeHours', o."snoozeHours", 'unitName', u.name,
      'tree', CASE WHEN o.role = 'LEADER' THEN (SELECT json_agg(json_build_array(x.id, x."parentId")) FROM "Unit" x) END)
    FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId" WHERE o.id = ${officerId})`;
}

export function actorOfRow(row: ActorRow): LoadedActor {
  const actor: Actor = { id: row.id, role: row.role, unitId: row.unitId, active: row.active };
  const units = (row.tree ?? []).map(([id, parentId]) => ({ id, parentId }));
  return { ...actor, name: row.name, language: row.language, snoozeHours: row.snoozeHours, unitName: row.unitName, scope: unitScopeOf(actor, units) };
}

export async function loadActor(db: Db | SqlRunner, officerId: number): Promise<LoadedActor | undefined> {
  const rows = await runnerOf(db).rows<ActorRow>(Prisma.sql`
    SELECT ${ACTOR_COLUMNS} FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId" WHERE o.id = ${officerId}`);
  return rows[0] ? actorOfRow(rows[0]) : undefined;
}

/**
 * The unit ids officer `o` (an alias of an "Officer" row) acts for, in SQL: what unitScopeOf
 * computes from the actor row (an officer: the unit; a leader: the unit and the units under it,
 * MAX_UNIT_DEPTH levels down). An admin's scope is every unit: test the role, not this array.
 * A statement that must read tasks in the sender's scope before the actor is known uses it.
 */
export function officerScopeUnitsSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${o}.role = 'LEADER' THEN (
      WITH RECURSIVE below(id, depth) AS (
        SELECT ${o}."unitId", 0
        UNION SELECT x.id, below.depth + 1 FROM "Unit" x JOIN below ON x."parentId" = below.id WHERE below.depth < ${MAX_UNIT_DEPTH}
      ) SELECT array_agg(DISTINCT id) FROM below)
    ELSE ARRAY[${o}."unitId"] END)`;
}

/** "Task t is in the scope of officer `o`" (an alias of an "Officer" row), in SQL. */
export function inOfficerScopeSql(o: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${o}.role = 'ADMIN' OR ${unitsHaveTaskSql(officerScopeUnitsSql(o))})`;
}

/**
 * What an update will read first, read in its claim's statement: the task a button names, or
 * the tasks a typed code names in the sender's scope (what taskViewsByCode would return).
 */
export type TaskPrefetch = { taskId: number } | { code: string };

export interface ClaimedUpdate {
  claimed: boolean;
  actor?: LoadedActor;
  /** The prefetched tasks, when asked for and the sender is an officer. */
  tasks?: SeenTask[];
}

/**
 * Claims an incoming update id (false when it was already handled) and reads the officer behind
 * the sender's active chat account, in one statement: this runs on every update. With a prefetch
 * the same statement reads the task(s) the update is about, so the answer needs no read of its own.
 */
export async function claimUpdate(
  db: Db | SqlRunner,
  channel: 'TELEGRAM' | 'ZALO',
  updateId: bigint,
  externalId: string | undefined,
  options: { now: Date; prefetch?: TaskPrefetch | undefined },
): Promise<ClaimedUpdate> {
  const { prefetch } = options;
  const officerId = Prisma.sql`(SELECT c."officerId" FROM "ChatIdentity" c WHERE c.channel = ${channel}::"Channel" AND c."externalId" = ${externalId ?? null}::text AND c.active)`;
  const tasks = !prefetch
    ? Prisma.sql`(SELECT NULL::int AS id) task ON false`
    : 'taskId' in prefetch
      ? Prisma.sql`LATERAL (${taskViewByIdSql(prefetch.taskId)}) task ON sender.id IS NOT NULL`
      : Prisma.sql`LATERAL (${taskViewsByCodeSql(inOfficerScopeSql(Prisma.sql`me`), prefetch.code)}) task ON true`;
  const rows = await runnerOf(db).rows<{ _claimed: boolean; _actor: ActorRow | null } & Partial<TaskWithView & { rowVersion: string }>>(Prisma.sql`
    WITH claim AS (
      INSERT INTO "ProcessedUpdate" (channel, "updateId", "createdAt") VALUES (${channel}::"Channel", ${updateId}, ${options.now})
      ON CONFLICT DO NOTHING RETURNING 1
    ), sender AS (SELECT ${officerId} AS id)
    SELECT EXISTS (SELECT 1 FROM claim) AS _claimed, ${actorJsonSql(Prisma.sql`sender.id`)} AS _actor, task.*
    FROM sender
      LEFT JOIN "Officer" me ON me.id = sender.id
      LEFT JOIN ${tasks}`);
  const [first] = rows;
  const result: ClaimedUpdate = { claimed: Boolean(first?._claimed), ...(first?._actor ? { actor: actorOfRow(first._actor) } : {}) };
  if (prefetch && result.actor) {
    result.tasks = rows.filter((r) => r.id != null).map(({ _claimed, _actor, ...row }) => seenOf(row as TaskWithView & { rowVersion: string }));
  }
  return result;
}

/** Gives a claimed update id back (its handling failed), so that a redelivery is handled. */
export async function releaseUpdate(db: Db | SqlRunner, channel: 'TELEGRAM' | 'ZALO', updateId: bigint): Promise<void> {
  await runnerOf(db).rows(Prisma.sql`DELETE FROM "ProcessedUpdate" WHERE channel = ${channel}::"Channel" AND "updateId" = ${updateId}`);
}

/** Prisma filter for tasks in a scope (a unit of the scope has any role). */
/** How long an update id is kept for deduplication: Telegram retries an update for at most a day. */
export const PROCESSED_UPDATE_DAYS = 7;

/** Forgets update ids older than a week (the table would otherwise grow by every update forever). Returns how many went. */
export async function pruneProcessedUpdates(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PROCESSED_UPDATE_DAYS * 24 * 3600 * 1000);
  return db.$executeRaw`DELETE FROM "ProcessedUpdate" WHERE "createdAt" < ${before}`;
}

export function taskScopeWhere(scope: UnitScope): Prisma.TaskWhereInput {
  return scope === 'all' ? {} : { units: { some: { unitId: { in: [...scope] } } } };
}

/** The unit ids of a scope, or every unit's id for 'all'. */
export async function scopeUnitIds(db: Db, scope: UnitScope): Promise<number[]> {
  if (scope !== 'all') return [...scope];
  return (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
}

/** The officer linked to a chat account, if active. */
export async function officerIdOfChat(db: Db, channel: 'TELEGRAM' | 'ZALO', externalId: string): Promise<number | undefined> {
  const identity = await db.chatIdentity.findUnique({ where: { channel_externalId: { channel, externalId } } });
  return identity?.active ? identity.officerId : undefined;
}
