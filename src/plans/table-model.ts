// The one model every reader produces: the document as a sequence of text
// lines and table rows, in reading order. Readers only transcribe; knowing what
// a row means (header, continuation, task) is the job of assemble-tables.ts.

/** How a cell position was filled by a merged cell of the original document. */
export type MergedFrom = 'left' | 'above';

export interface RawRow {
  kind: 'row';
  /** Cell texts; a merged cell's text is copied into every position it covers. */
  cells: string[];
  /** Per position: undefined for a cell of its own, or where a merged cell came from. */
  merged?: Array<MergedFrom | undefined>;
  /** 1-based line of the source text, or row number of a sheet / table. */
  line: number;
  /** Rows of the same source table share an id (docx/xlsx/html); text layouts leave it undefined. */
  tableId?: number;
}

export interface RawText {
  kind: 'text';
  text: string;
  line: number;
}

export type RawBlock = RawRow | RawText;

export interface RawDocument {
  /** Where line numbers point: "line" for text, "row" for sheets and tables. */
  unit: 'line' | 'row';
  blocks: RawBlock[];
}
