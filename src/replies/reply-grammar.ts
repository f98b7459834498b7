// The short text replies that do everything a button does, in Vietnamese or English:
//   "xong 1.2", "1.2 xong", "1.2 50%", "tiến độ 1.2 50%", "đang làm 1.2",
//   "gia hạn 1.2 20/12/2024 [lý do]", "vướng 1.2 chờ kinh phí", "nhắc lại 1.2 [ngày]",
//   with the words people add: "xong việc 5 rồi", "gia hạn nhiệm vụ 5 đến ngày 25/12 vì ...",
//   "done 1.2", "1.2 50%", "extend 1.2 20/12/2024", "blocked 1.2 waiting for budget".
// Pure: the dates are read later by the deadline engine, the codes resolved against the database.
import { fold } from '../plans/fold.ts';

export type ReplyCommand =
  | { kind: 'done'; code: string; note?: string }
  | { kind: 'in-progress'; code: string; note?: string }
  | { kind: 'progress'; code: string; progress: number; note?: string }
  | { kind: 'blocked'; code: string; reason?: string }
  | { kind: 'extend'; code: string; dateText?: string; reason?: string }
  | { kind: 'snooze'; code: string; dateText?: string }
  /** A leader demands an explanation: "yêu cầu giải trình 1.2 [dd/mm/yyyy]". */
  | { kind: 'explain-ask'; code: string; dateText?: string }
  /** An officer explains: "giải trình 1.2 <text>". */
  | { kind: 'explain'; code: string; text?: string }
  /** The monitoring unit confirms a reported result: "xác nhận 1.2". */
  | { kind: 'confirm'; code: string }
  /** The monitoring unit returns it: "trả lại 1.2 <lý do>". */
  | { kind: 'return'; code: string; reason?: string };

type Kind = ReplyCommand['kind'];

/** Folded keyword word sequences, longest first within a kind. */
const KEYWORDS: Array<[Kind, string[]]> = [
  ['explain-ask', ['yeu', 'cau', 'giai', 'trinh']],
  ['explain-ask', ['ask', 'explanation']],
  ['explain', ['giai', 'trinh']],
  ['confirm', ['xac', 'nhan']],
  ['confirm', ['confirm']],
  ['return', ['tra', 'lai']],
  ['return', ['return']],
  ['explain', ['explain']],
  ['explain', ['explanation']],
  ['extend', ['xin', 'gia', 'han']],
  ['extend', ['gia', 'han']],
  ['extend', ['extend']],
  ['extend', ['extension']],
  ['in-progress', ['dang', 'thuc', 'hien']],
  ['in-progress', ['dang', 'lam']],
  ['in-progress', ['in', 'progress']],
  ['in-progress', ['doing']],
  ['progress', ['tien', 'do']],
  ['progress', ['progress']],
  ['done', ['da', 'hoan', 'thanh']],
  ['done', ['hoan', 'thanh']],
  ['done', ['da', 'xong']],
  ['done', ['xong']],
  ['done', ['done']],
  ['done', ['completed']],
  ['done', ['complete']],
  ['done', ['finished']],
  ['blocked', ['vuong', 'mac']],
  ['blocked', ['vuong']],
  ['blocked', ['kho', 'khan']],
  ['blocked', ['blocked']],
  ['blocked', ['stuck']],
  ['snooze', ['nhac', 'lai', 'sau']],
  ['snooze', ['nhac', 'lai']],
  ['snooze', ['nhac', 'sau']],
  ['snooze', ['snooze']],
  ['snooze', ['remind', 'later']],
];

/** Task codes as plans write them: "1", "1.2", "1.3.2", "2a", "II", "II.1". */
const CODE = /^(?:\d{1,3}(?:\.\d{1,3}){0,4}[a-z]?|[ivxlc]{1,6}(?:\.\d{1,3}){0,4})$/i;
const PERCENT = /^(\d{1,3})\s*%$/;
const DATE_TOKEN = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;

/** Longest replies we read; a longer text is stored as a note but not parsed further. */
export const MAX_REPLY_LENGTH = 20_000;

