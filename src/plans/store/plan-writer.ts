// Writes a parsed plan in one transaction: units and aliases, the plan, its task
// tree, task units and an audit row. Re-importing the same or a corrected plan
// (matched by number + issuer, else by file hash, else — number left blank —
// by issuer, kind and title) updates tasks in place by
// path, so their statuses, reports and reminders stay; tasks no longer in the
// plan are deleted, or cancelled when they already carry reports.

import { nextOccurrence } from '../../deadlines/occurrences.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ParsedPlanFile } from '../import-plan.ts';
import type { PlanMetadata } from '../plan-metadata.ts';
import type { ImportedRow } from '../parse-plan.ts';
import { parseColumnMapping, type ColumnMapping, type ResponsibilityRole } from '../header-recognition.ts';
import { planPreview } from '../plan-preview.ts';
import { matchTasks, riskyChanges, type PlanDiff, type StoredTask } from '../task-matching.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface WriteResult {
  planId: number;
  reimport: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Tasks no longer in the plan: deleted, or cancelled when they have reports or extension requests. */
  removed: number;
  cancelled: number;
  /** Tasks an earlier import had cancelled that came back, with their status. */
  restored: number;
  /** What changed, task by task: added, removed, renumbered, reworded (and whether officers' work hangs on them). */
  diff: PlanDiff;
  newUnits: string[];
  /** Tasks whose deadlines had all passed at import, and how many of them `past: 'done'` closed. */
  overdueAtImport: number;
  markedDone: number;
}

export interface WriteOptions {
  actor?: string;
  /** Today, for the next occurrence of recurring tasks. */
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** The user confirmed a re-import that drops or rewords tasks carrying officers' work. */
  confirm?: boolean;
  /** The moment of the import (completedAt of tasks marked done by `past: 'done'`). */
  now?: Date;
  /**
   * Tasks whose every deadline passed before `today` (as the preview counts them, plan-preview.ts):
   * `remind` them as overdue now, mark them `done` (not-started ones; officers' answers stand), or
   * `skip` (open, but no overdue reminders for deadlines before today: kept in the plan's settings).
   * Undefined leaves the plan's earlier choice as it was (remind, for a new plan).
   */
  past?: PastDeadlines;
}

export const PAST_DEADLINE_CHOICES = ['remind', 'done', 'skip'] as const;
export type PastDeadlines = (typeof PAST_DEADLINE_CHOICES)[number];

/** A re-import would drop or reword tasks that carry reports: nothing is written until the user confirms. */
export class ReimportNeedsConfirmation extends Error {
  override name = 'ReimportNeedsConfirmation';
  constructor(readonly diff: PlanDiff) {
    const risky = riskyChanges(diff);
    super(`the new version drops ${risky.removed.length} and rewords ${risky.retitled.length} task(s) that carry officers' reports`);
  }
}

/** The plan's stored tasks, with whether officers' work hangs on each, for matching. */
async function storedTasks(tx: Pick<Tx, '$queryRaw'>, planId: number): Promise<Array<StoredTask & { cancelled: boolean }>> {
  const [row] = await tx.$queryRaw<Array<{ tasks: string | null }>>`
    SELECT json_agg(json_build_array(t.id, t.path, t.code, t.title, t.ordinal,
      t.status <> 'NOT_STARTED' OR EXISTS (SELECT 1 FROM "StatusReport" AS r WHERE r."taskId" = t.id)
        OR EXISTS (SELECT 1 FROM "ExtensionRequest" AS e WHERE e."taskId" = t.id),
      t.status = 'CANCELLED') ORDER BY t.id)::text AS tasks
    FROM "Task" AS t WHERE t."planId" = ${planId}`;
  const list = row?.tasks ? (JSON.parse(row.tasks) as Array<[number, string, string, string, number, boolean, boolean]>) : [];
  return list.map(([id, path, code, title, ordinal, reported, cancelled]) => ({ id, path, code, title, ordinal, reported, cancelled }));
}

const KIND = { 'ke-hoach': 'KE_HOACH', 'quyet-dinh': 'QUYET_DINH', 'phu-luc': 'PHU_LUC', other: 'OTHER' } as const;
const ROLE = { monitor: 'MONITOR', lead: 'LEAD', coordinate: 'COORDINATE', execute: 'EXECUTE' } as const;

