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
  const text = value?.trim();
  if (!text) return undefined;
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
  const label = code || (STATUS_TEXT[status] ?? 'HTTP Error');
  return rest && (code || rest.toLowerCase() !== label.toLowerCase())
    ? `${status} ${label}: ${rest}`
    : `${status} ${label}`;
}

export function parseErrorBody(body: unknown): ParsedErrorBody {
  const trimmed = typeof body === 'string' ? body.trim() : undefined;
  if (trimmed && /^[[{"]/.test(trimmed)) {
    try {
      return fromJson(JSON.parse(trimmed) as unknown);
    } catch {
      // not JSON after all: the text itself
    }
  }
  return fromJson(body);
}

/** The fields of a parsed body (or of a text: its message). */
function fromJson(body: unknown): ParsedErrorBody {
  const record = isRecord(body) ? body : {};
  const nested = isRecord(record['error']) ? record['error'] : undefined;
  const source = nested ?? record;
  const fields = {
    code: text(source['code']) ?? text(record['code']),
    apiMessage:
      text(source['message']) ??
      text(source['msg']) ??
      text(record['msg']) ??
      text(record['message']) ??
      (typeof record['error'] === 'string' ? text(record['error']) : undefined) ??
      (typeof body === 'string' ? text(body) : undefined),
    details: text(source['details']) ?? (nested ? undefined : text(record['detail'])),
    service: text(source['service']) ?? text(record['service']),
  };
  const out: ParsedErrorBody = { body };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key as keyof typeof fields] = value;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    const flat =
      typeof value === 'string' ? value.trim() : typeof value === 'object' && value ? JSON.stringify(value) : '';
    return flat ? shorten(flat) : undefined;
  } catch {
    return undefined;
  }
}

/** Whitespace collapsed, cut at 300 characters (`…`). */
export function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}
