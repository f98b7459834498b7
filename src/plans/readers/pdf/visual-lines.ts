// Text pieces to what a reader sees: visual lines (pieces sharing a baseline,
// left to right), segments of a line (runs separated by a wide gap: columns,
// tab stops), and the paragraphs of a table cell rebuilt from its wrapped lines.

import { isSyllable, respace } from '../../vietnamese-syllables.ts';
import type { TextPiece } from './page-content.ts';

export interface VisualLine {
  pieces: TextPiece[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Largest font size on the line. */
  size: number;
}

function lineOf(pieces: TextPiece[]): VisualLine {
  pieces.sort((a, b) => a.x0 - b.x0);
  return {
    pieces,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    top: Math.min(...pieces.map((p) => p.top)),
    bottom: Math.max(...pieces.map((p) => p.bottom)),
    size: Math.max(...pieces.map((p) => p.size)),
  };
}

/** Pieces whose vertical extents overlap by at least half the smaller one are on one line. */
export function groupLines(pieces: readonly TextPiece[]): VisualLine[] {
  const sorted = [...pieces].sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const groups: Array<{ pieces: TextPiece[]; top: number; bottom: number }> = [];
  for (const p of sorted) {
    let home: (typeof groups)[number] | undefined;
    // Lines are met in order of their middle: only the last few can still overlap.
    for (let g = groups.length - 1; g >= 0 && g >= groups.length - 4; g--) {
      const line = groups[g]!;
      const overlap = Math.min(line.bottom, p.bottom) - Math.max(line.top, p.top);
      if (overlap >= 0.5 * Math.min(line.bottom - line.top, p.bottom - p.top)) {
        home = line;
        break;
      }
    }
    if (home) {
      home.pieces.push(p);
      home.top = Math.min(home.top, p.top);
      home.bottom = Math.max(home.bottom, p.bottom);
    } else groups.push({ pieces: [p], top: p.top, bottom: p.bottom });
  }
  return groups.map((g) => lineOf(insertDrawnApart(g.pieces))).sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/**
 * Letters drawn apart from their word: a converter whose font lacks "ỉ" or "ệ"
 * draws them later in a fallback font, and PDF.js reads the word around the gap
 * as one piece ("Ch tiêu" and "ỉ", "nhi m" and "ệ"). Each short piece lying
 * inside another is put back where it stands, in place of the gap's space
 * unless the letter ends a syllable (Vietnamese words are syllables: one vowel
 * group each).
 */
function insertDrawnApart(pieces: TextPiece[]): TextPiece[] {
  if (pieces.length < 2) return pieces;
  const sorted = [...pieces].sort((a, b) => a.x0 - b.x0);
  const out: TextPiece[] = [];
  for (const p of sorted) {
    const host = out.find((h) => h !== p && p.text.trim().length <= 3 && p.x0 > h.x0 + 0.5 && p.x1 <= h.x1 + 0.5);
    if (!host) {
      out.push({ ...p });
      continue;
    }
    const text = host.text;
    // The character where the letter stands, from the host's own measured width.
    let i = 0;
    while (i < text.length && host.x0 + widthIn(host, text.slice(0, i + 1)) <= p.x0 + (p.x1 - p.x0) / 2) i++;
    // The estimate can be a letter off: take the nearest place where the word around it reads as a Vietnamese syllable.
    host.text = placeLetter(text, p.text.trim(), closestReadable(text, p.text.trim(), i));
  }
  return out;
}

/** The host's text with the letter put at k; a gap's space it lands on is taken unless the letter ends a syllable. */
function placeLetter(text: string, letter: string, k: number): string {
  if (text[k] !== ' ') return text.slice(0, k) + letter + text.slice(k);
  // The gap's space is a real one when the letter ends a syllable: joined, the word would hold two vowel groups ("Chỉ tiêu").
  const before = /\S*$/u.exec(text.slice(0, k))?.[0] ?? '';
  const after = /^\S*/u.exec(text.slice(k + 1))?.[0] ?? '';
  const vowelGroups = (before + letter + after).normalize('NFD').toLowerCase().replace(/[^a-zđ]/gu, '').match(/[aeiouy]+/g)?.length ?? 0;
  return text.slice(0, k) + letter + (vowelGroups > 1 ? text.slice(k) : text.slice(k + 1));
}

/** Of the places near `at` for a letter, the one whose word around it is a syllable (ties: the nearest). */
function closestReadable(text: string, letter: string, at: number): number {
  const wordAt = (t: string, k: number) => {
    const start = t.lastIndexOf(' ', k - 1) + 1;
    const end = t.indexOf(' ', k);
    return t.slice(start, end < 0 ? t.length : end);
  };
  for (const k of [at, at + 1, at - 1, at + 2, at - 2]) {
    if (k < 0 || k > text.length) continue;
    const word = wordAt(`${text.slice(0, k)}${letter}${text.slice(k)}`, k);
    if (isSyllable(word.replace(/[^\p{L}]/gu, ''))) return k;
  }
  return at;
}

/** Pieces joined in order, with a space where the gap between them is wider than a thin space. */
export function lineText(pieces: readonly TextPiece[]): string {
  let out = '';
  let prev: TextPiece | undefined;
  for (const p of pieces) {
    if (prev && !/\s$/.test(out) && !/^\s/.test(p.text) && p.x0 - prev.x1 > 0.15 * Math.min(p.size, prev.size)) out += ' ';
    out += p.text;
    prev = p;
  }
  // Spaces a converter lost or added around letters it drew apart, mended by syllable ("Chỉsố", "ph ận").
  return respace(out.replace(/[\s\u00a0]+/g, ' ').trim());
}

/** A line cut where the gap between two pieces is wider than `gapEm` times the font size. */
export function segments(line: VisualLine, gapEm: number): VisualLine[] {
  const out: VisualLine[] = [];
  let run: TextPiece[] = [];
  for (const p of line.pieces) {
    const last = run[run.length - 1];
    if (last && p.x0 - last.x1 > gapEm * Math.min(p.size, last.size)) {
      out.push(lineOf(run));
      run = [];
    }
    run.push(p);
  }
  if (run.length) out.push(lineOf(run));
  return out;
}

/** A line that starts a list item of its own: "- ", "+ ", "• ", "1. ", "a) ". */
const ITEM_START = /^(?:[-+•–*]\s?\S|\d{1,2}[.)]\s|[a-zđ][.)]\s)/u;

