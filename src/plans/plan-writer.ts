// Writes a parsed plan in one transaction: units and aliases, the plan, its task
// tree, task units and an audit row. Re-importing the same or a corrected plan
// (matched by number + issuer, else by file hash, else — number left blank —
// by issuer, kind and title) updates tasks in place by
// path, so their statuses, reports and reminders stay; tasks no longer in the
// plan are deleted, or cancelled when they already carry reports.

import { nextOccurrence } from '../deadlines/occurrences.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { ParsedPlanFile } from './import-plan.ts';
import type { ImportedRow } from './parse-plan.ts';
import type { ResponsibilityRole } from './header-recognition.ts';

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
  newUnits: string[];
}

export interface WriteOptions {
  actor?: string;
  /** Today, for the next occurrence of recurring tasks. */
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

const KIND = { 'ke-hoach': 'KE_HOACH', 'quyet-dinh': 'QUYET_DINH', 'phu-luc': 'PHU_LUC', other: 'OTHER' } as const;
const ROLE = { monitor: 'MONITOR', lead: 'LEAD', coordinate: 'COORDINATE', execute: 'EXECUTE' } as const;
const BATCH = 2000;

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

/** JSON with sorted keys: PostgreSQL's jsonb does not keep key order. */
function canonical(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Same content; the position in the document (ordinal) is not a change of the task. */
function sameTask(a: Record<string, unknown>, b: TaskData & { parentId: number | null }): boolean {
  return (Object.keys(b) as Array<keyof typeof b>).every((k) => k === 'ordinal' || canonical(a[k]) === canonical(b[k]));
}

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

export async function writePlan(prisma: PrismaClient, parsed: ParsedPlanFile, options: WriteOptions = {}): Promise<WriteResult> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rows = [...parsed.groups.map((r) => ({ row: r, isGroup: true })), ...parsed.tasks.map((r) => ({ row: r, isGroup: false }))].sort(
    (a, b) => a.row.ordinal - b.row.ordinal,
  );
  const total = rows.length;
  const keyByName = new Map(parsed.units.map((u) => [u.name, u.key]));

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
      const existingPlan =
        (meta.number && meta.issuer ? await tx.plan.findFirst({ where: { number: meta.number, issuer: meta.issuer }, orderBy: { id: 'asc' } }) : null) ??
        (await tx.plan.findFirst({ where: { sourceHash: parsed.sourceHash }, orderBy: { id: 'asc' } })) ??
        // A plan with its number left blank is recognised by issuer, kind and title.
        (!meta.number && meta.issuer && meta.title
          ? await tx.plan.findFirst({ where: { number: null, issuer: meta.issuer, kind: KIND[meta.kind], title: meta.title }, orderBy: { id: 'asc' } })
          : null);
      const plan = existingPlan
        ? await tx.plan.update({ where: { id: existingPlan.id }, data: planData })
        : await tx.plan.create({ data: planData });

      const existing = await tx.task.findMany({
        where: { planId: plan.id },
        select: {
          id: true, code: true, path: true, isGroup: true, ordinal: true, title: true, target: true, actions: true, extra: true,
          deadlineRaw: true, deadlineDerived: true, schedule: true, due: true, parentId: true,
        },
      });
      const byPath = new Map(existing.map((t) => [t.path, t]));
      const idByPath = new Map<string, number>();
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      let done = 0;

      // Parents come before children in document order; new rows are inserted a depth level at a time.
      const depth = new Map<string, number>();
      for (const { row } of rows) depth.set(row.path, row.parent ? (depth.get(row.parent) ?? 0) + 1 : 0);
      const maxDepth = Math.max(0, ...depth.values());
      for (let level = 0; level <= maxDepth; level++) {
        const fresh: Array<TaskData & { planId: number; parentId: number | null }> = [];
        for (const { row, isGroup } of rows) {
          if (depth.get(row.path) !== level) continue;
          const data = { ...taskData(row, isGroup, today), parentId: row.parent ? (idByPath.get(row.parent) ?? null) : null };
          const old = byPath.get(row.path);
          if (!old) {
            fresh.push({ ...data, planId: plan.id });
            continue;
          }
          idByPath.set(row.path, old.id);
          if (sameTask(old, data)) {
            unchanged++;
            if (old.ordinal !== data.ordinal) await tx.task.update({ where: { id: old.id }, data: { ordinal: data.ordinal } });
          } else {
            // Status, progress, reports and reminders are not touched.
            await tx.task.update({ where: { id: old.id }, data });
            updated++;
          }
          options.onProgress?.(++done, total);
        }
        for (let i = 0; i < fresh.length; i += BATCH) {
          const made = await tx.task.createManyAndReturn({ data: fresh.slice(i, i + BATCH), select: { id: true, path: true } });
          for (const t of made) idByPath.set(t.path, t.id);
          created += made.length;
          done += made.length;
          options.onProgress?.(done, total);
        }
      }

      const gone = existing.filter((t) => !idByPath.has(t.path));
      const goneIds = gone.map((t) => t.id);
      const withHistory = goneIds.length
        ? await tx.task.findMany({
            where: { id: { in: goneIds }, OR: [{ reports: { some: {} } }, { extensions: { some: {} } }] },
            select: { id: true },
          })
        : [];
      const keepIds = new Set(withHistory.map((t) => t.id));
      const keep = gone.filter((t) => keepIds.has(t.id));
      const drop = gone.filter((t) => !keepIds.has(t.id));
      if (keep.length) await tx.task.updateMany({ where: { id: { in: keep.map((t) => t.id) } }, data: { status: 'CANCELLED' } });
      if (drop.length) await tx.task.deleteMany({ where: { id: { in: drop.map((t) => t.id) } } });

      // Task units are rebuilt from the plan: they are what the plan says, nothing else.
      // Only tasks that existed before can have links to replace.
      if (existing.length) await tx.taskUnit.deleteMany({ where: { task: { planId: plan.id } } });
      const links: Array<{ taskId: number; unitId: number; role: (typeof ROLE)[ResponsibilityRole]; inherited: boolean }> = [];
      for (const { row } of rows) {
        const taskId = idByPath.get(row.path)!;
        for (const role of Object.keys(ROLE) as ResponsibilityRole[]) {
          for (const name of new Set(row.units[role])) {
            const unitId = idByKey.get(keyByName.get(name) ?? '');
            if (unitId !== undefined) links.push({ taskId, unitId, role: ROLE[role], inherited: row.inheritedRoles.includes(role) });
          }
        }
      }
      for (let i = 0; i < links.length; i += BATCH * 2) await tx.taskUnit.createMany({ data: links.slice(i, i + BATCH * 2), skipDuplicates: true });

      const result: WriteResult = {
        planId: plan.id,
        reimport: Boolean(existingPlan),
        created,
        updated,
        unchanged,
        removed: gone.length,
        cancelled: keep.length,
        newUnits,
      };
      await tx.auditLog.create({
        data: {
          actor: options.actor ?? 'cli',
          action: existingPlan ? 'plan.reimport' : 'plan.import',
          entityType: 'Plan',
          entityId: String(plan.id),
          data: { file: parsed.file, sourceHash: parsed.sourceHash, tasks: parsed.tasks.length, groups: parsed.groups.length, ...result },
        },
      });
      return result;
    },
    { timeout: 300_000, maxWait: 20_000 },
  );
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
