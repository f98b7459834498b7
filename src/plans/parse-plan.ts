// From a read document to the plan to import: metadata, the task tree with its
// units per role and deadlines, and warnings naming lines. Pure: no I/O.

import type { IsoDate, Schedule } from '../deadlines/types.ts';
import { readAppendixHeading } from './appendix-heading.ts';
import { assembleTables, type RejectedHeader, type TaskTable } from './assemble-tables.ts';
import { stripLegalCitations } from './deadline-cells.ts';
import { DETAIL_ROLES, RESPONSIBILITY_ROLES, type Column, type ColumnMapping, type DetailRole, type ResponsibilityRole } from './header-recognition.ts';
import { extractPlanMetadata, type PlanMetadata, type PlanPeriod } from './plan-metadata.ts';
import type { RawDocument } from './table-model.ts';
import { buildTree, tableSection, type TreeNode, type Warning } from './task-tree.ts';
import { splitUnitList, UnitDirectory, unitKey } from './unit-names.ts';

export type { Warning };

export type DeadlineParser = (text: string, options?: { ref?: IsoDate; context?: string }) => Schedule;

export type TaskDeadline = Schedule & {
  /** The deadline as written, or the period it was derived from; null when there is none. */
  raw: string | null;
  /** True when the deadline comes from the plan's period, for the monitoring unit to confirm. */
  derived?: true;
  /** Path of the group row whose deadline this task took (its own cell was empty). */
  inheritedFrom?: string;
  /** A group row's deadline that bounds this task's own. */
  limit?: { raw: string; due: IsoDate; path: string };
};

export type UnitsByRole = Record<ResponsibilityRole, string[]>;

export interface ImportedRow {
  code: string;
  path: string;
  title: string;
  target: string | null;
  actions: string | null;
  deadline: TaskDeadline;
  units: UnitsByRole;
  /** Roles whose units come from the parent row, the appendix title or the issuer rather than the row. */
  inheritedRoles: ResponsibilityRole[];
  /** Path of the parent row, null at the top. */
  parent: string | null;
  /** Position in the document, counting groups and tasks. */
  ordinal: number;
  line: number;
  /** Unknown columns: header → cell text. */
  extra: Record<string, string>;
  /** Named details: budget source, person accountable, assigning document, notes (absent when the cell is empty). */
  details: Partial<Record<DetailRole, string>>;
}

/** How a table's columns were read, for the user to check (dry run) or correct (`--columns`). */
export interface TableReading {
  line: number;
  label: string | null;
  columns: Array<Pick<Column, 'index' | 'label' | 'role'> & { mapped?: true }>;
  tasks: number;
}

export interface PlanImport {
  plan: PlanMetadata & { tables: number };
  /** Each task table and how its columns were read. */
  tables: TableReading[];
  /** Header-like rows that made no task table (shown when nothing was found). */
  rejected: RejectedHeader[];
  tasks: ImportedRow[];
  groups: ImportedRow[];
  units: Array<{ key: string; name: string }>;
  /** Spellings matched to another unit's name: alias key → unit key. */
  unitAliases: Array<{ alias: string; unitKey: string }>;
  warnings: Warning[];
}

export interface ParsePlanOptions {
  parseDeadline: DeadlineParser;
  /** Issue date given on the command line when the document leaves it blank. */
  issued?: IsoDate;
  /** Units already known (from the database), matched before new ones are made. */
  knownUnits?: Array<{ name: string; key: string }>;
  knownAliases?: Array<{ alias: string; unitKey: string }>;
  /** The user's column mapping (`--columns`), or the one remembered for this plan. */
  columns?: ColumnMapping;
}

function limitDate(s: Schedule): IsoDate | undefined {
  if (s.kind === 'once') return s.due;
  if (s.kind === 'recurring' || s.kind === 'ongoing') return s.until;
  return undefined;
}

function applyLimit(s: Schedule, limit: IsoDate): Schedule {
  switch (s.kind) {
    case 'once':
      return s.due > limit ? { ...s, due: limit } : s;
    case 'recurring':
    case 'ongoing':
      return { ...s, until: s.until && s.until < limit ? s.until : limit };
    default:
      return s;
  }
}

