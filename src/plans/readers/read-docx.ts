// .docx, the format plans are sent in: mammoth turns it into HTML (merged
// cells as colspan/rowspan), then the HTML reader makes the table model.

import mammoth from 'mammoth';
import type { RawDocument } from '../table-model.ts';
import { readHtml } from './read-html.ts';

export async function readDocx(buffer: Buffer): Promise<RawDocument> {
  const { value } = await mammoth.convertToHtml({ buffer });
  return readHtml(value);
}
