// What a PDF page holds for the reader: its text pieces and its ruling lines,
// in page coordinates (points, origin at the top left, y down, the page's
// rotation applied). Text comes from pdf.js's text content; rules from its
// operator list: stroked straight segments and thin filled rectangles (how
// Word and most converters draw cell borders), with the transformation matrix
// followed through save/restore, cm and form XObjects.

import type { OPS as PdfOps, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextPiece {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size in points. */
  size: number;
}

/** A horizontal or vertical line: `at` is its y (horizontal) or x (vertical); it runs from `from` to `to`. */
export interface Rule {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  width: number;
  height: number;
  pieces: TextPiece[];
  rules: Rule[];
}

export type Matrix = [number, number, number, number, number, number];

/** m1 ∘ m2: apply m2, then m1 (pdf.js's Util.transform). */
export function compose(m1: Matrix, m2: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m2 as Matrix;
  return [m1[0] * a + m1[2] * b, m1[1] * a + m1[3] * b, m1[0] * c + m1[2] * d, m1[1] * c + m1[3] * d, m1[0] * e + m1[2] * f + m1[4], m1[1] * e + m1[3] * f + m1[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A stroke or a filled bar at most this thick is a rule; thicker fills are shading. */
const MAX_RULE_THICKNESS = 3;
/** Shorter segments are ticks, dashes or glyph-like drawings, not cell borders. */
const MIN_RULE_LENGTH = 3;
/** How far from axis-aligned a segment may be, in points over its length. */
const SKEW = 0.5;

const WHITE = /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i;

/** Ruling lines from the page's drawing operators, in page coordinates. */
export function rulesFromOperators(fnArray: number[], argsArray: unknown[], OPS: typeof PdfOps, view: Matrix, pageWidth: number, pageHeight: number): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fill = '#000000';
  let stroke = '#000000';
  let lineWidth = 1;
  const stack: Array<{ ctm: Matrix; fill: string; stroke: string; lineWidth: number }> = [];
  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

  const inPage = (r: Rule) => r.to - r.from >= MIN_RULE_LENGTH && r.at >= -1 && r.at <= (r.horizontal ? pageHeight : pageWidth) + 1;
  const addSegment = (m: Matrix, x1: number, y1: number, x2: number, y2: number) => {
    const [ax, ay] = apply(m, x1, y1);
    const [bx, by] = apply(m, x2, y2);
    const rule: Rule | undefined =
      Math.abs(ay - by) <= SKEW
        ? { horizontal: true, at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) }
        : Math.abs(ax - bx) <= SKEW
          ? { horizontal: false, at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) }
          : undefined;
    if (rule && inPage(rule)) rules.push(rule);
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, fill, stroke, lineWidth });
        break;
      case OPS.restore: {
        const top = stack.pop();
        if (top) ({ ctm, fill, stroke, lineWidth } = top);
        break;
      }
      case OPS.transform:
        ctm = compose(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, fill, stroke, lineWidth });
        if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = compose(ctm, Array.from(args[0] as ArrayLike<number>));
        break;
      case OPS.paintFormXObjectEnd: {
        const top = stack.pop();
        if (top) ({ ctm, fill, stroke, lineWidth } = top);
        break;
      }
      case OPS.setLineWidth:
        lineWidth = Number(args?.[0]) || 0;
        break;
      case OPS.setFillRGBColor:
        fill = String(args?.[0] ?? '#000000');
        break;
      case OPS.setStrokeRGBColor:
        stroke = String(args?.[0] ?? '#000000');
        break;
      case OPS.constructPath: {
        const paint = args?.[0] as number;
        const data = (args?.[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
        if (!data) break;
        const m = compose(view, ctm);
        // A stroke's width in page units: thick strokes are drawings, not borders.
        const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
        const stroked = STROKES.has(paint) && !WHITE.test(stroke) && lineWidth * scale <= MAX_RULE_THICKNESS;
        const filled = FILLS.has(paint) && !WHITE.test(fill);
        if (!stroked && !filled) break;
        rulesFromPath(data, m, stroked, filled, addSegment, rules, inPage);
        break;
      }
      default:
        break;
    }
  }
  return rules;
}

