import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, dropDatabase, uniqueDatabaseName } from '../helpers/database.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { recordOutput } from '../helpers/test-log.ts';
import { startZaloStandIn } from '../helpers/zalo/stand-in.ts';

const databases: string[] = [];
let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis();
});
afterAll(async () => {
  for (const name of databases) await dropDatabase(name);
  await redis.cleanup();
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

/** Starts `npm start` on a fresh database and a free port; resolves once it logs its address. */
function startService(extraEnv: Record<string, string> = {}, args: string[] = []): Promise<Started> {
  const name = uniqueDatabaseName('nhacviec_t_svc');
  databases.push(name, `${name}_sandbox`);
  // Run node directly (not through npm) so the signal reaches the service itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl(name), REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix, HTTP_PORT: '0', LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: '', SANDBOX: 'off', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exit.then(() => recordOutput('service', out));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      const m = /"url":"(http:\/\/[^"]+)","msg":"service started"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out, exit });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then((code) => reject(new Error(`service exited with ${code}:\n${out}`)));
  });
}

describe('npm start', () => {
  it('migrates, reports ready on /readyz, and exits 0 on SIGTERM with nothing left open', async () => {
    const service = await startService();
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });

    service.child.kill('SIGTERM');
    // The process must end by itself: a dangling handle would keep it alive past this.
    const code = await Promise.race([service.exit, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
    expect(code).toBe(0);
    expect(service.output()).toContain('"msg":"stopped"');
    // The workers registered the recurring jobs under this run's queue prefix.
    const schedulers = await redis.redis.keys(`${redis.prefix}:maintenance:repeat:*`);
    expect(schedulers.length).toBeGreaterThanOrEqual(3);
  });

  it('without a Telegram token says what is missing and how to get one, and keeps serving', async () => {
    const service = await startService();
    expect(service.output()).toMatch(/TELEGRAM_BOT_TOKEN is not set.*@BotFather.*\/newbot/);
    const ready = await fetch(`${service.url}/readyz`);
    expect(await ready.json()).toMatchObject({ telegram: 'missing TELEGRAM_BOT_TOKEN' });
    service.child.kill('SIGINT');
    expect(await service.exit).toBe(0);
  });

  it('with a Zalo token: polls Zalo, answers a message there, and stops polling on SIGTERM', async () => {
    const zalo = await startZaloStandIn();
    try {
      const service = await startService({ ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot }, ['--role', 'bot']);
      const ready = await fetch(`${service.url}/readyz`);
      expect(await ready.json()).toMatchObject({ zalo: 'configured' });
      expect(zalo.callsTo('getMe')).toHaveLength(1);
      zalo.pushMessage({ chatId: 'zalo-stranger', text: 'xin chào' });
      const until = Date.now() + 10_000;
      while (!zalo.messagesTo('zalo-stranger').length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(zalo.messagesTo('zalo-stranger')[0]?.text).toContain('mã mời');
      service.child.kill('SIGTERM');
      const code = await Promise.race([service.exit, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
      expect(code, service.output()).toBe(0);
      expect(service.output()).toContain('"msg":"zalo polling started"');
      expect(service.output()).not.toContain(zalo.token.split(':')[1]);
      expect(zalo.violations).toEqual([]);
    } finally {
      await zalo.close();
    }
  });

  it('a second signal during shutdown is harmless', async () => {
    const service = await startService();
    service.child.kill('SIGTERM');
    service.child.kill('SIGTERM');
    const code = await Promise.race([service.exit, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(code, service.output()).toBe(0);
    expect(service.output().match(/"msg":"shutting down"/g)).toHaveLength(1);
  });

  const STARTUP_TOKEN = '123456789:AAstart-up-token-never-printed-0123';

  // A server that accepts connections and never answers: Telegram or Redis hanging.
  async function silentServer(): Promise<{ url: string; connected: Promise<void>; close(): void }> {
    const sockets: Socket[] = [];
    let onConnect!: () => void;
    const connected = new Promise<void>((r) => (onConnect = r));
    const server = createNetServer((socket) => {
      sockets.push(socket);
      onConnect();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return {
      url: `127.0.0.1:${port}`,
      connected,
      close: () => {
        for (const socket of sockets) socket.destroy();
        server.close();
      },
    };
  }

  async function signalWhileWaiting(env: Record<string, string>, hanging: { connected: Promise<void> }, args: string[]) {
    const name = uniqueDatabaseName('nhacviec_t_svc');
    databases.push(name);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl(name), REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix, HTTP_PORT: '0', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '60000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    const exit = new Promise<number | null>((r) => child.on('exit', r));
    void exit.then(() => recordOutput('service cut short', out));
    // A child that exits on its own (a refused variable) fails the test instead of hanging it.
    const first = await Promise.race([hanging.connected.then(() => 'waiting'), exit]);
    if (first !== 'waiting') return { code: first, out: `exited before waiting on the silent server:\n${out}` };
    child.kill('SIGTERM');
    const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    return { code, out };
  }

  it('a signal while Telegram does not answer ends start-up: open stores closed, exit 0', async () => {
    const telegram = await silentServer();
    try {
      const { code, out } = await signalWhileWaiting({ TELEGRAM_BOT_TOKEN: STARTUP_TOKEN, TELEGRAM_API_ROOT: `http://${telegram.url}` }, telegram, ['--role', 'bot']);
      expect(code, out).toBe(0);
      expect(out).toContain('"msg":"signal during start-up: stopping"');
      expect(out).toContain('"reason":"start-up stopped by SIGTERM"');
      expect(out).toContain('"msg":"stopped"');
      expect(out).not.toContain('service started');
      expect(out).not.toContain(STARTUP_TOKEN.split(':')[1]);
    } finally {
      telegram.close();
    }
  });

  it('a signal while Redis does not answer ends start-up', async () => {
    const fakeRedis = await silentServer();
    try {
      const { code, out } = await signalWhileWaiting({ TELEGRAM_BOT_TOKEN: '', REDIS_URL: `redis://${fakeRedis.url}` }, fakeRedis, ['--role', 'worker']);
      expect(code, out).toBe(0);
      expect(out).toContain('"msg":"signal during start-up: stopping"');
      expect(out).not.toContain('service started');
    } finally {
      fakeRedis.close();
    }
  });

  it('a bad variable stops start-up with one clear line and exit 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, WORK_HOURS: '9-5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^Invalid configuration: WORK_HOURS="9-5": expected HH:MM-HH:MM/);
  });

  it('with no token at all starts the sandbox: its address in the first lines, the chat page, a demo database apart', async () => {
    const port = await freePort();
    const service = await startService({ SANDBOX: 'auto', HTTP_PORT: String(port) });
    const firstLines = service.output().split('\n').slice(0, 3).join('\n');
    expect(firstLines).toMatch(/TELEGRAM_BOT_TOKEN is not set.*@BotFather.*\/newbot/);
    expect(firstLines).toContain(`Sandbox: open http://127.0.0.1:${port}/`);
    const page = await fetch(`${service.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('môi trường thử (sandbox)');
    const ready = await fetch(`${service.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', telegram: 'missing TELEGRAM_BOT_TOKEN', sandbox: `http://127.0.0.1:${port}/` });
    const people = (await (await fetch(`${service.url}/sandbox/api/people`)).json()) as { database: string; people: unknown[] };
    expect(people.database).toMatch(/_sandbox$/);
    expect(people.people).toHaveLength(4);
    // The Bot API answers only this run's token; another site may not drive the page's API.
    expect((await fetch(`${service.url}/sandbox/bot123:wrong/getMe`, { method: 'POST' })).status).toBe(401);
    const crossSite = await fetch(`${service.url}/sandbox/api/chats/710001/messages`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"text":"/tasks"}' });
    expect(crossSite.status).toBe(403);
    service.child.kill('SIGTERM');
    const code = await Promise.race([service.exit, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
    expect(code, service.output()).toBe(0);
  });

  it('--sandbox with a real token, or with another role, exits 2 saying why', async () => {
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: unknown; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--sandbox', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => resolve({ code, err }));
      });
    const withToken = await run([], { TELEGRAM_BOT_TOKEN: STARTUP_TOKEN });
    expect(withToken).toMatchObject({ code: 2 });
    expect(withToken.err).toContain('--sandbox cannot run while TELEGRAM_BOT_TOKEN is set');
    expect(withToken.err).not.toContain(STARTUP_TOKEN.split(':')[1]);
    const worker = await run(['--role', 'worker'], { TELEGRAM_BOT_TOKEN: '' });
    expect(worker).toMatchObject({ code: 2 });
    expect(worker.err).toContain('use it with --role all');
  });

  it('an unknown role exits 2 with a usage line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--role', 'chef'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.on('exit', r))).toBe(2);
    expect(err).toMatch(/unknown role "chef"\nusage: npm start -- \[--role all\|bot\|worker\|http\]/);
  });
});

/** A port free a moment ago (the service then binds it itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
