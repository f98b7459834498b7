// Chart benchmark (issue 14): the photo /report and the weekly summary send, at its largest
// (30 units, the most drawn, and the 8-week overdue trend), built as SVG and rendered to PNG
// by resvg. Time of the first render (the font files are read then) and of the next ones,
// the PNG's size and the process's peak resident memory. No database.
import { createI18n, translator } from '../src/messages/i18n.ts';
import { emptyCounts } from '../src/status/task-view.ts';
import { renderPng } from '../src/reports/charts/render-png.ts';
import { CHART_MAX_UNITS, reportChartSvg } from '../src/reports/charts/unit-progress.ts';

const RENDERS = 20;

export async function run(): Promise<void> {
  const t = translator(createI18n(), 'vi');
  const rows = Array.from({ length: CHART_MAX_UNITS }, (_, i) => ({
    unitName: `Phòng Văn hóa - Thông tin và các đơn vị số ${i + 1}`,
    counts: { ...emptyCounts(), 'done-on-time': 5 + (i % 7), 'done-late': i % 3, 'in-progress': 4 + (i % 5), 'open-in-time': 3, blocked: i % 2, 'open-overdue': i % 4 },
  }));
  const trend = { title: t('chart-title-overdue-trend', { weeks: 8 }), points: Array.from({ length: 8 }, (_, i) => ({ label: `${String(4 + i * 7).padStart(2, '0')}/11`, value: 10 + i * 3 })) };
  const chart = reportChartSvg(t, { title: 'Tiến độ theo đơn vị, quý 01/10/2024 – 31/12/2024', rows, trend })!;
  let peak = process.memoryUsage.rss();
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    let start = performance.now();
    const png = renderPng(chart.svg);
    const first = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < RENDERS; i++) renderPng(chart.svg);
    const each = (performance.now() - start) / RENDERS;
    peak = Math.max(peak, process.memoryUsage.rss());
    console.log(`chart: ${rows.length} units + 8-week trend, ${chart.width}×${chart.height} px, ${(png.length / 1024).toFixed(0)} KB PNG; first render ${first.toFixed(0)} ms, then ${each.toFixed(0)} ms each (${RENDERS}); peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    clearInterval(sample);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