const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);

function taskData(row: ImportedRow, isGroup: boolean, today: string) {
  const { raw, derived, ...schedule } = row.deadline;
  const due = schedule.kind === 'once' ? schedule.due : schedule.kind === 'recurring' ? nextOccurrence(schedule, today) : undefined;
  return {
    code: row.code,
    path: row.path,
    isGroup,
    ordinal: row.ordinal,
    title: row.title,
    target: row.target,
    actions: row.actions,
    extra: row.extra,
    deadlineRaw: raw,
    deadlineDerived: Boolean(derived),
    schedule: schedule as object,
    due: day(due),
  };
}

type TaskData = ReturnType<typeof taskData>;

async function upsertUnits(tx: Tx, parsed: ParsedPlanFile): Promise<{ idByKey: Map<string, number>; created: string[] }> {
  const keys = parsed.units.map((u) => u.key);
  const existing = await tx.unit.findMany({ where: { normalizedName: { in: keys } }, select: { id: true, normalizedName: true } });
  const aliasRows = await tx.unitAlias.findMany({ where: { normalizedName: { in: keys } }, select: { unitId: true, normalizedName: true } });
  const idByKey = new Map<string, number>(existing.map((u) => [u.normalizedName, u.id]));
  for (const a of aliasRows) if (!idByKey.has(a.normalizedName)) idByKey.set(a.normalizedName, a.unitId);
  const missing = parsed.units.filter((u) => !idByKey.has(u.key));
  if (missing.length) {
    const made = await tx.unit.createManyAndReturn({
      data: missing.map((u) => ({ name: u.name, normalizedName: u.key })),
      select: { id: true, normalizedName: true },
    });
    for (const u of made) idByKey.set(u.normalizedName, u.id);
  }
  const aliases = parsed.unitAliases.filter((a) => idByKey.has(a.unitKey));
  if (aliases.length) {
    await tx.unitAlias.createMany({
      data: aliases.map((a) => ({ unitId: idByKey.get(a.unitKey)!, alias: a.alias, normalizedName: a.alias })),
      skipDuplicates: true,
    });
  }
  return { idByKey, created: missing.map((u) => u.name) };
}

/** A task row's columns, as written. */
interface TaskRecord {
  parentId: number | null;
  code: string;
  path: string;
  isGroup: boolean;
  ordinal: number;
  title: string;
  target: string | null;
  actions: string | null;
  extra: Record<string, string>;
  deadlineRaw: string | null;
  deadlineDerived: boolean;
  schedule: object;
  due: string | null;
}

function taskRecord(t: TaskData, parentId: number | null): TaskRecord {
  return {
    parentId,
    code: t.code,
    path: t.path,
    isGroup: t.isGroup,
    ordinal: t.ordinal,
    title: t.title,
    target: t.target,
    actions: t.actions,
    extra: t.extra,
    deadlineRaw: t.deadlineRaw,
    deadlineDerived: t.deadlineDerived,
    schedule: t.schedule,
    due: t.due ? t.due.toISOString().slice(0, 10) : null,
  };
}

// Bulk data travels as ONE array-literal text parameter per column ("{1,2,3}", '{"a","b\\"c",NULL}'), read
// by unnest(): one statement for any number of rows. A Prisma query costs milliseconds of CPU, and array
// parameters cost Prisma work per element; a string costs neither. Results come back as JSON text.

/** Array literal of values that need no quoting (integers, booleans, enum labels): "{1,2,3}". */
function arrayLiteral(values: ReadonlyArray<number | boolean | string>): string {
  return `{${values.join(',')}}`;
}

