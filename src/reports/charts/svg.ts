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

/** Charts drawn one below the other in one image (one photo to send); each keeps its own layout, moved down by the heights above it. */
export function stackCharts(charts: Array<{ svg: string; width: number; height: number }>): { svg: string; width: number; height: number; offsets: number[] } {
  const width = Math.max(...charts.map((c) => c.width));
  const offsets: number[] = [];
  let height = 0;
  for (const c of charts) {
    offsets.push(height);
    height += c.height;
  }
  const inner = charts.map((c, i) => c.svg.replace(/^<svg /, `<svg x="0" y="${offsets[i]}" `));
  return {
    svg: [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, `<rect width="100%" height="100%" fill="#ffffff"/>`, ...inner, '</svg>'].join('\n'),
    width,
    height,
    offsets,
  };
}
