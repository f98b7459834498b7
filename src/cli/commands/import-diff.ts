// How a re-import's changes read for the person running it: which tasks are
// added, dropped, renumbered or reworded, and which of them carry officers' work.
import type { PlanDiff } from '../../plans/task-matching.ts';

const SHOWN = 15;
const flag = (reported: boolean) => (reported ? ' [has reports]' : '');
const cut = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

export function diffLines(planId: number, diff: PlanDiff): string[] {
  const lines = [
    `updates plan #${planId}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.renumbered.length} renumbered, ${diff.retitled.length} reworded`,
  ];
  const list = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (!items.length) return;
    lines.push(`${title}:`, ...items.slice(0, SHOWN).map((i) => `  ${line(i)}`));
    if (items.length > SHOWN) lines.push(`  … and ${items.length - SHOWN} more`);
  };
  list('added', diff.added, (a) => `${a.path} "${cut(a.title)}"`);
  list('removed', diff.removed, (r) => `${r.path} "${cut(r.title)}"${flag(r.reported)}`);
  list('renumbered', diff.renumbered, (r) => `${r.from} → ${r.to} "${cut(r.title)}"${flag(r.reported)}`);
  list('reworded', diff.retitled, (r) => `${r.path} "${cut(r.from)}" → "${cut(r.to)}"${flag(r.reported)}`);
  return lines;
}