export function scheduleFromPeriod(period: PlanPeriod): Schedule {
  const { from, to } = period;
  if (to && (!from || from.slice(0, 4) === to.slice(0, 4))) return { kind: 'once', due: to };
  if (from) return { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' }, from, ...(to ? { until: to } : {}) };
  return { kind: 'unscheduled', reason: 'no deadline in the plan and no period to derive one from' };
}

function tablePrefix(tables: TaskTable[], labels: Array<string | undefined>, index: number): string {
  if (tables.length <= 1) return '';
  const label = labels[index];
  const unique = label && labels.filter((l) => l === label).length === 1;
  return unique ? label : `T${index + 1}`;
}

export function parsePlan(doc: RawDocument, options: ParsePlanOptions): PlanImport {
  const warnings: Warning[] = [];
  const assembled = assembleTables(doc, { ...(options.columns ? { columns: options.columns } : {}) });
  const meta = extractPlanMetadata(assembled.texts, { issued: options.issued });
  const ref = meta.issuedOn ?? (meta.issueYear ? `${meta.issueYear}-01-01` : undefined);
  for (const blank of meta.blanks) {
    warnings.push({
      line: blank.line,
      code: blank.field === 'number' ? 'blank-number' : 'blank-issue-date',
      params: { text: blank.text, ref: ref ?? '' },
      message:
        blank.field === 'number'
          ? `the plan's number is left blank ("${blank.text}"): it is recognised on re-import by issuer, kind and title`
          : `the issue date is left blank ("${blank.text}")${ref ? `: dates without a year are read from ${ref}` : ''}; give it with --issued YYYY-MM-DD`,
    });
  }
  const directory = new UnitDirectory(options.knownUnits ?? [], options.knownAliases ?? []);
  const issuerUnit = meta.issuer ? directory.resolve(meta.issuer.replace(/^Chủ tịch /u, '')) : undefined;

  const headings = assembled.tables.map((t) => readAppendixHeading(t.heading));
  const labels = headings.map((h) => h.label);
  const tasks: ImportedRow[] = [];
  const groups: ImportedRow[] = [];
  // Tables under numbered heading paragraphs ("1. Các nhiệm vụ ...", "2. ...") are sections, when at least two are.
  const headed = assembled.tables.map((t) => tableSection(t.heading));
  const sections = headed.filter(Boolean).length >= 2 ? headed : [];
  const tableReadings: TableReading[] = [];
  let ordinal = 0;
  // Responsibility cells repeat ("Văn phòng - Thống kê" on hundreds of rows): each is split once.
  const unitLists = new Map<string, string[]>();
  const unitList = (cell: string) => {
    let names = unitLists.get(cell);
    if (!names) unitLists.set(cell, (names = splitUnitList(cell)));
    return names;
  };
  // The deadline engine is pure: the same cell with the same reference date and context reads the same way.
  const schedules = new Map<string, Schedule>();
  const readDeadline = (raw: string, context: string): Schedule => {
    const key = `${raw}\u0000${context}`;
    let schedule = schedules.get(key);
    if (!schedule) {
      schedule = options.parseDeadline(stripLegalCitations(raw), { ...(ref ? { ref } : {}), ...(context ? { context } : {}) });
      schedules.set(key, schedule);
    }
    return schedule;
  };

  assembled.tables.forEach((table, index) => {
    const prefix = tablePrefix(assembled.tables, labels, index);
    const nodes = buildTree(table, prefix, warnings, sections[index]);
    const reading: TableReading = {
      line: table.headerLine,
      label: prefix || null,
      columns: table.columns.map(({ index, label, role, mapped }) => ({ index, label, role, ...(mapped ? { mapped } : {}) })),
      tasks: 0,
    };
    tableReadings.push(reading);
    const roles = new Set(table.columns.map((c) => c.role));
    const hasDeadlineColumn = roles.has('deadline');
    const hasResponsibility = RESPONSIBILITY_ROLES.some((r) => roles.has(r));
    const appendix = headings[index]?.responsibility;
    const effective = new Map<TreeNode, { units: UnitsByRole; inherited: ResponsibilityRole[]; deadline: TaskDeadline }>();

    const appendixUnit = appendix
      ? (() => {
          const key = unitKey(appendix.unit);
          // "ỦY BAN NHÂN DÂN XÃ" in the appendix title of a commune's plan is the issuer itself.
          if (issuerUnit && issuerUnit.key.startsWith(key) && !/\bcac\b/.test(key)) return issuerUnit.name;
          return directory.resolve(appendix.unit).name;
        })()
      : undefined;

    for (const node of nodes) {
      const parent = node.parent ? effective.get(node.parent) : undefined;
      const units: UnitsByRole = { monitor: [], lead: [], coordinate: [], execute: [] };
      const inherited: ResponsibilityRole[] = [];
      for (const role of RESPONSIBILITY_ROLES) {
        const own = unitList(node.text[role] ?? '').map((n) => directory.resolve(n).name);
        if (own.length) units[role] = [...new Set(own)];
        else if (roles.has(role)) {
          if (parent?.units[role].length) {
            units[role] = parent.units[role];
            inherited.push(role);
          }
        } else if (appendix && appendix.role === role && appendixUnit) {
          units[role] = [appendixUnit];
          inherited.push(role);
        } else if (!hasResponsibility && !appendix && role === 'execute' && issuerUnit) {
          units[role] = [issuerUnit.name];
          inherited.push(role);
        }
      }

      const ownRaw = (node.text.deadline ?? '').replace(/\n/g, ' ').trim();
      let deadline: TaskDeadline;
      const parentLimit = parent?.deadline.derived ? undefined : parent?.deadline;
      if (!hasDeadlineColumn || (!ownRaw && !parentLimit?.raw)) {
        deadline = { ...scheduleFromPeriod(meta.period), raw: meta.period.raw, derived: true };
      } else if (!ownRaw && parentLimit) {
        const { limit: _limit, inheritedFrom, ...rest } = parentLimit;
        deadline = { ...rest, inheritedFrom: inheritedFrom ?? node.parent!.path };
      } else {
        const context = [node.text.actions, node.text.target].filter(Boolean).join('\n');
        let schedule = readDeadline(ownRaw, context);
        const code = schedule.kind === 'unscheduled' ? (schedule as { code?: string }).code : undefined;
        if (schedule.kind === 'unscheduled' && (!code || code === 'not-understood' || code === 'empty')) {
          warnings.push({ line: node.line, code: 'deadline-unread', params: { deadline: ownRaw, path: node.path }, message: `deadline "${ownRaw}" of ${node.path} has no date or cadence (${schedule.reason})` });
        }
        let limit: TaskDeadline['limit'];
        const limitDue = parentLimit && limitDate(parentLimit);
        if (parentLimit?.raw && limitDue) {
          const bounded = applyLimit(schedule, limitDue);
          if (schedule.kind === 'once' && bounded !== schedule) {
            warnings.push({ line: node.line, code: 'deadline-after-group', params: { path: node.path, due: schedule.due, groupDue: limitDue }, message: `deadline of ${node.path} (${schedule.due}) is after its group's (${limitDue}); the group's applies` });
          }
          schedule = bounded;
          limit = { raw: parentLimit.raw, due: limitDue, path: parentLimit.inheritedFrom ?? node.parent!.path };
        }
        deadline = { ...schedule, raw: ownRaw, ...(limit ? { limit } : {}) };
      }
      effective.set(node, { units, inherited, deadline });
    }

    for (const node of nodes) {
      const e = effective.get(node)!;
      const row: ImportedRow = {
        code: node.code,
        path: node.path,
        title: node.title,
        target: node.text.target || null,
        actions: node.text.actions || null,
        deadline: e.deadline,
        units: e.units,
        inheritedRoles: e.inherited,
        parent: node.parent?.path ?? null,
        ordinal: ordinal++,
        line: node.line,
        extra: node.extra,
        details: Object.fromEntries(DETAIL_ROLES.filter((r) => node.text[r]).map((r) => [r, node.text[r]!])),
      };
      const isTask = !node.children.length || node.keepsTask;
      if (isTask) reading.tasks++;
      (isTask ? tasks : groups).push(row);
    }
  });

  return {
    plan: { ...meta, tables: assembled.tables.length },
    tables: tableReadings,
    rejected: assembled.rejected,
    tasks,
    groups,
    units: directory.units(),
    unitAliases: [...directory.aliases].map(([alias, key]) => ({ alias, unitKey: key })),
    warnings,
  };
}
