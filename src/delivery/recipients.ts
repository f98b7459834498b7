// Who receives which reminder of a task. Pure: the task's units and their officers in, recipients out.
import type { Audience, PlannedReminder } from '../reminders/plan-reminders.ts';

export type UnitRole = 'MONITOR' | 'LEAD' | 'COORDINATE' | 'EXECUTE';

export interface RecipientOfficer {
  officerId: number;
  role: 'OFFICER' | 'LEADER' | 'ADMIN';
  /** The chat this officer is reached on, or null when not linked (nothing is planned for them). */
  chatIdentityId: number | null;
  /** Absences (civil dates, both included) and whom they delegated to. */
  absences?: Absence[];
}

export interface Absence {
  from: string;
  to: string;
  delegate?: { officerId: number; chatIdentityId: number | null };
}

function absentOn(officer: RecipientOfficer, day: string): Absence | undefined {
  return officer.absences?.find((a) => a.from <= day && day <= a.to);
}

export interface TaskUnitOfficers {
  role: UnitRole;
  officers: RecipientOfficer[];
}

export interface Recipient {
  officerId: number;
  chatIdentityId: number;
}

/**
 * The assignees are the lead (chủ trì) unit's officers, or the executing (thực hiện)
 * unit's where the plan names no lead. Coordinating (phối hợp) units get only the first
 * reminder of each occurrence. Leaders of the assignee units get escalations; the
 * monitoring (theo dõi) unit's officers get the monitor escalation.
 */
export function recipientsFor(reminder: PlannedReminder, units: TaskUnitOfficers[], firstOfOccurrence: boolean, day?: string): Recipient[] {
  const of = (role: UnitRole) => units.filter((u) => u.role === role).flatMap((u) => u.officers);
  const lead = of('LEAD');
  const assignees = lead.length ? lead : of('EXECUTE');
  const byAudience: Record<Audience, RecipientOfficer[]> = {
    assignee: firstOfOccurrence ? [...assignees, ...of('COORDINATE')] : assignees,
    leader: assignees.filter((o) => o.role === 'LEADER'),
    monitor: of('MONITOR'),
  };
  const audience = day === undefined ? byAudience[reminder.audience] : coverAbsences(byAudience[reminder.audience], units, day);
  const seen = new Set<number>();
  const out: Recipient[] = [];
  for (const officer of audience) {
    if (officer.chatIdentityId === null || seen.has(officer.officerId)) continue;
    seen.add(officer.officerId);
    out.push({ officerId: officer.officerId, chatIdentityId: officer.chatIdentityId });
  }
  return out;
}

/**
 * Who stands in for the officers absent on `day`: the delegate they named (ủy quyền), else the
 * other officers of their unit who are present (with a linked chat), else the absent officer
 * still (better late than a reminder nobody gets).
 */
export function coverAbsences(officers: RecipientOfficer[], units: TaskUnitOfficers[], day: string): RecipientOfficer[] {
  const out: RecipientOfficer[] = [];
  for (const officer of officers) {
    const absence = absentOn(officer, day);
    if (!absence) {
      out.push(officer);
      continue;
    }
    if (absence.delegate?.chatIdentityId != null) {
      out.push({ officerId: absence.delegate.officerId, role: officer.role, chatIdentityId: absence.delegate.chatIdentityId });
      continue;
    }
    const colleagues = units
      .filter((u) => u.officers.some((o) => o.officerId === officer.officerId))
      .flatMap((u) => u.officers)
      .filter((o) => o.officerId !== officer.officerId && o.chatIdentityId !== null && !absentOn(o, day));
    out.push(...(colleagues.length ? colleagues : [officer]));
  }
  return out;
}

export function deliveryKey(taskId: number, reminder: Pick<PlannedReminder, 'occurrenceDue' | 'key'>, officerId: number): string {
  return `t${taskId}:${reminder.occurrenceDue}:${reminder.key}:o${officerId}`;
}