function matchKeyword(folded: string[], at: number): { kind: Kind; length: number } | undefined {
  for (const [kind, words] of KEYWORDS) {
    if (words.every((w, i) => folded[at + i] === w)) return { kind, length: words.length };
  }
  return undefined;
}

function cleanCode(word: string): string | undefined {
  const code = word.replace(/[.:,;]+$/, '');
  if (CODE.test(code)) return code;
  // "PL2·1.2", "PL2/1.2": the appendix and the code in one word.
  const m = /^(pl\d{1,2})[·/](.+)$/i.exec(code);
  return m && CODE.test(m[2]!) ? `${m[1]!.toUpperCase()} ${m[2]}` : undefined;
}

const APPENDIX = /^pl\d{1,2}$/i;

/** Words people put between the keyword and the code ("xong việc 5", "gia hạn nhiệm vụ 1.2"), folded. */
const BEFORE_CODE: string[][] = [['nhiem', 'vu'], ['viec'], ['nv'], ['task']];
/** Words before an extension's date ("gia hạn 5 đến 25/12", "đến ngày 25/12", "to 25/12"), folded. */
const BEFORE_DATE: string[][] = [['den', 'ngay'], ['toi', 'ngay'], ['den'], ['toi'], ['ngay'], ['to'], ['until']];
/** Words people put between the code and its percentage ("2 đã làm được 60%", "1.2 đạt khoảng 30%"), folded. */
const BEFORE_PERCENT = new Set(['da', 'lam', 'duoc', 'dat', 'khoang', 'tam', 'moi', 'chung', 'hien', 'nay', 'thuc', 'muc', 'tien', 'do']);
/** At most this many of them: a longer sentence is not read as a percentage. */
const MAX_BEFORE_PERCENT = 4;
/** A tail that only closes the sentence ("xong 1.2 rồi") is no note. */
const NO_NOTE = /^(?:rồi|roi|nhé|nhe|ạ|a)[.!]*$/i;

/** Where the words after any of these word sequences at `at` start (`at` when none is there). */
function skipWords(folded: string[], at: number, sequences: string[][]): number {
  const hit = sequences.find((words) => words.every((w, i) => folded[at + i] === w));
  return hit ? at + hit.length : at;
}

/** The code at `at`, with an appendix written before it ("PL2 1.2"); and where the words after it start. */
function readCode(words: Array<{ word: string }>, at: number): { code: string; next: number } | undefined {
  const first = words[at]?.word;
  if (!first) return undefined;
  const second = words[at + 1]?.word;
  if (APPENDIX.test(first) && second) {
    const code = cleanCode(second);
    if (code) return { code: `${first.toUpperCase()} ${code}`, next: at + 2 };
  }
  const code = cleanCode(first);
  return code ? { code, next: at + 1 } : undefined;
}

