// How a re-import's changes read for the person running it: which tasks are
// added, dropped, renumbered or reworded, and which of them carry officers' work.
import type { TranslateFn } from '../../messages/i18n.ts';
import type { PlanDiff } from '../../plans/task-matching.ts';
import { shorten } from '../text-table.ts';

const SHOWN = 15;
const cut = (text: string) => shorten(text, 70);

export function diffLines(planId: number, diff: PlanDiff, t: TranslateFn): string[] {
  const flag = (reported: boolean) => (reported ? ` ${t('cli-diff-reported')}` : '');
  const lines = [
    t('cli-diff-head', { plan: planId, added: diff.added.length, removed: diff.removed.length, renumbered: diff.renumbered.length, retitled: diff.retitled.length }),
  ];
  const list = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (!items.length) return;
    lines.push(`${title}:`, ...items.slice(0, SHOWN).map((i) => `  ${line(i)}`));
    if (items.length > SHOWN) lines.push(`  ${t('cli-diff-more', { count: items.length - SHOWN })}`);
  };
  list(t('cli-diff-added'), diff.added, (a) => `${a.path} "${cut(a.title)}"`);
  list(t('cli-diff-removed'), diff.removed, (r) => `${r.path} "${cut(r.title)}"${flag(r.reported)}`);
  list(t('cli-diff-renumbered'), diff.renumbered, (r) => `${r.from} → ${r.to} "${cut(r.title)}"${flag(r.reported)}`);
  list(t('cli-diff-retitled'), diff.retitled, (r) => `${r.path} "${cut(r.from)}" → "${cut(r.to)}"${flag(r.reported)}`);
  return lines;
}
