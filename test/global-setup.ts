// Runs once before all test files: a template database with every migration applied.
// Its name is unique per run, so two suites running at once never share or drop each other's.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { databaseUrl, dropDatabase } from './helpers/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `nhacviec_tpl_${randomBytes(4).toString('hex')}`;
  await migrate(databaseUrl(template));
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(template);
  };
}
