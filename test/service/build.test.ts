// `npm start` runs the service compiled to dist/ (no TypeScript compiler in the process),
// building it first whenever the sources are newer than the last build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../helpers/database.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

const databases: string[] = [];
let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis();
});
afterAll(async () => {
  for (const name of databases) await dropDatabase(name);
  await redis.cleanup();
});

function buildIfStale() {
  return spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { encoding: 'utf8' });
}

describe('the compiled build', () => {
  it('holds src/ and jobs/ as JavaScript with the files they read, and is not rebuilt while fresh', () => {
    // After npm ci there is no dist/ yet: this builds it (what npm start does first).
    expect(buildIfStale().status).toBe(0);
    for (const file of ['dist/src/main.js', 'dist/src/delivery/jobs/create-workers.js', 'dist/src/generated/prisma/client.js', 'dist/locales/vi/commands.ftl', 'dist/src/calendar/data/2026.json']) {
      expect(existsSync(file), file).toBe(true);
    }
    expect(readFileSync('dist/src/main.js', 'utf8')).toMatch(/from ["']\.\/config\.js["']/);
    const migrations = readFileSync('prisma/migrations/migration_lock.toml', 'utf8');
    expect(readFileSync('dist/prisma/migrations/migration_lock.toml', 'utf8')).toBe(migrations);

    const built = statSync('dist/.build-stamp').mtimeMs;
    const again = buildIfStale();
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(statSync('dist/.build-stamp').mtimeMs).toBe(built);
  }, 120_000);

  it('npm start runs dist/src/main.js, serves /healthz and stops on SIGTERM', async () => {
    const name = uniqueDatabaseName('nhacviec_t_build');
    databases.push(name);
    // Its own process group, so SIGTERM reaches npm, its shell and the service alike.
    const child = spawn('npm', ['start', '--', '--role', 'http'], {
      env: { ...process.env, DATABASE_URL: databaseUrl(name), REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix, HTTP_PORT: '0', LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    // "close": npm and the service have both exited and closed their output.
    const exit = new Promise<void>((resolve) => child.on('close', () => resolve()));
    try {
      const until = Date.now() + 60_000;
      let started: RegExpExecArray | null = null;
      while (!(started = /"pid":(\d+),[^\n]*"url":"(http:\/\/[^"]+)","msg":"service started"/.exec(out)) && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(started, out).not.toBeNull();
      const [, pid, url] = started!;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline).toContain('dist/src/main.js');
      expect(cmdline.join(' ')).not.toMatch(/tsx/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exit;
    }
    expect(out).toMatch(/"msg":"stopped"/);
  }, 90_000);
});