/** Parses a text reply; undefined when it is not one. Keeps the original spelling of notes. */
export function parseReply(input: string): ReplyCommand | undefined {
  const text = input.length > MAX_REPLY_LENGTH ? input.slice(0, MAX_REPLY_LENGTH) : input;
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('/')) return undefined;
  // Split into words but keep the tail verbatim (notes keep line breaks and spacing).
  const words: Array<{ word: string; start: number; end: number }> = [];
  for (const m of trimmed.matchAll(/\S+/g)) {
    words.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    if (words.length >= 12) break;
  }
  const folded = words.map((w) => fold(w.word).replace(/[.:,;!]+$/, ''));
  const tailFrom = (i: number) => (i < words.length ? trimmed.slice(words[i]!.start).trim() : '') || undefined;

  let kind: Kind | undefined;
  let code: string | undefined;
  let next: number;

  const leading = matchKeyword(folded, 0);
  if (leading) {
    kind = leading.kind;
    const at = skipWords(folded, leading.length, BEFORE_CODE);
    const read = readCode(words, at);
    code = read?.code;
    next = read?.next ?? at + 1;
  } else {
    // "việc 2 60%", "nhiệm vụ 1.2 xong": the word for a task before the code.
    const read = readCode(words, skipWords(folded, 0, BEFORE_CODE));
    if (!read) return undefined;
    code = read.code;
    const trailing = matchKeyword(folded, read.next);
    if (trailing) {
      kind = trailing.kind;
      next = read.next + trailing.length;
    } else {
      // "1.2 50%" or "1.2 50 %"
      kind = 'progress';
      next = read.next;
    }
  }
  if (!code) return undefined;

  switch (kind) {
    case 'done': {
      // "hoàn thành 60%" is 60% of it done; "xong 1.2 100%" is done. An ambiguous reading
      // ("xong 1.2 đạt 95% hồ sơ") errs towards progress: the card shows it, and a task marked
      // done by mistake would stop its reminders.
      const percent = readPercentAfter(words, folded, next);
      if (percent && percent.value < 100) return withNote({ kind: 'progress', code, progress: percent.value }, tailFrom(percent.next));
      return withNote({ kind, code }, tailFrom(percent?.next ?? next));
    }
    case 'in-progress': {
      const percent = readPercentAfter(words, folded, next);
      if (percent) return withNote({ kind: 'progress', code, progress: percent.value }, tailFrom(percent.next));
      return withNote({ kind, code }, tailFrom(next));
    }
    case 'progress': {
      const percent = readPercentAfter(words, folded, next);
      if (!percent) return undefined;
      return withNote({ kind, code, progress: percent.value }, tailFrom(percent.next));
    }
    case 'blocked': {
      const reason = tailFrom(next);
      return reason ? { kind, code, reason } : { kind, code };
    }
    case 'extend': {
      if (!words[next]) return { kind, code };
      // "20/12/2024 lý do" (after "đến", "đến ngày" ...), or a date in words ("ngày 20 tháng 12 năm 2024") taken whole.
      const at = skipWords(folded, next, BEFORE_DATE);
      const first = words[at]?.word;
      if (first && DATE_TOKEN.test(first.replace(/[.,;]+$/, ''))) {
        const reason = tailFrom(at + 1);
        return { kind, code, dateText: first.replace(/[,;]+$/, ''), ...(reason ? { reason } : {}) };
      }
      return { kind, code, dateText: tailFrom(next)! };
    }
    case 'snooze': {
      const dateText = tailFrom(next);
      return dateText ? { kind, code, dateText } : { kind, code };
    }
    case 'explain-ask': {
      const dateText = tailFrom(next);
      return dateText ? { kind, code, dateText } : { kind, code };
    }
    case 'explain': {
      const text = tailFrom(next);
      return text ? { kind, code, text } : { kind, code };
    }
    case 'confirm':
      return { kind, code };
    case 'return': {
      const reason = tailFrom(next);
      return reason ? { kind, code, reason } : { kind, code };
    }
  }
}

/** The percentage at `at`, or after a few words that lead to it ("đã làm được 60%"). */
function readPercentAfter(words: Array<{ word: string }>, folded: string[], at: number): { value: number; next: number } | undefined {
  for (let i = at; i <= at + MAX_BEFORE_PERCENT && i < words.length; i++) {
    const percent = readPercent(words, i);
    if (percent) return percent;
    if (!BEFORE_PERCENT.has(folded[i]!)) return undefined;
  }
  return undefined;
}

function readPercent(words: Array<{ word: string }>, at: number): { value: number; next: number } | undefined {
  const one = words[at]?.word;
  if (!one) return undefined;
  let m = PERCENT.exec(one);
  let next = at + 1;
  if (!m && /^\d{1,3}$/.test(one) && words[at + 1]?.word === '%') {
    m = PERCENT.exec(`${one}%`);
    next = at + 2;
  }
  if (!m) return undefined;
  const value = Number(m[1]);
  return value >= 0 && value <= 100 ? { value, next } : undefined;
}

function withNote<T extends { kind: Kind; code: string }>(cmd: T, note: string | undefined): T & { note?: string } {
  return note && !NO_NOTE.test(note) ? { ...cmd, note } : cmd;
}
