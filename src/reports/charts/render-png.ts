// SVG to PNG on the server, without a browser: resvg (Rust, prebuilt for the platform and
// installed from npm) with the DejaVu Sans font shipped as a dependency, so Vietnamese
// diacritics render the same on every machine and no system font is looked up.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT } from './svg.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const CHART_FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
