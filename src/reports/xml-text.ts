// Characters XML 1.0 cannot carry (a note pasted from a binary file, a lone surrogate):
// the .xlsx and .docx libraries write them as they are, and Excel or Word then calls the
// whole file corrupt. Dropped from every piece of text a report writes.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '');
}
