// When the service runs as a sandbox, and what changes then: pure decisions on the config.
import { isIP } from 'node:net';
import type { Config } from '../config.ts';

export const SANDBOX_SUFFIX = '_sandbox';

export type SandboxDecision = { sandbox: boolean } | { error: string };

/**
 * `--sandbox` asks for it; without the flag it starts by itself when no bot token at all is
 * set and this process runs every role (the sandbox needs the bot and the workers together).
 */
export function decideSandbox(config: Pick<Config, 'telegram' | 'zalo' | 'SANDBOX'>, role: string, flag: boolean): SandboxDecision {
  if (flag) {
    if (config.telegram.token) return { error: '--sandbox cannot run while TELEGRAM_BOT_TOKEN is set: the sandbox never stands in for a real bot' };
    if (role !== 'all') return { error: '--sandbox runs the bot and the workers in one process: use it with --role all' };
    return { sandbox: true };
  }
  if (config.SANDBOX === 'off') return { sandbox: false };
  return { sandbox: role === 'all' && !config.telegram.token && !config.zalo.token };
}

/** The demo database beside the configured one: `.../nhacviec` → `.../nhacviec_sandbox`. */
export function sandboxDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name.endsWith(SANDBOX_SUFFIX)) url.pathname = `/${encodeURIComponent(name + SANDBOX_SUFFIX)}`;
  return url.toString();
}

/**
 * The config the sandbox runs with: its own database and queue keys (the demo never mixes
 * with real data or real jobs), Telegram polling against the built-in API, Zalo off.
 */
export function sandboxConfig(config: Config): Config {
  return {
    ...config,
    DATABASE_URL: sandboxDatabaseUrl(config.DATABASE_URL),
    QUEUE_PREFIX: config.QUEUE_PREFIX.endsWith(SANDBOX_SUFFIX) ? config.QUEUE_PREFIX : config.QUEUE_PREFIX + SANDBOX_SUFFIX,
    BOT_MODE: 'polling',
    // A claim's TTL is measured on the (possibly fast) clock: it must still protect a real send this long.
    SEND_CLAIM_TTL_MS: config.SEND_CLAIM_TTL_MS * config.SANDBOX_FAST_CLOCK,
    ZALO_BOT_TOKEN: undefined,
    zalo: { ...config.zalo, token: undefined },
  };
}

/**
 * Names the sandbox answers to: loopback, the configured HTTP_HOST, or an IP address. Any other
 * DNS name is refused, so a site whose name is made to resolve to 127.0.0.1 (DNS rebinding)
 * cannot drive the sandbox from a visitor's browser.
 */
export function isAllowedHost(hostHeader: string | undefined, httpHost: string): boolean {
  if (!hostHeader) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === httpHost || isIP(hostname) !== 0;
}

/** Where a page on this address may be opened from: the service's own origin only. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
