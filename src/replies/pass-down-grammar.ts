// What follows "/giao" (or "/assign", or "giao" typed on Zalo):
//   <code> <target> [dd/mm[/yyyy]] [ghi chú]
// where the target is "#<officer id>" or a unit's name or alias ("Phòng Nội vụ"). A unit name
// has spaces, so where it ends is known only against the directory: without a date after it,
// the words are handed on whole and the caller takes the longest prefix that names a unit (the
// rest is the note). Pure: codes, units and dates are resolved later.
import { fold } from '../plans/fold.ts';

export type PassDownTarget = { kind: 'officer'; officerId: number } | { kind: 'unit'; words: string[]; noteFollows: boolean };

export interface PassDownCommand {
  code: string;
  target: PassDownTarget;
  dateText?: string;
  note?: string;
}

const CODE = /^(?:\d{1,3}(?:\.\d{1,3}){0,4}[a-z]?|[ivxlc]{1,6}(?:\.\d{1,3}){0,4})$/i;
const DATE_TOKEN = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?$/;
const OFFICER = /^#(\d{1,12})$/;
/** Longest text read; officers' notes are short. */
const MAX_LENGTH = 2_000;

/** The arguments of the command; undefined when they are not code + target. */
export function parsePassDownArgs(input: string): PassDownCommand | undefined {
  const text = input.slice(0, MAX_LENGTH).trim();
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index }));
  const tail = (i: number) => (i < words.length ? text.slice(words[i]!.start).trim() : '') || undefined;
  let at = 0;
  let code = words[0]?.word.replace(/[.:,;]+$/, '');
  if (code && /^pl\d{1,2}$/i.test(code) && words[1]) {
    code = `${code.toUpperCase()} ${words[1].word.replace(/[.:,;]+$/, '')}`;
    at = 1;
  }
  if (!code || !CODE.test(code.split(' ').at(-1)!)) return undefined;
  at++;
  const first = words[at]?.word;
  if (!first) return undefined;
  const officer = OFFICER.exec(first);
  if (officer) {
    const officerId = Number(officer[1]);
    if (officerId < 1 || officerId >= 2 ** 31) return undefined;
    return withDateAndNote({ code, target: { kind: 'officer', officerId } }, words, at + 1, tail);
  }
  const dateAt = words.findIndex((w, i) => i > at && DATE_TOKEN.test(w.word.replace(/[,;]+$/, '')));
  if (dateAt > at) {
    const note = tail(dateAt + 1);
    return { code, target: { kind: 'unit', words: words.slice(at, dateAt).map((w) => w.word), noteFollows: false }, dateText: words[dateAt]!.word.replace(/[,;]+$/, ''), ...(note ? { note } : {}) };
  }
  return { code, target: { kind: 'unit', words: words.slice(at).map((w) => w.word), noteFollows: true } };
}

function withDateAndNote(cmd: PassDownCommand, words: Array<{ word: string }>, at: number, tail: (i: number) => string | undefined): PassDownCommand {
  const next = words[at]?.word.replace(/[,;]+$/, '');
  if (next && DATE_TOKEN.test(next)) {
    const note = tail(at + 1);
    return { ...cmd, dateText: next, ...(note ? { note } : {}) };
  }
  const note = tail(at);
  return note ? { ...cmd, note } : cmd;
}

/** A typed message "giao 1.2 …" / "assign 1.2 …" (Zalo, or Telegram without the slash): its arguments. */
export function parsePassDownText(input: string): PassDownCommand | undefined {
  const m = /^\s*\/?(\S+)\s+([\s\S]*)$/.exec(input.slice(0, MAX_LENGTH));
  if (!m || !['giao', 'assign'].includes(fold(m[1]!))) return undefined;
  return parsePassDownArgs(m[2]!);
}

/**
 * The split of a target's words into the unit and the note: the longest prefix `isUnit` accepts.
 * Undefined when no prefix names a unit.
 */
export function splitUnitWords(target: Extract<PassDownTarget, { kind: 'unit' }>, isUnit: (name: string) => boolean): { unitName: string; note?: string } | undefined {
  const last = target.noteFollows ? 1 : target.words.length;
  for (let n = target.words.length; n >= last; n--) {
    const unitName = target.words.slice(0, n).join(' ');
    if (isUnit(unitName)) {
      const note = target.words.slice(n).join(' ').trim();
      return note ? { unitName, note } : { unitName };
    }
  }
  return undefined;
}
