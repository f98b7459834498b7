// Report export benchmark (issue 14): generated plans of 1,000 and 10,000 tasks with an
// answer on every other task, exported for a year as .xlsx and as .docx, as `export` does
// it (the one read of tasks and history, the states, the model, the file). Time of each,
// and the process's peak resident memory sampled while it runs. In a database of its own.
import { calendarFromConfig } from '../src/cli/commands/calendar-from-config.ts';
import { createConfig } from '../src/config.ts';
import { createI18n, translator } from '../src/messages/i18n.ts';
import { openScratchDatabase } from './support/scratch-database.ts';
import { parsePlanFile } from '../src/plans/import-plan.ts';
import { loadUnitDirectory, writePlan } from '../src/plans/store/plan-writer.ts';
import { exportPlanReport, type ExportFormat } from '../src/reports/export-report.ts';
import { findPlans } from '../src/reports/export-query.ts';
import { parsePeriod } from '../src/reports/periods.ts';
import { generatedPlan } from './import.ts';

/** A plan larger than the real ones (Đồng Nai: 250 tasks), and the 10,000. */
const SIZES = [1_000, 10_000];

/** Peak RSS while `fn` runs, sampled every 20 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const start = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms: performance.now() - start, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function run(): Promise<void> {
  const config = createConfig();
  const scratch = await openScratchDatabase();
  const { prisma } = scratch;
  try {
    const calendar = calendarFromConfig(config);
    const t = translator(createI18n(), 'vi');
    const period = parsePeriod('year', { year: 2024, today: '2025-02-10' });
    const now = new Date('2025-02-10T03:00:00Z');
    for (const [i, size] of SIZES.entries()) {
      const parsed = await parsePlanFile(`generated-export-${size}.txt`, Buffer.from(generatedPlan(size, 777 + i)), await loadUnitDirectory(prisma));
      const { planId } = await writePlan(prisma, parsed);
      const unit = await prisma.unit.findFirstOrThrow();
      const officer = await prisma.officer.create({ data: { name: 'Nguyễn Văn Bench', unitId: unit.id } });
      await prisma.$executeRaw`
        INSERT INTO "StatusReport" ("taskId", "officerId", status, progress, note, "createdAt")
        SELECT id, ${officer.id}, 'IN_PROGRESS', 50, 'Đang triển khai, đã hoàn thành một nửa khối lượng', '2024-06-15 03:00:00'
        FROM "Task" WHERE "planId" = ${planId} AND NOT "isGroup" AND ordinal % 2 = 0`;
      const [plan] = await findPlans(prisma, String(planId));
      for (const format of ['xlsx', 'docx'] as ExportFormat[]) {
        const { value, ms, peakMb } = await measured(() => exportPlanReport({ plan: plan!, period, format }, { db: prisma, calendar, t, now }));
        console.log(`export: ${value.tasks} tasks as .${format}: ${ms.toFixed(0)} ms, ${(value.bytes.length / 1024).toFixed(0)} KB, peak RSS ${peakMb.toFixed(0)} MB`);
      }
    }
  } finally {
    await scratch.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
