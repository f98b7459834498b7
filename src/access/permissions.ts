// Who may see and change what. Pure rules over plain data; the database queries that
// feed them (an officer's unit scope, a task's units) live in scope.ts.
//
// - An officer sees and answers the tasks where their own unit has a role.
// - A leader sees and answers the tasks of their unit and of the units below it (Unit.parentId).
// - An admin sees and answers everything.
// - An extension is decided by a leader of the task's lead unit (chủ trì) or an admin.
// - Group subscriptions are managed by group admins who are registered leaders or admins.

export type OfficerRoleName = 'OFFICER' | 'LEADER' | 'ADMIN';
export type TaskRoleName = 'MONITOR' | 'LEAD' | 'COORDINATE' | 'EXECUTE';

export interface Actor {
  id: number;
  role: OfficerRoleName;
  unitId: number;
  active: boolean;
}

export interface TaskUnitRole {
  unitId: number;
  role: TaskRoleName;
}

/** The units an actor acts for: 'all' for admins, else a set of unit ids. */
export type UnitScope = 'all' | ReadonlySet<number>;

export interface UnitNode {
  id: number;
  parentId: number | null;
}

/** Deepest unit tree we follow; a cycle in parentId data cannot loop forever. */
export const MAX_UNIT_DEPTH = 12;

/** The unit scope of an actor, given the unit tree (only needed for leaders). */
export function unitScopeOf(actor: Actor, units: readonly UnitNode[] = []): UnitScope {
  if (actor.role === 'ADMIN') return 'all';
  if (actor.role === 'OFFICER') return new Set([actor.unitId]);
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const scope = new Set<number>([actor.unitId]);
  let frontier = [actor.unitId];
  for (let depth = 0; depth < MAX_UNIT_DEPTH && frontier.length; depth++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const child of children.get(id) ?? []) {
        if (!scope.has(child)) {
          scope.add(child);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return scope;
}

export function inScope(scope: UnitScope, unitId: number): boolean {
  return scope === 'all' || scope.has(unitId);
}

/** May the actor see this task (its card, its status, its reports)? */
export function canSeeTask(actor: Actor, scope: UnitScope, taskUnits: readonly TaskUnitRole[]): boolean {
  if (!actor.active) return false;
  if (scope === 'all') return true;
  return taskUnits.some((tu) => scope.has(tu.unitId));
}

/** May the actor answer for this task (done, progress, blocked, extension request, snooze)? */
export function canAnswerTask(actor: Actor, scope: UnitScope, taskUnits: readonly TaskUnitRole[]): boolean {
  // Answering follows seeing: the officer's unit has a role, or the leader's units, or an admin.
  return canSeeTask(actor, scope, taskUnits);
}

/** May the actor approve or reject an extension of this task? */
export function canDecideExtension(actor: Actor, taskUnits: readonly TaskUnitRole[]): boolean {
  if (!actor.active) return false;
  if (actor.role === 'ADMIN') return true;
  if (actor.role !== 'LEADER') return false;
  return taskUnits.some((tu) => tu.role === 'LEAD' && tu.unitId === actor.unitId);
}

/** Leaders' commands (/overdue, /report) and group subscriptions. */
export function isLeaderOrAdmin(actor: Actor): boolean {
  return actor.active && (actor.role === 'LEADER' || actor.role === 'ADMIN');
}

/** May the actor subscribe a group to these units? Only group admins who are leaders or admins, for units in scope. */
export function canManageSubscription(actor: Actor, scope: UnitScope, isGroupAdmin: boolean, unitIds: readonly number[]): boolean {
  if (!isGroupAdmin || !isLeaderOrAdmin(actor)) return false;
  return unitIds.every((id) => inScope(scope, id));
}

const ROLE_WEIGHT: Record<TaskRoleName, number> = { LEAD: 4, EXECUTE: 3, COORDINATE: 2, MONITOR: 1 };

/** The strongest role the actor's scope holds on a task ("chủ trì" over "phối hợp"); undefined when none. */
export function roleOnTask(scope: UnitScope, taskUnits: readonly TaskUnitRole[], ownUnitId?: number): TaskRoleName | undefined {
  const own = ownUnitId === undefined ? [] : taskUnits.filter((tu) => tu.unitId === ownUnitId);
  const pool = own.length ? own : taskUnits.filter((tu) => scope === 'all' || scope.has(tu.unitId));
  let best: TaskRoleName | undefined;
  for (const tu of pool) if (!best || ROLE_WEIGHT[tu.role] > ROLE_WEIGHT[best]) best = tu.role;
  return best;
}

/**
 * May the actor demand an explanation (yêu cầu giải trình) of this task? An admin, or a leader
 * of a unit that leads, executes or monitors it (the monitoring office is who usually asks).
 */
export function canDemandExplanation(actor: Actor, taskUnits: readonly TaskUnitRole[]): boolean {
  if (!actor.active) return false;
  if (actor.role === 'ADMIN') return true;
  if (actor.role !== 'LEADER') return false;
  return taskUnits.some((tu) => tu.unitId === actor.unitId && (tu.role === 'LEAD' || tu.role === 'EXECUTE' || tu.role === 'MONITOR'));
}

/**
 * Who may bring a plan in through the chat: admins, and the officers of a monitoring unit
 * (đơn vị theo dõi: a unit some plan names to follow its tasks), the office that runs plans.
 */
export function mayImportPlans(actor: Actor, unitMonitorsPlans: boolean): boolean {
  if (!actor.active) return false;
  return actor.role === 'ADMIN' || unitMonitorsPlans;
}
