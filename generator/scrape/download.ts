/** Downloads one URL's bytes with a timeout per attempt, retrying with backoff on 429, 5xx and network errors. */

export interface DownloadPolicy {
  /** Milliseconds before one attempt is abandoned. */
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
  /** First backoff delay; doubled on each retry. */
  backoffMs: number;
  /** Cap on any delay, including a server's `Retry-After`. */
  maxDelayMs: number;
  /** Responses larger than this are refused. */
  maxBytes: number;
}

export type RetryListener = (attempt: number, reason: string, delayMs: number) => void;

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

interface Failure {
  reason: string;
  retryable: boolean;
  retryAfterMs?: number;
}

export async function download(url: string, policy: DownloadPolicy, onRetry: RetryListener = () => {}): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(url, policy);
    if (Buffer.isBuffer(outcome)) return outcome;
    if (!outcome.retryable || attempt > policy.retries) {
      throw new DownloadError(`${outcome.reason}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`, attempt);
    }
    const delay = Math.min(policy.maxDelayMs, outcome.retryAfterMs ?? policy.backoffMs * 2 ** (attempt - 1));
    onRetry(attempt, outcome.reason, delay);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function attemptOnce(url: string, policy: DownloadPolicy): Promise<Buffer | Failure> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(policy.timeoutMs),
      headers: { accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5', 'user-agent': 'kalshi-openapi-toolchain (make scrape)' },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return {
        reason: `HTTP ${response.status}`,
        retryable: response.status === 429 || response.status >= 500,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    if (Number(response.headers.get('content-length') ?? 0) > policy.maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { reason: `larger than ${policy.maxBytes} bytes`, retryable: false };
    }
    const body = Buffer.from(await response.arrayBuffer());
    return body.length > policy.maxBytes ? { reason: `larger than ${policy.maxBytes} bytes`, retryable: false } : body;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { reason: `timed out after ${policy.timeoutMs} ms`, retryable: true };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { reason: `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}`, retryable: true };
  }
}

/** `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
