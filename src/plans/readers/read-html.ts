// HTML (what mammoth makes of a .docx) to the table model: paragraphs outside
// tables are text; table cells keep their paragraphs and list items as lines;
// colspan/rowspan are copied into the positions they cover and marked merged.

import { Parser } from 'htmlparser2';
import type { MergedFrom, RawBlock, RawDocument } from '../table-model.ts';

const BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'br', 'tr']);

interface CellDraft {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export function readHtml(html: string): RawDocument {
  const blocks: RawBlock[] = [];
  let tableId = 0;
  let depth = 0; // table nesting
  let paragraph = '';
  let rows: CellDraft[][] = [];
  let row: CellDraft[] | undefined;
  let cell: CellDraft | undefined;
  let textLine = 0;
  let rowLine = 0;

  const flushParagraph = () => {
    const text = paragraph.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (text) blocks.push({ kind: 'text', text, line: ++textLine });
    paragraph = '';
  };

  const flushTable = () => {
    tableId++;
    // Lay the cells on a grid, honouring rowspan/colspan.
    const grid: Array<Array<{ text: string; merged?: MergedFrom } | undefined>> = [];
    rows.forEach((cells, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const draft of cells) {
        while (grid[r]![c]) c++;
        for (let dr = 0; dr < draft.rowSpan; dr++) {
          for (let dc = 0; dc < draft.colSpan; dc++) {
            grid[r + dr] ??= [];
            grid[r + dr]![c + dc] = { text: draft.text, merged: dc > 0 ? 'left' : dr > 0 ? 'above' : undefined };
          }
        }
        c += draft.colSpan;
      }
    });
    for (const cells of grid.slice(0, rows.length)) {
      const filled = Array.from({ length: cells.length }, (_, i) => cells[i] ?? { text: '' });
      blocks.push({
        kind: 'row',
        cells: filled.map((x) => x.text.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n').replace(/[ \t\u00a0]+/g, ' ').trim()),
        merged: filled.map((x) => x.merged),
        line: ++rowLine,
        tableId,
      });
    }
    rows = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'table') {
          if (depth === 0) flushParagraph();
          depth++;
          return;
        }
        if (depth === 1 && name === 'tr') row = [];
        else if (depth === 1 && (name === 'td' || name === 'th')) {
          cell = { text: '', colSpan: Math.max(1, Number(attrs.colspan) || 1), rowSpan: Math.max(1, Number(attrs.rowspan) || 1) };
        } else if (cell && BLOCK_TAGS.has(name)) {
          if (cell.text && !cell.text.endsWith('\n')) cell.text += '\n';
          if (name === 'li') cell.text += '- ';
        } else if (depth === 0 && BLOCK_TAGS.has(name)) flushParagraph();
      },
      ontext(text) {
        if (cell) cell.text += text;
        else if (depth === 0) paragraph += text;
      },
      onclosetag(name) {
        if (name === 'table') {
          depth--;
          if (depth === 0) flushTable();
          return;
        }
        if (depth === 1 && (name === 'td' || name === 'th') && cell && row) {
          row.push(cell);
          cell = undefined;
        } else if (depth === 1 && name === 'tr' && row) {
          rows.push(row);
          row = undefined;
        } else if (cell && BLOCK_TAGS.has(name)) {
          if (!cell.text.endsWith('\n')) cell.text += '\n';
        } else if (depth === 0 && BLOCK_TAGS.has(name)) flushParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flushParagraph();
  return { unit: 'row', blocks };
}