/** Array literal of any texts: each quoted, backslash before " and \, NULL for null. */
function textArrayLiteral(values: ReadonlyArray<string | null>): string {
  return `{${values
    .map((v) => (v === null ? 'NULL' : v.includes('"') || v.includes('\\') ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`))
    .join(',')}}`;
}

/** The columns of task rows, one array literal each. */
function taskArrays(records: TaskRecord[]) {
  return {
    parentId: `{${records.map((r) => (r.parentId === null ? 'NULL' : r.parentId)).join(',')}}`,
    code: textArrayLiteral(records.map((r) => r.code)),
    path: textArrayLiteral(records.map((r) => r.path)),
    isGroup: arrayLiteral(records.map((r) => r.isGroup)),
    ordinal: arrayLiteral(records.map((r) => r.ordinal)),
    title: textArrayLiteral(records.map((r) => r.title)),
    target: textArrayLiteral(records.map((r) => r.target)),
    actions: textArrayLiteral(records.map((r) => r.actions)),
    extra: textArrayLiteral(records.map((r) => JSON.stringify(r.extra))),
    deadlineRaw: textArrayLiteral(records.map((r) => r.deadlineRaw)),
    deadlineDerived: arrayLiteral(records.map((r) => r.deadlineDerived)),
    schedule: textArrayLiteral(records.map((r) => JSON.stringify(r.schedule))),
    due: textArrayLiteral(records.map((r) => r.due)),
  };
}

/** New tasks of one depth level, in document order; their parents are already written. Returns [path, id] pairs. */
async function insertTasks(tx: Tx, planId: number, records: TaskRecord[]): Promise<Array<[string, number]>> {
  const c = taskArrays(records);
  const [made] = await tx.$queryRaw<Array<{ made: string | null }>>`
    WITH made AS (
      INSERT INTO "Task" ("planId", "parentId", code, path, "isGroup", ordinal, title, target, actions,
                          extra, "deadlineRaw", "deadlineDerived", schedule, due, "updatedAt")
      SELECT ${planId}, n."parentId", n.code, n.path, n."isGroup", n.ordinal, n.title, n.target, n.actions,
             n.extra, n."deadlineRaw", n."deadlineDerived", n.schedule, n.due, now()
      FROM unnest(${c.parentId}::int[], ${c.code}::text[], ${c.path}::text[], ${c.isGroup}::bool[], ${c.ordinal}::int[],
                  ${c.title}::text[], ${c.target}::text[], ${c.actions}::text[], ${c.extra}::jsonb[], ${c.deadlineRaw}::text[],
                  ${c.deadlineDerived}::bool[], ${c.schedule}::jsonb[], ${c.due}::date[])
        WITH ORDINALITY AS n("parentId", code, path, "isGroup", ordinal, title, target, actions, extra, "deadlineRaw",
                             "deadlineDerived", schedule, due, position)
      ORDER BY n.position
      RETURNING id, path
    )
    SELECT json_agg(json_build_array(path, id))::text AS made FROM made`;
  return made?.made ? (JSON.parse(made.made) as Array<[string, number]>) : [];
}

/**
 * Tasks already in the plan, given their new content: rows whose content differs are rewritten
 * (status, progress, reports and reminders are not touched), then rows that only moved in the
 * document get their new position. Returns how many had a change of content.
 */
async function updateTasks(tx: Tx, records: Array<TaskRecord & { id: number }>): Promise<number> {
  const ids = arrayLiteral(records.map((r) => r.id));
  const c = taskArrays(records);
  const changed = await tx.$executeRaw`
    UPDATE "Task" AS t
    SET "parentId" = n."parentId", code = n.code, path = n.path, "isGroup" = n."isGroup", ordinal = n.ordinal, title = n.title,
        target = n.target, actions = n.actions, extra = n.extra, "deadlineRaw" = n."deadlineRaw", "deadlineDerived" = n."deadlineDerived",
        schedule = n.schedule, due = n.due, "updatedAt" = now()
    FROM unnest(${ids}::int[], ${c.parentId}::int[], ${c.code}::text[], ${c.path}::text[], ${c.isGroup}::bool[], ${c.ordinal}::int[],
                ${c.title}::text[], ${c.target}::text[], ${c.actions}::text[], ${c.extra}::jsonb[], ${c.deadlineRaw}::text[],
                ${c.deadlineDerived}::bool[], ${c.schedule}::jsonb[], ${c.due}::date[])
      AS n(id, "parentId", code, path, "isGroup", ordinal, title, target, actions, extra, "deadlineRaw", "deadlineDerived", schedule, due)
    WHERE t.id = n.id
      AND (t."parentId" IS DISTINCT FROM n."parentId" OR t.code IS DISTINCT FROM n.code OR t.path IS DISTINCT FROM n.path
        OR t."isGroup" IS DISTINCT FROM n."isGroup" OR t.title IS DISTINCT FROM n.title OR t.target IS DISTINCT FROM n.target
        OR t.actions IS DISTINCT FROM n.actions OR t.extra IS DISTINCT FROM n.extra OR t."deadlineRaw" IS DISTINCT FROM n."deadlineRaw"
        OR t."deadlineDerived" IS DISTINCT FROM n."deadlineDerived" OR t.schedule IS DISTINCT FROM n.schedule OR t.due IS DISTINCT FROM n.due)`;
  // The position in the document is not a change of the task.
  await tx.$executeRaw`
    UPDATE "Task" AS t SET ordinal = n.ordinal, "updatedAt" = now()
    FROM unnest(${ids}::int[], ${c.ordinal}::int[]) AS n(id, ordinal)
    WHERE t.id = n.id AND t.ordinal <> n.ordinal`;
  return changed;
}

interface Links {
  taskId: number[];
  unitId: number[];
  role: string[];
  inherited: boolean[];
}

/**
 * Task units are what the plan says, nothing else: links of the plan's tasks that the plan no
 * longer gives (or gives with another "inherited") go, the missing ones are added.
 */
async function replaceLinks(tx: Tx, planId: number, links: Links, hadTasks: boolean): Promise<void> {
  const taskId = arrayLiteral(links.taskId);
  const unitId = arrayLiteral(links.unitId);
  const role = arrayLiteral(links.role);
  const inherited = arrayLiteral(links.inherited);
  if (hadTasks) {
    await tx.$executeRaw`
      DELETE FROM "TaskUnit" AS tu USING "Task" AS t
      WHERE tu."taskId" = t.id AND t."planId" = ${planId}
        AND NOT EXISTS (
          SELECT 1 FROM unnest(${taskId}::int[], ${unitId}::int[], ${role}::"TaskRole"[], ${inherited}::bool[])
            AS w("taskId", "unitId", role, inherited)
          WHERE w."taskId" = tu."taskId" AND w."unitId" = tu."unitId" AND w.role = tu.role AND w.inherited = tu.inherited)`;
  }
  if (!links.taskId.length) return;
  // Links are unique (see the caller) and a new plan's tasks have none: a plain INSERT, no conflict handling.
  await tx.$executeRaw`
    INSERT INTO "TaskUnit" ("taskId", "unitId", role, inherited)
    SELECT w."taskId", w."unitId", w.role, w.inherited
    FROM unnest(${taskId}::int[], ${unitId}::int[], ${role}::"TaskRole"[], ${inherited}::bool[])
      WITH ORDINALITY AS w("taskId", "unitId", role, inherited, position)
    WHERE NOT ${hadTasks}
       OR NOT EXISTS (SELECT 1 FROM "TaskUnit" AS tu WHERE tu."taskId" = w."taskId" AND tu."unitId" = w."unitId" AND tu.role = w.role)
    ORDER BY w.position`;
}

type PlanReader = Pick<PrismaClient, 'plan'>;

/**
 * The stored plan a parsed one is (a re-import): by number + issuer + year of
 * issue (numbers restart every year: next year's "45/KH-UBND" is another plan),
 * else by the file's hash, else (number left blank) by issuer, kind and title.
 */
export async function findExistingPlan(
  db: PlanReader,
  meta: Pick<PlanMetadata, 'number' | 'issuer' | 'kind' | 'title' | 'issuedOn' | 'issueYear'>,
  sourceHash: string,
) {
  const year = meta.issuedOn ? Number(meta.issuedOn.slice(0, 4)) : meta.issueYear;
  const sameNumber =
    meta.number && meta.issuer ? await db.plan.findMany({ where: { number: meta.number, issuer: meta.issuer }, orderBy: { id: 'asc' } }) : [];
  // A year unknown on either side does not tell two plans apart.
  const sameYear = sameNumber.find((p) => !year || !p.issuedOn || p.issuedOn.getUTCFullYear() === year);
  return (
    sameYear ??
    (await db.plan.findFirst({ where: { sourceHash }, orderBy: { id: 'asc' } })) ??
    (!meta.number && meta.issuer && meta.title
      ? await db.plan.findFirst({ where: { number: null, issuer: meta.issuer, kind: KIND[meta.kind], title: meta.title }, orderBy: { id: 'asc' } })
      : null)
  );
}

export async function writePlan(prisma: PrismaClient, parsed: ParsedPlanFile, options: WriteOptions = {}): Promise<WriteResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rows = [...parsed.groups.map((r) => ({ row: r, isGroup: true })), ...parsed.tasks.map((r) => ({ row: r, isGroup: false }))].sort(
    (a, b) => a.row.ordinal - b.row.ordinal,
  );
  const total = rows.length;
  const keyByName = new Map(parsed.units.map((u) => [u.name, u.key]));
  const data = rows.map(({ row, isGroup }) => taskData(row, isGroup, today));
  // Parents come before children in document order; new rows are inserted a depth level at a time.
  const depth = new Map<string, number>();
  for (const { row } of rows) depth.set(row.path, row.parent ? (depth.get(row.parent) ?? 0) + 1 : 0);
  // A loop, not Math.max(...): a spread of 100,000 values overflows the call stack.
  let maxDepth = 0;
  for (const d of depth.values()) if (d > maxDepth) maxDepth = d;

  return prisma.$transaction(
    async (tx) => {
      const { idByKey, created: newUnits } = await upsertUnits(tx, parsed);
      const meta = parsed.plan;
      const issuerKey = meta.issuer ? parsed.units.find((u) => meta.issuer!.endsWith(u.name))?.key : undefined;
      const planData = {
        kind: KIND[meta.kind],
        number: meta.number,
        issuer: meta.issuer,
        issuerUnitId: issuerKey ? (idByKey.get(issuerKey) ?? null) : null,
        place: meta.place,
        issuedOn: day(meta.issuedOn),
        title: meta.title || parsed.file,
        periodFrom: day(meta.period.from),
        periodTo: day(meta.period.to),
        periodRaw: meta.period.raw,
        sourceFileName: parsed.file,
        sourceHash: parsed.sourceHash,
      };
      const existingPlan = await findExistingPlan(tx, meta, parsed.sourceHash);
      // The column mapping the user gave is remembered for the plan's re-imports.
      const settings: Record<string, string | object> = { ...((existingPlan?.settings as Record<string, string | object> | undefined) ?? {}), ...(parsed.columnMapping ? { columns: parsed.columnMapping } : {}) };
      // Read by the reminder planner (planLimits): no overdue reminders for deadlines before this day.
      if (options.past === 'skip') settings.unremindedBefore = today;
      else if (options.past === 'remind') delete settings.unremindedBefore;
      const plan = existingPlan
        ? await tx.plan.update({ where: { id: existingPlan.id }, data: { ...planData, settings } })
        : await tx.plan.create({ data: { ...planData, settings } });

      // The plan's tasks as they are, matched to the new rows by content (task-matching.ts), never by position alone.
      const stored = existingPlan ? await storedTasks(tx, plan.id) : [];
      const match = matchTasks(stored, rows.map(({ row }) => ({ path: row.path, code: row.code, title: row.title, ordinal: row.ordinal })));
      const risky = riskyChanges(match.diff);
      if (!options.confirm && (risky.removed.length || risky.retitled.length)) throw new ReimportNeedsConfirmation(match.diff);
      const existingById = match.idByPath;
      const storedById = new Map(stored.map((t) => [t.id, t]));
      // Tasks that change place, and those leaving the plan, step aside first so that no two rows hold one path meanwhile.
      const moving = [...existingById].filter(([path, id]) => storedById.get(id)!.path !== path).map(([, id]) => id);
      const matchedIds = new Set(existingById.values());
      const leaving = stored.filter((t) => !matchedIds.has(t.id)).map((t) => t.id);
      if (moving.length || leaving.length) {
        await tx.$executeRaw`UPDATE "Task" SET path = path || '~' || id WHERE id = ANY(${arrayLiteral([...moving, ...leaving])}::int[])`;
      }
      const idByPath = new Map<string, number>();
      let created = 0;
      let done = 0;

      // New rows, a depth level at a time, each level in one statement.
      for (let level = 0; level <= maxDepth; level++) {
        const fresh: TaskRecord[] = [];
        rows.forEach(({ row }, i) => {
          if (depth.get(row.path) !== level) return;
          const old = existingById.get(row.path);
          if (old !== undefined) idByPath.set(row.path, old);
          else fresh.push(taskRecord(data[i]!, row.parent ? (idByPath.get(row.parent) ?? null) : null));
        });
        if (fresh.length) {
          for (const [path, id] of await insertTasks(tx, plan.id, fresh)) idByPath.set(path, id);
          created += fresh.length;
          done += fresh.length;
          options.onProgress?.(done, total);
        }
      }

      // Rows that were already there, in one statement: only those whose content changed are written.
      const kept: Array<TaskRecord & { id: number }> = [];
      rows.forEach(({ row }, i) => {
        const id = existingById.get(row.path);
        if (id !== undefined) kept.push({ id, ...taskRecord(data[i]!, row.parent ? (idByPath.get(row.parent) ?? null) : null) });
      });
      const updated = kept.length ? await updateTasks(tx, kept) : 0;
      const unchanged = kept.length - updated;
      done += kept.length;
      if (kept.length) options.onProgress?.(done, total);

      const goneIds = leaving;
      // A task an import cancelled that comes back gets its status back: the latest answer given, else
      // not started. As when the answer was given, "done" for a recurring task closes one occurrence
      // and the task goes on (answers.ts).
      const returning = stored.filter((t) => t.cancelled && matchedIds.has(t.id)).map((t) => t.id);
      if (returning.length) {
        await tx.$executeRaw`
          UPDATE "Task" AS t SET status = (
            SELECT CASE
              WHEN latest.status IS NULL THEN 'NOT_STARTED'
              WHEN latest.status = 'DONE' AND t.schedule->>'kind' IN ('recurring', 'ongoing') THEN 'IN_PROGRESS'
              WHEN latest.status = 'DONE' AND t."confirmationPendingAt" IS NOT NULL THEN 'IN_PROGRESS'
              WHEN latest.status = 'RETURNED' THEN 'IN_PROGRESS'
              ELSE latest.status::text END::"TaskStatus"
            FROM (SELECT (
              SELECT r.status FROM "StatusReport" AS r
              WHERE r."taskId" = t.id AND r.status IN ('DONE', 'IN_PROGRESS', 'BLOCKED', 'RETURNED') ORDER BY r."createdAt" DESC, r.id DESC LIMIT 1) AS status) AS latest),
            "updatedAt" = now()
          WHERE t.id = ANY(${arrayLiteral(returning)}::int[]) AND t.status = 'CANCELLED'`;
      }
      let keepIds: number[] = [];
      if (goneIds.length) {
        const [history] = await tx.$queryRaw<Array<{ ids: string | null }>>`
          SELECT json_agg(t.id ORDER BY t.id)::text AS ids FROM "Task" AS t
          WHERE t.id = ANY(${arrayLiteral(goneIds)}::int[])
            AND (EXISTS (SELECT 1 FROM "StatusReport" AS r WHERE r."taskId" = t.id)
              OR EXISTS (SELECT 1 FROM "ExtensionRequest" AS e WHERE e."taskId" = t.id))`;
        keepIds = history?.ids ? (JSON.parse(history.ids) as number[]) : [];
        const keepSet = new Set(keepIds);
        const dropIds = goneIds.filter((id) => !keepSet.has(id));
        if (keepIds.length) await tx.$executeRaw`UPDATE "Task" SET status = 'CANCELLED', "updatedAt" = now() WHERE id = ANY(${arrayLiteral(keepIds)}::int[])`;
        if (dropIds.length) await tx.$executeRaw`DELETE FROM "Task" WHERE id = ANY(${arrayLiteral(dropIds)}::int[])`;
      }

      // Task units are rebuilt from the plan. Only tasks that existed before can have links to replace.
      const links: Links = { taskId: [], unitId: [], role: [], inherited: [] };
      const linked = new Set<string>();
      for (const { row } of rows) {
        const taskId = idByPath.get(row.path)!;
        for (const role of Object.keys(ROLE) as ResponsibilityRole[]) {
          for (const name of new Set(row.units[role])) {
            const unitId = idByKey.get(keyByName.get(name) ?? '');
            if (unitId === undefined) continue;
            // Two spellings of one unit in a cell are one link: the first one met counts.
            const key = `${taskId}:${unitId}:${role}`;
            if (linked.has(key)) continue;
            linked.add(key);
            links.taskId.push(taskId);
            links.unitId.push(unitId);
            links.role.push(ROLE[role]);
            links.inherited.push(row.inheritedRoles.includes(role));
          }
        }
      }
      await replaceLinks(tx, plan.id, links, existingById.size > 0);

      // The same count the preview showed, so "mark them done" closes exactly the tasks it listed.
      const overdueIds = planPreview(parsed, today).rows.filter((r) => r.overdue).map((r) => idByPath.get(r.path)!);
      let markedDone: number[] = [];
      if (options.past === 'done' && overdueIds.length) {
        const now = options.now ?? new Date();
        const [closed] = await tx.$queryRaw<Array<{ ids: string | null }>>`
          WITH closed AS (
            UPDATE "Task" SET status = 'DONE', progress = 100, "completedAt" = ${now}, "updatedAt" = now()
            WHERE id = ANY(${arrayLiteral(overdueIds)}::int[]) AND status = 'NOT_STARTED'
            RETURNING id)
          SELECT json_agg(id ORDER BY id)::text AS ids FROM closed`;
        markedDone = closed?.ids ? (JSON.parse(closed.ids) as number[]) : [];
        if (markedDone.length) {
          await tx.auditLog.create({
            data: { actor: options.actor ?? 'cli', action: 'plan.past-done', entityType: 'Plan', entityId: String(plan.id), data: { before: today, tasks: markedDone.slice(0, 1000), count: markedDone.length } },
          });
        }
      }

      const result: WriteResult = {
        planId: plan.id,
        reimport: Boolean(existingPlan),
        created,
        updated,
        unchanged,
        removed: goneIds.length,
        cancelled: keepIds.length,
        restored: returning.length,
        diff: match.diff,
        newUnits,
        overdueAtImport: overdueIds.length,
        markedDone: markedDone.length,
      };
      await tx.auditLog.create({
        data: {
          actor: options.actor ?? 'cli',
          action: existingPlan ? 'plan.reimport' : 'plan.import',
          entityType: 'Plan',
          entityId: String(plan.id),
          data: {
            file: parsed.file,
            sourceHash: parsed.sourceHash,
            tasks: parsed.tasks.length,
            groups: parsed.groups.length,
            ...result,
            // Which stored task went where (ids and paths; the first 200 of each kind), for whoever asks later.
            diff: {
              added: result.diff.added.length,
              removed: result.diff.removed.slice(0, 200).map((r) => [r.id, r.path]),
              renumbered: result.diff.renumbered.slice(0, 200).map((r) => [r.id, r.from, r.to]),
              retitled: result.diff.retitled.slice(0, 200).map((r) => [r.id, r.path]),
            },
            confirmed: Boolean(options.confirm),
            ...(options.past ? { past: options.past } : {}),
          },
        },
      });
      return result;
    },
    { timeout: 300_000, maxWait: 20_000 },
  );
}

/** The column mapping an earlier import of the same plan was given (`--columns`), for parsePlanFile's rememberedColumns. */
export function rememberedColumnsOf(db: PlanReader) {
  return async (plan: PlanMetadata, hash: string): Promise<ColumnMapping | undefined> => {
    const text = ((await findExistingPlan(db, plan, hash))?.settings as { columns?: unknown } | undefined)?.columns;
    return typeof text === 'string' ? parseColumnMapping(text) : undefined;
  };
}

/** Units and aliases already in the database, for matching names before an import. */
export async function loadUnitDirectory(prisma: PrismaClient) {
  const units = await prisma.unit.findMany({ select: { name: true, normalizedName: true } });
  const aliases = await prisma.unitAlias.findMany({ select: { normalizedName: true, unit: { select: { normalizedName: true } } } });
  return {
    knownUnits: units.map((u) => ({ name: u.name, key: u.normalizedName })),
    knownAliases: aliases.map((a) => ({ alias: a.normalizedName, unitKey: a.unit.normalizedName })),
  };
}

/** What a re-import of this parsed plan would change, without writing: the stored plan it updates and the diff. */
export async function previewReimport(prisma: PrismaClient, parsed: ParsedPlanFile): Promise<{ planId: number; diff: PlanDiff } | undefined> {
  const existing = await findExistingPlan(prisma, parsed.plan, parsed.sourceHash);
  if (!existing) return undefined;
  const stored = await storedTasks(prisma, existing.id);
  const rows = [...parsed.groups, ...parsed.tasks];
  return { planId: existing.id, diff: matchTasks(stored, rows.map((r) => ({ path: r.path, code: r.code, title: r.title, ordinal: r.ordinal }))).diff };
}
