import { describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';

describe('the CLI', () => {
  it('--help lists every command and exits 0', async () => {
    const { code, stdout } = await runCliCapture(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: npm run -s cli -- <command>/);
    expect(stdout).toMatch(/^\s+db\s+database maintenance/m);
    expect(stdout).toMatch(/^\s+unit\s+the unit directory/m);
    expect(stdout).toMatch(/^\s+officer\s+.*officer list.*officer invite <id>.*officer deactivate <id>.*officer set-role <id> <role>/m);
  });

  it('--lang other than vi or en exits 2 saying so in both languages', async () => {
    const { code, stderr } = await runCliCapture(['unit', 'list', '--lang', 'fr']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --lang must be vi or en, not "fr" \(--lang phải là vi hoặc en\)\nusage: npm run -s cli -- unit list/);
  });

  it('no command prints the help and exits 2', async () => {
    const { code, stdout } = await runCliCapture([]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/Commands:/);
  });

  it('an unknown command exits 2 with a usage line', async () => {
    const { code, stderr } = await runCliCapture(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"\nusage: npm run -s cli -- <command>/);
  });

  it('bad arguments of a command exit 2 with its usage line', async () => {
    const missing = await runCliCapture(['db']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing subcommand\nusage: npm run -s cli -- db migrate/);
    const unknownFlag = await runCliCapture(['db', 'migrate', '--force']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--force/);
  });

  it('a bad configuration exits 2 naming the variable', async () => {
    const { code, stderr } = await runCliCapture(['db', 'migrate'], { env: { DATABASE_URL: 'nope' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Invalid configuration: DATABASE_URL/);
  });
});
