/**
 * Reading error responses: the message format, `Retry-After`, and every error body shape Kalshi returns:
 * - nested `{"error":{"code","message","details","service"}}` (auth and most 4xx),
 * - flat `{code, message, details, service}` (the spec's shape),
 * - bare `{msg}` (parameter validation 400),
 * - the 429 string `{"error":"too many requests"}`,
 * - plain text (proxies, HTML error pages) and empty bodies.
 */

export interface ParsedErrorBody {
  /** The JSON value when `body` was JSON text, otherwise `body` unchanged. */
  body: unknown;
  code?: string;
  apiMessage?: string;
  details?: string;
  service?: string;
}

const MAX_TEXT = 300;

/** `Retry-After` in ms: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `401 authentication_error: INCORRECT_API_KEY_SIGNATURE`; without a code, the status text leads. */
export function formatApiMessage(init: {
  status: number;
  code?: string | undefined;
  apiMessage?: string | undefined;
  details?: string | undefined;
}): string {
  const { status, code, apiMessage, details } = init;
  const parts: string[] = [];
  if (apiMessage && apiMessage !== code) parts.push(apiMessage);
  if (details && details !== apiMessage && details !== code) parts.push(parts.length > 0 ? `(${details})` : details);
  const rest = parts.join(' ');
  if (code) return rest ? `${status} ${code}: ${rest}` : `${status} ${code}`;
  const statusText = STATUS_TEXT[status] ?? 'HTTP Error';
  return rest && rest.toLowerCase() !== statusText.toLowerCase()
    ? `${status} ${statusText}: ${rest}`
    : `${status} ${statusText}`;
}

export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') {
    const text = body.trim();
    if (text === '') return { body };
    if (/^[[{"]/.test(text)) {
      try {
        return fromJson(JSON.parse(text) as unknown);
      } catch {
        // not JSON after all: fall through to text
      }
    }
    return { body, apiMessage: shorten(text) };
  }
  return fromJson(body);
}

function fromJson(body: unknown): ParsedErrorBody {
  const out: ParsedErrorBody = { body };
  if (typeof body === 'string') {
    if (body.trim() !== '') out.apiMessage = shorten(body.trim());
    return out;
  }
  if (!isRecord(body)) return out;
  const nested = isRecord(body['error']) ? body['error'] : undefined;
  const source = nested ?? body;
  assign(out, 'code', text(source['code']) ?? text(body['code']));
  assign(
    out,
    'apiMessage',
    text(source['message']) ??
      text(source['msg']) ??
      text(body['msg']) ??
      text(body['message']) ??
      (typeof body['error'] === 'string' ? text(body['error']) : undefined),
  );
  assign(out, 'details', text(source['details']) ?? (nested ? undefined : text(body['detail'])));
  assign(out, 'service', text(source['service']) ?? text(body['service']));
  return out;
}

function assign(
  out: ParsedErrorBody,
  key: 'code' | 'apiMessage' | 'details' | 'service',
  value: string | undefined,
): void {
  if (value !== undefined) out[key] = value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : shorten(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return shorten(JSON.stringify(value));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}
