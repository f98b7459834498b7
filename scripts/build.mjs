// Compiles the service (src/) to plain JavaScript in dist/, with the files it reads
// at run time beside it, so `npm start` runs no TypeScript compiler: tsx's loader thread cost
// the worker about 55 MB of memory. `npm start` runs this with --if-stale first, so a clean
// clone builds once and an edited checkout never starts old code.
//
//   node scripts/build.mjs             build now
//   node scripts/build.mjs --if-stale  build only when a source is newer than the last build
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const lock = join(root, '.dist-build.lock');
/** Read at run time through paths relative to the compiled module (import.meta.url). */
const ASSETS = ['locales', 'prisma/migrations', 'src/calendar/data', 'src/sandbox/public'];
/** Everything the build reads: a change to any of it makes dist/ stale. */
const INPUTS = ['src', ...ASSETS, 'tsconfig.json', 'tsconfig.build.json'];
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((input) => newestMtime(join(root, input)) > built);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One build at a time (two roles started together on a fresh checkout): mkdir is atomic. */
function withLock(fn) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function build() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    if (existsSync(join(dist, 'src/main.js'))) {
      console.error('build: TypeScript is not installed; starting the existing dist/, which may be older than the sources');
      return;
    }
    console.error('build: TypeScript is not installed and there is no dist/ to start; run npm ci first');
    process.exit(1);
  }
  console.error('build: compiling src/ to dist/');
  // A clean build: a source that was deleted leaves no module behind.
  rmSync(dist, { recursive: true, force: true });
  // The build's start time as the file system tells it (sources' mtimes come from the same
  // clock), not the process's clock, which may differ (a container, a faked test clock).
  mkdirSync(dist, { recursive: true });
  const marker = join(dist, '.build-started');
  writeFileSync(marker, '');
  const startedAt = statSync(marker).mtime;
  rmSync(marker);
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(dist, { recursive: true, force: true });
    console.error('build: tsc failed');
    process.exit(result.status ?? 1);
  }
  for (const asset of ASSETS) cpSync(join(root, asset), join(dist, asset), { recursive: true });
  // The stamp carries the build's start time, so a source saved during the build counts as newer.
  writeFileSync(stamp, `built ${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
}

if (process.argv.includes('--if-stale')) {
  if (isStale()) withLock(() => isStale() && build());
} else {
  withLock(build);
}