/** Rough advance of a character in ems, as in the common text fonts (Times, Arial, DejaVu): enough to compare words. */
function charEms(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch;
  if (base === ' ') return 0.28;
  if (/[il.,;:'!|]/.test(base)) return 0.3;
  if (/[fjrt()[\]/\-]/.test(base)) return 0.38;
  if (/[mw]/.test(base)) return 0.85;
  if (/[MW]/.test(base)) return 0.95;
  if (/[A-ZĐ%]/u.test(base)) return 0.72;
  return 0.55;
}

const emsOf = (text: string) => [...text].reduce((n, ch) => n + charEms(ch), 0);

/** The width a text would take in a piece's font, from the piece's own measured width. */
function widthIn(piece: { text: string; x0: number; x1: number }, text: string): number {
  return ((piece.x1 - piece.x0) * emsOf(text)) / Math.max(0.1, emsOf(piece.text.trim()));
}

/**
 * A cell's wrapped lines back to its paragraphs: lines of one paragraph joined
 * with a space, paragraphs with "\n". A line ends its paragraph when the next
 * line's first word would have fitted in the room left on it (the writer broke
 * the line, not the wrapping), or when the next line starts a list item after a
 * line ending in punctuation or in a cell that is a list of "- " items. A lone
 * " - " is also a hyphen inside a name ("Tài chính - Kế hoạch") that the
 * wrapping may put first on a line.
 */
export function cellParagraphs(lines: readonly VisualLine[], innerWidth: number): string {
  let out = '';
  let prev: { line: VisualLine; text: string } | undefined;
  for (const line of lines) {
    const text = lineText(line.pieces);
    if (!text) continue;
    if (prev) {
      const room = innerWidth - (prev.line.x1 - prev.line.x0);
      // The first word, with the word after it when it is a lone list marker, and the space before it.
      const word = /^(?:[-+•–]\s+)?\S+/u.exec(text)?.[0] ?? text;
      const fits = widthIn(line.pieces[0]!, ` ${word}`) * 1.1 < room;
      // In a cell that is a list of "- " items, "- " and a capital or a digit starts the next item.
      const inList = /^[-–]\s/u.test(out) && /^[-–]\s+[\p{Lu}\d]/u.test(text);
      const item = ITEM_START.test(text) && (inList || /[.;:!?…]$/u.test(prev.text) || /^[•+*\d]/u.test(text) || /^[a-zđ][.)]/u.test(text));
      out += fits || item ? '\n' : ' ';
    }
    out += text;
    prev = { line, text };
  }
  return out;
}
