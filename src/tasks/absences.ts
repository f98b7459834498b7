// Absences (nghỉ phép, đi công tác): recorded for an officer with the dates and, if named, the
// delegate (ủy quyền). Planning (scheduler/recipients.ts) sends the reminders of those days to
// the delegate or to the unit's other officers; they come back to the officer after.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { IsoDate } from '../deadlines/types.ts';
import { audit } from './audit.ts';
import { dbDateOf } from '../status/tracking-status.ts';

export class AbsenceError extends Error {
  override name = 'AbsenceError';
  constructor(readonly code: 'officer-not-found' | 'officer-inactive' | 'delegate-not-found' | 'delegate-inactive' | 'delegate-self' | 'dates-reversed', detail: string) {
    super(detail);
  }
}

export interface RecordedAbsence {
  id: number;
  officer: { id: number; name: string };
  delegate?: { id: number; name: string };
  from: IsoDate;
  to: IsoDate;
  /** Open tasks of the officer's unit, to plan again at once. */
  unitTaskIds: number[];
}

export async function recordAbsence(
  prisma: PrismaClient,
  input: { officerId: number; from: IsoDate; to: IsoDate; delegateId?: number; note?: string; createdBy: string; now: Date },
): Promise<RecordedAbsence> {
  if (input.to < input.from) throw new AbsenceError('dates-reversed', `${input.to} is before ${input.from}`);
  if (input.delegateId === input.officerId) throw new AbsenceError('delegate-self', 'an officer cannot delegate to themself');
  return prisma.$transaction(async (tx) => {
    const officer = await tx.officer.findUnique({ where: { id: input.officerId } });
    if (!officer) throw new AbsenceError('officer-not-found', `officer ${input.officerId}`);
    if (!officer.active) throw new AbsenceError('officer-inactive', `officer ${input.officerId}`);
    const delegate = input.delegateId === undefined ? undefined : await tx.officer.findUnique({ where: { id: input.delegateId } });
    if (input.delegateId !== undefined && !delegate) throw new AbsenceError('delegate-not-found', `officer ${input.delegateId}`);
    if (delegate && !delegate.active) throw new AbsenceError('delegate-inactive', `officer ${input.delegateId}`);
    const absence = await tx.absence.create({
      data: { officerId: officer.id, fromDate: dbDateOf(input.from), toDate: dbDateOf(input.to), delegateId: delegate?.id ?? null, note: input.note?.trim() || null, createdBy: input.createdBy, createdAt: input.now },
    });
    await audit(tx, { actor: input.createdBy, action: 'officer.absence', entityType: 'Officer', entityId: officer.id, data: { absenceId: absence.id, from: input.from, to: input.to, delegateId: delegate?.id ?? null } });
    const tasks = await tx.task.findMany({ where: { isGroup: false, status: { notIn: ['DONE', 'CANCELLED'] }, units: { some: { unitId: officer.unitId } } }, select: { id: true }, take: 1000 });
    return {
      id: absence.id,
      officer: { id: officer.id, name: officer.name },
      ...(delegate ? { delegate: { id: delegate.id, name: delegate.name } } : {}),
      from: input.from,
      to: input.to,
      unitTaskIds: tasks.map((t) => t.id),
    };
  });
}
