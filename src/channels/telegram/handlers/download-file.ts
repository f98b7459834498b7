// Downloads a file a user sent, as the Bot API describes it: getFile, then
// <api root>/file/bot<token>/<file_path>. The URL holds the bot token, so it is never logged
// or put in an error; the body is read with a hard bound.
import type { Api } from 'grammy';

export class FileDownloadError extends Error {
  override name = 'FileDownloadError';
  constructor(readonly reason: 'too-big' | 'failed', detail: string) {
    super(detail);
  }
}

export interface DownloadOptions {
  apiRoot: string;
  maxBytes: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function downloadTelegramFile(api: Api, fileId: string, options: DownloadOptions): Promise<Buffer> {
  let file;
  try {
    file = await api.getFile(fileId);
  } catch (err) {
    // Telegram answers "file is too big" past the 20 MB bots may download.
    if (/too big/i.test((err as Error).message)) throw new FileDownloadError('too-big', 'Telegram: file is too big');
    throw new FileDownloadError('failed', `getFile failed: ${(err as { description?: string }).description ?? (err as Error).name}`);
  }
  if (file.file_size !== undefined && file.file_size > options.maxBytes) throw new FileDownloadError('too-big', `file is ${file.file_size} bytes`);
  if (!file.file_path) throw new FileDownloadError('failed', 'getFile gave no file_path');
  const url = `${options.apiRoot}/file/bot${api.token}/${file.file_path}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
  } catch (err) {
    throw new FileDownloadError('failed', `download failed: ${(err as Error).name}`);
  }
  if (!response.ok || !response.body) throw new FileDownloadError('failed', `download failed: HTTP ${response.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    // Leaving the loop by throwing cancels the body: nothing more is read.
    if (size > options.maxBytes) throw new FileDownloadError('too-big', `file is over ${options.maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
