// What counts as a leaked secret in test output: anything shaped like a bot token, a password
// inside a URL, and the fixed secrets the tests configure. The suite's global teardown runs
// this over every log line the suite wrote (test/helpers/test-log.ts).

/** Secrets the tests configure that have no recognisable shape of their own. */
export const TEST_WEBHOOK_SECRET = 'webhook-secret-0123456789abcdef';
export const TEST_ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

const PATTERNS: Array<[string, RegExp]> = [
  ['bot token', /\d{6,}:[A-Za-z0-9_-]{30,}/],
  ['URL password', /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:(?!\[redacted\]@|\*\*\*@)[^\s/@"']+@/i],
  ['webhook secret', new RegExp(TEST_WEBHOOK_SECRET)],
  ['admin token', new RegExp(TEST_ADMIN_TOKEN)],
];

export interface Leak {
  kind: string;
  line: number;
  /** The line with the secret itself cut out, so the report does not print it again. */
  excerpt: string;
}

export function findSecrets(text: string): Leak[] {
  const leaks: Leak[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [kind, re] of PATTERNS) {
      const m = re.exec(line);
      if (m) leaks.push({ kind, line: i + 1, excerpt: line.replace(m[0], `<${kind}>`).slice(0, 300) });
    }
  });
  return leaks;
}
