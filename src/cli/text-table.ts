// A plain-text table whose cells wrap at word boundaries inside fixed column widths,
// so a clerk reads every unit and deadline in a terminal instead of a truncated line.

import { shorten } from '../messages/html.ts';

export interface TableColumn {
  header: string;
  width: number;
}

/** Width as the terminal shows it: composed Vietnamese letters are one column each. */
export function textWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Lines of at most `width` columns, broken between words (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const words = text.normalize('NFC').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let word of words) {
    while (textWidth(word) > width) {
      if (current) {
        lines.push(current);
        current = '';
      }
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
    }
    if (!word) continue;
    if (!current) current = word;
    else if (textWidth(current) + 1 + textWidth(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

/** Shortens a text at a word boundary: shared with the chat's texts (messages/html.ts). */
export { shorten };

/** Each cell a string (wrapped) or several lines (each wrapped). */
export function renderTable(columns: TableColumn[], rows: Array<Array<string | string[]>>): string[] {
  const gap = '  ';
  const line = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) out.push(columns.map((col, k) => padEnd(cells[k]![i] ?? '', col.width)).join(gap).trimEnd());
    return out;
  };
  const cellLines = (cell: string | string[], width: number) => (Array.isArray(cell) ? cell : [cell]).flatMap((c) => wrapText(c, width));
  return [
    ...line(columns.map((c) => wrapText(c.header, c.width))),
    columns.map((c) => '-'.repeat(c.width)).join(gap),
    ...rows.flatMap((row) => line(columns.map((c, k) => cellLines(row[k] ?? '', c.width)))),
  ];
}
