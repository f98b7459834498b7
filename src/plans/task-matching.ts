// Which stored task each row of a re-imported plan is. By content, never by
// position alone: a revised plan that inserts a task at the top renumbers every
// task below it, and matching by path would move each status, report and piece
// of evidence onto the task above. Pure: the writer gives the stored tasks.

import { fold } from './fold.ts';

export interface StoredTask {
  id: number;
  path: string;
  code: string;
  title: string;
  ordinal: number;
  /** Officers' work hangs on it: reports, extension requests, or a status other than not started. */
  reported: boolean;
}

export interface IncomingTask {
  path: string;
  code: string;
  title: string;
  ordinal: number;
}

export interface PlanDiff {
  added: Array<{ path: string; title: string }>;
  removed: Array<{ id: number; path: string; title: string; reported: boolean }>;
  /** Same task, another number ("2" is now "3"). */
  renumbered: Array<{ id: number; from: string; to: string; title: string; reported: boolean }>;
  /** Same place, or a close text: taken as the same task with its wording changed. */
  retitled: Array<{ id: number; path: string; from: string; to: string; reported: boolean }>;
}

export interface TaskMatch {
  /** Incoming path → the stored task's id. */
  idByPath: Map<string, number>;
  diff: PlanDiff;
}

/** Titles compared without case, tone marks, punctuation or spacing. */
function titleKey(title: string): string {
  return fold(title)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Share of words two titles have in common (Jaccard). */
function similarity(a: string, b: string): number {
  const wa = new Set(a.split(' ').filter(Boolean));
  const wb = new Set(b.split(' ').filter(Boolean));
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

/** Below this share of common words two texts elsewhere in the plan are two tasks, not one task reworded and moved. */
export const SAME_TASK_SIMILARITY = 0.5;
/** At the same place a lower share will do ("kế hoạch CCHC" → "kế hoạch cải cách hành chính"). */
export const SAME_PLACE_SIMILARITY = 0.3;
/** The pairwise search for reworded tasks runs only on what exact matching left, up to this many each side. */
const REWORDED_SEARCH_LIMIT = 2_000;

export function matchTasks(stored: StoredTask[], incoming: IncomingTask[]): TaskMatch {
  const idByPath = new Map<string, number>();
  const pairs: Array<[StoredTask, IncomingTask]> = [];
  const storedLeft = new Set(stored);
  const incomingLeft = new Set(incoming);
  const pair = (s: StoredTask, i: IncomingTask) => {
    pairs.push([s, i]);
    storedLeft.delete(s);
    incomingLeft.delete(i);
  };

  // 1. The same text, in document order (a text written twice keeps its order, wherever rows were inserted).
  const storedByTitle = new Map<string, StoredTask[]>();
  for (const s of [...stored].sort((a, b) => a.ordinal - b.ordinal)) {
    const key = titleKey(s.title);
    storedByTitle.set(key, [...(storedByTitle.get(key) ?? []), s]);
  }
  const incomingSorted = [...incoming].sort((a, b) => a.ordinal - b.ordinal);
  for (const i of incomingSorted) {
    if (!incomingLeft.has(i)) continue;
    const same = storedByTitle.get(titleKey(i.title))?.find((s) => storedLeft.has(s));
    if (same) pair(same, i);
  }
  // 2. The same place with a close text: reworded.
  const storedByPath = new Map([...storedLeft].map((s) => [s.path, s]));
  for (const i of incomingSorted) {
    if (!incomingLeft.has(i)) continue;
    const s = storedByPath.get(i.path);
    if (s && storedLeft.has(s) && similarity(titleKey(s.title), titleKey(i.title)) >= SAME_PLACE_SIMILARITY) pair(s, i);
  }
  // 3. Elsewhere with a close text: reworded and moved; the closest pairs first.
  if (storedLeft.size && incomingLeft.size && storedLeft.size <= REWORDED_SEARCH_LIMIT && incomingLeft.size <= REWORDED_SEARCH_LIMIT) {
    const candidates: Array<[number, StoredTask, IncomingTask]> = [];
    for (const s of storedLeft) {
      for (const i of incomingLeft) {
        const score = similarity(titleKey(s.title), titleKey(i.title));
        if (score >= SAME_TASK_SIMILARITY) candidates.push([score, s, i]);
      }
    }
    candidates.sort((a, b) => b[0] - a[0] || Math.abs(a[1].ordinal - a[2].ordinal) - Math.abs(b[1].ordinal - b[2].ordinal));
    for (const [, s, i] of candidates) if (storedLeft.has(s) && incomingLeft.has(i)) pair(s, i);
  }

  const diff: PlanDiff = { added: [], removed: [], renumbered: [], retitled: [] };
  for (const [s, i] of pairs) {
    idByPath.set(i.path, s.id);
    if (titleKey(s.title) !== titleKey(i.title)) diff.retitled.push({ id: s.id, path: i.path, from: s.title, to: i.title, reported: s.reported });
    else if (s.path !== i.path) diff.renumbered.push({ id: s.id, from: s.path, to: i.path, title: i.title, reported: s.reported });
  }
  for (const i of incomingSorted) if (incomingLeft.has(i)) diff.added.push({ path: i.path, title: i.title });
  for (const s of [...storedLeft].sort((a, b) => a.ordinal - b.ordinal)) diff.removed.push({ id: s.id, path: s.path, title: s.title, reported: s.reported });
  return { idByPath, diff };
}

/** Changes that would move or drop officers' work: they need the user's word. */
export function riskyChanges(diff: PlanDiff): { removed: PlanDiff['removed']; retitled: PlanDiff['retitled'] } {
  return { removed: diff.removed.filter((r) => r.reported), retitled: diff.retitled.filter((r) => r.reported) };
}
