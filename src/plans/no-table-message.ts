// What to tell a user whose file has no recognisable task table: the header
// rows seen (with where they are) and a `--columns` mapping to try, guessed
// from the words of each header cell.

import type { RejectedHeader } from './assemble-tables.ts';
import { fold } from './fold.ts';
import { labelMeaning, type UserRole } from './header-recognition.ts';

const SHOWN = 3;

/** A role to propose for one header cell: what it is recognised as, else a guess from its words. */
function guessRole(label: string): UserRole | undefined {
  const meaning = labelMeaning(label);
  switch (meaning) {
    case 'indicator-or-target':
      return 'target';
    case 'start':
      return 'extra';
    case undefined:
      break;
    default:
      return meaning;
  }
  const f = fold(label);
  if (/\b(ai|nguoi|don vi|co quan|phong|bo phan|phu trach|giao cho)\b/.test(f)) return 'lead';
  if (/\b(khi nao|ngay|han|thoi|bao gio|luc)\b/.test(f)) return 'deadline';
  if (/\b(viec|noi dung|ten|muc|hang muc|cong tac)\b/.test(f)) return 'task';
  return undefined;
}

/** A header cell as it can stand in `--columns` (no comma, "=" or line break inside). */
const asMappingLabel = (cell: string) => cell.replace(/[,=\n]/g, ' ').replace(/\s+/g, ' ').trim();

function proposal(header: RejectedHeader): string | undefined {
  const parts: string[] = [];
  let task = false;
  header.cells.forEach((cell) => {
    if (!cell || cell.length > 60) return;
    let role = guessRole(cell);
    if (role === 'task' || role === 'indicator') {
      if (task) return;
      task = true;
      role = 'task';
    }
    if (role && role !== 'extra' && role !== 'code') parts.push(`${asMappingLabel(cell)}=${role}`);
  });
  if (!task) {
    // No cell says "task": the first long-labelled cell after a code column is the likeliest.
    const candidate = header.cells.find((c) => c && c.length <= 60 && guessRole(c) === undefined);
    if (candidate) parts.unshift(`${asMappingLabel(candidate)}=task`);
  }
  return parts.length >= 2 ? parts.join(',') : undefined;
}

export function noTaskTableMessage(rejected: RejectedHeader[], unit: 'line' | 'row'): string {
  const expected =
    'no task table found: expected a header row with columns such as "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"';
  if (rejected.length === 0) return `${expected}, and none of the file's rows looks like a header`;
  const seen = rejected
    .slice(0, SHOWN)
    .map((h) => `  ${unit} ${h.line}: ${h.cells.filter(Boolean).map((c) => `"${c.replace(/\s+/g, ' ').slice(0, 40)}"`).join(' | ')}`);
  const best = [...rejected].sort((a, b) => b.cells.filter(Boolean).length - a.cells.filter(Boolean).length)[0]!;
  const mapping = proposal(best);
  return [
    `${expected}. Header rows seen:`,
    ...seen,
    mapping
      ? `Say which column is which, for example: --columns "${mapping}" (roles: task, target, lead, coordinate, monitor, execute, deadline, person, budget, document, notes, extra)`
      : 'Say which column is which with --columns "<header>=task,<header>=lead,<header>=deadline" (a column number works too: "2=task")',
  ].join('\n');
}
