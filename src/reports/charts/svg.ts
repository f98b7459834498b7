// Small helpers for charts drawn as SVG text: escaping and shortening labels.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A label cut to `max` characters with an ellipsis: a unit name may run to a line of its own. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The font the charts are drawn in, shipped with the service (dejavu-fonts-ttf): Vietnamese diacritics included. */
export const CHART_FONT = 'DejaVu Sans';