/** Walks pdf.js's flattened path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function rulesFromPath(
  data: ArrayLike<number>,
  m: Matrix,
  stroked: boolean,
  filled: boolean,
  addSegment: (m: Matrix, x1: number, y1: number, x2: number, y2: number) => void,
  rules: Rule[],
  inPage: (r: Rule) => boolean,
): void {
  let sub: Array<[number, number]> = [];
  let straight = true;
  const endSubpath = () => {
    if (filled && straight && sub.length >= 2) {
      // A thin filled bar (a rectangle drawn with re or four lineTo) is a rule along its long side.
      const pts = sub.map(([x, y]) => apply(m, x, y));
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const axisAligned = pts.every((p, k) => {
        const q = pts[(k + 1) % pts.length]!;
        return Math.abs(p[0] - q[0]) <= SKEW || Math.abs(p[1] - q[1]) <= SKEW;
      });
      if (axisAligned) {
        const rule: Rule | undefined =
          y1 - y0 <= MAX_RULE_THICKNESS && x1 - x0 > y1 - y0
            ? { horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 }
            : x1 - x0 <= MAX_RULE_THICKNESS && y1 - y0 > x1 - x0
              ? { horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 }
              : undefined;
        if (rule && inPage(rule)) rules.push(rule);
      }
    }
    sub = [];
    straight = true;
  };
  let i = 0;
  let cx = 0;
  let cy = 0;
  let startX = 0;
  let startY = 0;
  while (i < data.length) {
    const op = data[i++]!;
    if (op === 0) {
      endSubpath();
      cx = startX = data[i++]!;
      cy = startY = data[i++]!;
      sub.push([cx, cy]);
    } else if (op === 1) {
      const x = data[i++]!;
      const y = data[i++]!;
      if (stroked) addSegment(m, cx, cy, x, y);
      cx = x;
      cy = y;
      sub.push([cx, cy]);
    } else if (op === 2) {
      i += 4;
      cx = data[i++]!;
      cy = data[i++]!;
      straight = false;
      sub.push([cx, cy]);
    } else if (op === 3) {
      i += 2;
      cx = data[i++]!;
      cy = data[i++]!;
      straight = false;
      sub.push([cx, cy]);
    } else if (op === 4) {
      if (stroked && (cx !== startX || cy !== startY)) addSegment(m, cx, cy, startX, startY);
      cx = startX;
      cy = startY;
    } else {
      break; // unknown drawing op: stop reading this path rather than misread it
    }
  }
  endSubpath();
}

/** One page's text pieces and rules. */
export async function readPageContent(page: PDFPageProxy, OPS: typeof PdfOps, annotationModeDisable: number): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const t = compose(view, item.transform as number[]);
    // Text direction and "up" in page space; the glyph box runs from 0.2 em below the baseline to 0.8 em above it.
    const size = Math.hypot(t[2], t[3]) || item.height || 1;
    const dirLen = Math.hypot(t[0], t[1]) || 1;
    const dx = t[0] / dirLen;
    const dy = t[1] / dirLen;
    const ux = t[2] / size;
    const uy = t[3] / size;
    const scaleW = Math.hypot(view[0], view[1]) || 1;
    const w = item.width * scaleW;
    const corners = [
      [t[4] - ux * 0.2 * size, t[5] - uy * 0.2 * size],
      [t[4] + ux * 0.8 * size, t[5] + uy * 0.8 * size],
      [t[4] + dx * w - ux * 0.2 * size, t[5] + dy * w - uy * 0.2 * size],
      [t[4] + dx * w + ux * 0.8 * size, t[5] + dy * w + uy * 0.8 * size],
    ];
    const xs = corners.map((c) => c[0]!);
    const ys = corners.map((c) => c[1]!);
    const piece = { text: item.str, x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), size };
    // Text outside the visible page is not part of the document as read.
    if (piece.x1 < 0 || piece.x0 > viewport.width || piece.bottom < 0 || piece.top > viewport.height) continue;
    pieces.push(piece);
  }
  const ops = await page.getOperatorList({ annotationMode: annotationModeDisable });
  const rules = rulesFromOperators(ops.fnArray, ops.argsArray, OPS, view, viewport.width, viewport.height);
  return { width: viewport.width, height: viewport.height, pieces, rules };
}
