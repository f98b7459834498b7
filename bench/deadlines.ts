// Deadline engine benchmark: parse throughput over a realistic mix of deadline texts,
// and reminder planning for 100,000 tasks. Targets (issue 4): > 100,000 texts/s; < 2 s.
import { createWorkingCalendar } from '../src/calendar/working-calendar.ts';
import { parseDeadline } from '../src/deadlines/parse-deadline.ts';
import type { Schedule } from '../src/deadlines/types.ts';
import { planReminders, type TaskStatus } from '../src/reminders/plan-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../src/reminders/policy-values.ts';

export const PARSE_TARGET_PER_SECOND = 100_000;
export const PLAN_TARGET_MS = 2_000;
const TASKS = 100_000;
const REF = '2024-10-15';

// Deadline cells as they occur in the sample plans (count of rows in ../shared/plans).
const PLAN_CELLS: Array<[string, number]> = [
  ['Thường xuyên', 238], ['31/12/2024', 20], ['Trước ngày 30/11/2024', 2], ['Trước ngày   30/11/2024', 4],
  ['Theo quy định', 3], ['Theo Kế hoạch tuyển dụng', 2], ['Theo thông báo kết quả kiểm tra', 3],
  ['Theo chế độ báo cáo định ký', 1], ['Quý IV năm 2024', 1], ['30/9/2024', 1], ['', 21],
];
// Other phrasings of the genre, each as frequent as a rare plan cell.
const OTHER_PHRASINGS = [
  'trước 17h00 ngày 20/11/2024', 'Quý I, 6 tháng, Quý III và báo cáo năm', 'Hàng quý, 06 tháng, cuối năm',
  'Thứ Sáu hằng tuần', 'trước ngày 10 hằng tháng', 'năm 2024 và những năm tiếp theo', 'giai đoạn 2023 - 2025',
  'đến năm 2025', 'trong năm 2024', 'Tháng 12/2024', 'Quý I/2025', '6 tháng đầu năm', 'hằng năm', 'đột xuất',
  'chậm nhất ngày 20/12/2024', 'ngày 05 tháng 01 năm 2025', 'từ 01/10/2024 đến 30/11/2024', 'trước ngày 15/12',
  'Theo Quyết định số 1847/QĐ-TTg ngày 27/12/2018', '31/02/2024', 'thường xuyên, liên tục', 'định kỳ 6 tháng',
  'Hoàn thành trong quý IV/2024', 'Từ tháng 3 đến tháng 6/2025', 'Tự bảo đảm chi thường xuyên trong năm 2025',
];

function realisticMix(): string[] {
  const mix: string[] = [];
  for (const [text, count] of PLAN_CELLS) for (let i = 0; i < count; i++) mix.push(text);
  for (const text of OTHER_PHRASINGS) for (let i = 0; i < 3; i++) mix.push(text);
  // Deterministic shuffle so branch prediction does not see a sorted stream.
  for (let i = mix.length - 1, seed = 7; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [mix[i], mix[j]] = [mix[j]!, mix[i]!];
  }
  return mix;
}

/** CPU milliseconds of this process: on a machine shared with other work, wall time overstates the cost. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en');

function measureParse(texts: string[], minMs = 1_000): { perSecond: number; perCpuSecond: number } {
  for (let i = 0; i < 20_000; i++) parseDeadline(texts[i % texts.length]!, { ref: REF }); // warm-up
  let count = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const t of texts) parseDeadline(t, { ref: REF });
    count += texts.length;
    elapsed = performance.now() - start;
  }
  return { perSecond: (count / elapsed) * 1000, perCpuSecond: (count / (cpuMs() - cpuStart)) * 1000 };
}

export async function run(): Promise<void> {
  const mix = realisticMix();
  const realistic = measureParse(mix);
  const varied = measureParse([...new Set([...PLAN_CELLS.map(([t]) => t), ...OTHER_PHRASINGS])]);
  console.log(`deadlines: parse, realistic mix (${mix.length} texts, plan frequencies): ${fmt(realistic.perSecond)} texts/s wall, ${fmt(realistic.perCpuSecond)} per CPU second (target > ${fmt(PARSE_TARGET_PER_SECOND)})`);
  console.log(`deadlines: parse, every distinct phrasing once: ${fmt(varied.perSecond)} texts/s wall, ${fmt(varied.perCpuSecond)} per CPU second`);

  const calendar = createWorkingCalendar({
    timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 },
  });
  const schedules: Schedule[] = mix.map((t) => parseDeadline(t, { ref: REF }));
  const statuses: TaskStatus[] = ['NOT_STARTED', 'NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'DONE'];
  const now = calendar.instantOn(REF, 9 * 60);
  const policy = { ...DEFAULT_REMINDER_POLICY };
  // Warm the calendar's year tables and the code paths.
  for (let i = 0; i < 2_000; i++) planReminders({ schedule: schedules[i % schedules.length]!, state: { status: 'NOT_STARTED' }, calendar, now, policy });

  let reminders = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  for (let i = 0; i < TASKS; i++) {
    reminders += planReminders({
      schedule: schedules[i % schedules.length]!,
      state: { status: statuses[i % statuses.length]! },
      calendar,
      // Tasks are planned at different moments of a working day, as the scheduler would.
      now: new Date(now.getTime() + (i % 480) * 60_000),
      policy,
    }).length;
  }
  const ms = performance.now() - start;
  const cpu = cpuMs() - cpuStart;
  console.log(`deadlines: reminder planning for ${fmt(TASKS)} tasks: ${fmt(ms)} ms wall, ${fmt(cpu)} ms CPU, ${fmt(reminders)} reminders (target < ${PLAN_TARGET_MS} ms)`);
}
