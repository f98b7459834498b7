// Runs once before all test files: a template database with every migration applied, and
// a directory for every log line the suite writes. Names are unique per run, so two suites
// running at once never share or drop each other's.
// At the end, every log line is searched for secrets; a leak fails the run.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { databaseUrl, dropDatabase } from './helpers/database.ts';
import { findSecrets } from './helpers/secret-scan.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    logDir: string;
  }
}

function checkLogs(logDir: string): boolean {
  let lines = 0;
  let leaks = 0;
  for (const file of readdirSync(logDir)) {
    const text = readFileSync(join(logDir, file), 'utf8');
    lines += text.split('\n').length - 1;
    for (const leak of findSecrets(text)) {
      leaks++;
      console.error(`secret in test logs: ${leak.kind} at ${join(logDir, file)}:${leak.line}: ${leak.excerpt}`);
    }
  }
  if (leaks) {
    // Vitest does not fail a run for an error thrown here; the exit code does.
    process.exitCode = 1;
    console.error(`${leaks} secret(s) found in ${lines} log lines; the logs are kept in ${logDir}`);
    return false;
  }
  console.log(`log check: ${lines} log lines of the suite, no secret in any`);
  return true;
}

/** Files beside the repository that the tests read (CI keeps a copy of shared/ next to the clone). */
const SHARED_FIXTURES = ['../shared/telegram/bot-api-spec.json', '../shared/plans', '../shared/zalo/README.md'];

/** One clear line when they are missing, instead of every test that needs them failing its own way. */
function checkSharedFixtures(): void {
  const missing = SHARED_FIXTURES.filter((path) => !existsSync(path));
  if (missing.length) {
    throw new Error(`test fixtures missing: ${missing.join(', ')} (the tests read ../shared beside the repository: copy the shared folder next to this clone)`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  checkSharedFixtures();
  const template = `nhacviec_tpl_${randomBytes(4).toString('hex')}`;
  await migrate(databaseUrl(template));
  project.provide('templateDatabase', template);
  const logDir = mkdtempSync(join(tmpdir(), 'nhacviec-test-logs-'));
  project.provide('logDir', logDir);
  return async () => {
    await dropDatabase(template);
    if (checkLogs(logDir)) rmSync(logDir, { recursive: true, force: true });
  };
}
