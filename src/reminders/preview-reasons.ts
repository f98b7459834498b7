// Why a reminders preview is empty, from what it found: an admin reading "no reminders"
// needs to know whether the plan is missing, nobody is registered or linked, the tasks
// have no deadline, or the next reminder is simply later. Pure.

export interface PreviewFacts {
  /** Open tasks in scope (the unit's, or all). */
  openTasks: number;
  /** Of those, tasks whose deadline was not understood. */
  unscheduled: number;
  /** Active officers of the units with open tasks in scope. */
  officers: number;
  /** Of those, officers with a linked chat. */
  linked: number;
  /** The first reminder after the window, if any. */
  nextAfter?: Date;
}

export type EmptyReason =
  | { code: 'no-tasks' }
  | { code: 'no-officers'; tasks: number }
  | { code: 'none-linked' }
  | { code: 'unscheduled'; tasks: number }
  | { code: 'later'; at: Date }
  | { code: 'nothing-due' };

export function emptyPreviewReasons(f: PreviewFacts): EmptyReason[] {
  if (f.openTasks === 0) return [{ code: 'no-tasks' }];
  if (f.officers === 0) return [{ code: 'no-officers', tasks: f.openTasks }];
  const reasons: EmptyReason[] = [];
  if (f.linked === 0) reasons.push({ code: 'none-linked' });
  if (f.unscheduled > 0) reasons.push({ code: 'unscheduled', tasks: f.unscheduled });
  if (f.nextAfter) reasons.push({ code: 'later', at: f.nextAfter });
  if (!reasons.length) reasons.push({ code: 'nothing-due' });
  return reasons;
}
