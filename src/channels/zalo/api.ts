// A small client of the Zalo Bot Platform's HTTP API (POST JSON to <root>/bot<token>/<method>,
// answers {ok, result} or {ok: false, error_code, description}). Written here because no
// maintained Node client exists for it; it holds only the methods the adapter uses.
// Errors never carry the request URL: it contains the bot token.

export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed: ${code} ${description}`);
  }
}

/** The request did not get an answer (refused, reset, timed out). */
export class ZaloNetworkError extends Error {
  override name = 'ZaloNetworkError';
  constructor(readonly method: string, cause: string) {
    super(`Zalo ${method}: no answer (${cause})`);
  }
}

export interface ZaloMe {
  id: string;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
}

export interface ZaloSent {
  message_id: string;
  date?: number;
}

export interface ZaloApiOptions {
  token: string;
  apiRoot: string;
  /** Ceiling of one request; long polls add their own timeout to it. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createZaloApi(options: ZaloApiOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.apiRoot.replace(/\/+$/, '')}/bot${options.token}`;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call<T>(method: string, body: Record<string, unknown>, extra: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    const timeout = AbortSignal.timeout(extra.timeoutMs ?? timeoutMs);
    const signal = extra.signal ? AbortSignal.any([timeout, extra.signal]) : timeout;
    let response: Response;
    try {
      response = await doFetch(`${base}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
    } catch (err) {
      // fetch's own message can quote the URL; keep only the cause's name and code.
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new ZaloNetworkError(method, cause);
    }
    let payload: { ok?: boolean; result?: T; error_code?: number; description?: string };
    try {
      payload = (await response.json()) as typeof payload;
    } catch {
      throw new ZaloApiError(method, response.status, 'answer is not JSON');
    }
    if (payload.ok !== true) throw new ZaloApiError(method, payload.error_code ?? response.status, payload.description ?? 'unknown error');
    return payload.result as T;
  }

  return {
    call,
    getMe: () => call<ZaloMe>('getMe', {}),
    /**
     * One update, or undefined when none came within the timeout (the platform answers 408 then).
     * The timeout goes as a string of seconds, as documented.
     */
    async getUpdate(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown> {
      try {
        return await call<unknown>('getUpdates', { timeout: String(timeoutSeconds) }, { timeoutMs: timeoutSeconds * 1000 + timeoutMs, ...(signal ? { signal } : {}) });
      } catch (err) {
        if (err instanceof ZaloApiError && err.code === 408) return undefined;
        throw err;
      }
    },
    sendMessage: (chatId: string, text: string) => call<ZaloSent>('sendMessage', { chat_id: chatId, text }),
    /** A photo by its https URL (Zalo takes no uploads); the caption 1-2,000 characters when given. */
    sendPhoto: (chatId: string, photo: string, caption?: string) => call<ZaloSent>('sendPhoto', { chat_id: chatId, photo, ...(caption ? { caption } : {}) }),
    setWebhook: (url: string, secretToken: string) => call<unknown>('setWebhook', { url, secret_token: secretToken }),
    deleteWebhook: () => call<unknown>('deleteWebhook', {}),
  };
}

export type ZaloApi = ReturnType<typeof createZaloApi>;
