// The sandbox in a real browser: Debian's chromium driven by playwright-core (no browser
// download). Starts `src/main.ts --sandbox` on a free port with its own database and Redis
// prefix, then plays the officer and the leader through the page. Screenshots go to
// test/artifacts/sandbox/ (gitignored).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../helpers/database.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { recordOutput } from '../helpers/test-log.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = 'test/artifacts/sandbox';
const OFFICER = '710001';
const OTHER_OFFICER = '710002';
const LEADER = '710003';
const ADMIN = '710004';
/** Page conditions are polled by Playwright up to this long (a reminder goes through BullMQ). */
const WAIT_MS = 20_000;

if (!HAVE_CHROMIUM) console.warn(`sandbox browser test skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`);

describe.skipIf(!HAVE_CHROMIUM)('the sandbox chat page in chromium', () => {
  const name = uniqueDatabaseName('nhacviec_t_sbx');
  let redis: TestRedis;
  let service: { child: ChildProcess; url: string; output: () => string; exit: Promise<number | null> };
  let browser: Browser;

  beforeAll(async () => {
    redis = await createTestRedis();
    service = await startSandbox(name, redis);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (service) {
      service.child.kill('SIGTERM');
      const code = await Promise.race([service.exit, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
      recordOutput('sandbox service', service.output());
      expect(code, service.output()).toBe(0);
    }
    await dropDatabase(name);
    await dropDatabase(`${name}_sandbox`);
    await redis?.cleanup();
  }, 60_000);

  it('an officer gets a reminder, answers ✅ Hoàn thành with a file, and the leader sees the task done in /report', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(service.url);
    // The page says what it is and how to connect a real bot.
    await page.getByText('môi trường thử (sandbox)').waitFor();
    await page.getByText('Kết nối bot Telegram thật').click();
    await page.getByText('@BotFather').waitFor();

    // The officer of Văn phòng - Thống kê; a reminder planned and sent now.
    await page.getByLabel('Bạn là').selectOption(OFFICER);
    await page.getByRole('button', { name: '⏰ Nhắc ngay' }).click();
    await page.locator('#page-status', { hasText: 'Đã lập lời nhắc cho việc 1' }).waitFor({ timeout: WAIT_MS });
    const card = page.locator('li.msg.bot', { hasText: 'Rà soát, công khai thủ tục hành chính' }).filter({ has: page.getByRole('button', { name: '✅ Hoàn thành' }) }).last();
    await card.waitFor({ timeout: WAIT_MS });
    await shot(page, '1-officer-reminder');

    await card.getByRole('button', { name: '✅ Hoàn thành' }).click();
    // The bot records the answer and asks for evidence.
    await page.locator('li.msg.bot', { hasText: 'Gửi minh chứng nếu có' }).last().waitFor({ timeout: WAIT_MS });
    await shot(page, '2-officer-done');

    await page.locator('#file').setInputFiles({ name: 'bien-ban-niem-yet.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 sandbox evidence\n') });
    await page.locator('li.msg.me', { hasText: 'bien-ban-niem-yet.pdf' }).waitFor({ timeout: WAIT_MS });
    await page.locator('li.msg.bot', { hasText: 'Đã lưu minh chứng' }).waitFor({ timeout: WAIT_MS });
    await shot(page, '3-officer-evidence');

    // The leader's /report shows the task done.
    await page.getByLabel('Bạn là').selectOption(LEADER);
    await page.getByRole('button', { name: '/report' }).click();
    // This week's report: the unit's task due today counts as done on time.
    const report = page.locator('li.msg.bot', { hasText: 'Thống kê tuần' }).last();
    await report.filter({ hasText: /Văn phòng - Thống kê — \d+ nhiệm vụ\s+Hoàn thành đúng hạn: 1/ }).waitFor({ timeout: WAIT_MS });
    await shot(page, '4-leader-report');
    // Its "Quý này" button edits the same message into the quarter's report.
    await report.getByRole('button', { name: 'Quý này' }).click();
    await page.locator('li.msg.bot', { hasText: 'Thống kê quý' }).filter({ hasText: /Văn phòng - Thống kê — \d+ nhiệm vụ\s+Hoàn thành đúng hạn: 1/ }).waitFor({ timeout: WAIT_MS });
    await page.close();
  }, 90_000);

  it('an officer asks for an extension on a card, the admin approves it with a button, the officer is told', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(service.url);
    await page.getByLabel('Bạn là').selectOption(OTHER_OFFICER);
    await page.getByRole('button', { name: '⏰ Nhắc ngay' }).click();
    const planned = page.locator('#page-status', { hasText: 'Đã lập lời nhắc cho việc' });
    await planned.waitFor({ timeout: WAIT_MS });
    const code = /việc (\S+);/.exec((await planned.textContent()) ?? '')![1]!;
    const card = page.locator('li.msg.bot', { hasText: `${code}. ` }).filter({ has: page.getByRole('button', { name: '⏳ Xin gia hạn' }) }).last();
    await card.waitFor({ timeout: WAIT_MS });
    await card.getByRole('button', { name: '⏳ Xin gia hạn' }).click();
    await page.locator('li.msg.bot', { hasText: 'Xin gia hạn đến ngày nào?' }).waitFor({ timeout: WAIT_MS });
    const asked = dmyIn30Days();
    await page.getByRole('textbox', { name: 'Tin nhắn' }).fill(asked);
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.locator('li.msg.bot', { hasText: `Lý do xin gia hạn đến ${asked}` }).waitFor({ timeout: WAIT_MS });
    await page.getByRole('textbox', { name: 'Tin nhắn' }).fill('Chờ in biển niêm yết');
    await page.getByRole('button', { name: 'Gửi' }).click();
    // The card itself says the request went to be decided.
    await page.locator('li.msg.bot', { hasText: `Đã gửi đề nghị gia hạn đến ngày ${asked}` }).waitFor({ timeout: WAIT_MS });
    await shot(page, '5-officer-asks-extension');

    // No leader sits in the task's own unit, so the admin decides (the product's rule).
    await page.getByLabel('Bạn là').selectOption(ADMIN);
    const request = page.locator('li.msg.bot', { hasText: 'Đề nghị gia hạn' }).filter({ hasText: 'Chờ in biển niêm yết' }).last();
    await request.getByRole('button', { name: '✅ Đồng ý' }).click({ timeout: WAIT_MS });
    await page.locator('li.msg.bot', { hasText: `Đã đồng ý gia hạn đến ${asked}` }).waitFor({ timeout: WAIT_MS });
    await shot(page, '6-admin-approves-extension');

    await page.getByLabel('Bạn là').selectOption(OTHER_OFFICER);
    await page.locator('li.msg.bot', { hasText: `Lãnh đạo đã đồng ý gia hạn đến ${asked}` }).waitFor({ timeout: WAIT_MS });
    await shot(page, '7-officer-told');
    await page.close();
  }, 90_000);

  it('works at phone width and by keyboard: a typed /tasks is answered', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true });
    await page.goto(service.url);
    // Named for screen readers: the picker, the quick commands, the log, the file input.
    for (const [role, name] of [['combobox', 'Bạn là'], ['toolbar', 'Lệnh nhanh'], ['log', 'Tin nhắn'], ['button', 'Gửi']] as const) {
      await page.getByRole(role, { name, exact: true }).waitFor();
    }
    await page.getByLabel('Đính kèm tệp minh chứng').waitFor({ state: 'attached' });
    // The first Tab reaches the skip link, the next ones the picker.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Đến ô nhập tin nhắn');
    await page.getByLabel('Bạn là').selectOption(OFFICER);
    await page.getByRole('textbox', { name: 'Tin nhắn' }).focus();
    await page.keyboard.type('/tasks');
    await page.keyboard.press('Enter');
    await page.locator('li.msg.bot', { hasText: 'Nhiệm vụ đang mở' }).last().waitFor({ timeout: WAIT_MS });
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, '8-phone-tasks');
    await page.close();
  }, 60_000);
});

/** dd/mm/yyyy of 30 days from now in Hà Nội, as an officer types a date. */
function dmyIn30Days(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() + 30 * 86_400_000));
  return parts;
}

async function shot(page: Page, label: string) {
  await page.screenshot({ path: `${ARTIFACTS}/${label}.png`, fullPage: true });
}

function startSandbox(name: string, redis: TestRedis): Promise<{ child: ChildProcess; url: string; output: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--sandbox'], {
    env: { ...process.env, DATABASE_URL: databaseUrl(name), REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: '', ZALO_BOT_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${out}`)), 40_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      const m = /Sandbox ready: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out, exit });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then((code) => reject(new Error(`sandbox exited with ${code}:\n${out}`)));
  });
}
