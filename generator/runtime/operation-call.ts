/**
 * One call of a generated operation function: the request built from what the generator knows about the
 * operation (method, path template, whether it is signed, where each argument goes), sent through the client's
 * transport (signing, timeouts, retries, rate limits) and its result turned into the body or a typed error.
 *
 * The operation functions call this rather than openapi-fetch so that a consumer's bundle holds only the code
 * of the operations it calls: openapi-fetch stays available as `KalshiClient.raw`. URLs, query strings, headers
 * and bodies are built exactly as openapi-fetch builds them by default (form-exploded arrays, deep-object
 * objects, `encodeURIComponent`, JSON bodies), and responses are read the same way.
 */
import type { ClientCore, RequestOptions } from './client-core.js';
import type { EncodedBody } from './body-encoders.js';
import { encodePathValue } from './path-params.js';

export interface OperationCall {
  /** `GET`, `POST`, ... */
  method: string;
  /** The path template, relative to the base URL: `/markets/{ticker}`. */
  path: string;
  /** Needs the Kalshi signature headers. */
  signed: boolean;
  pathParams?: Readonly<Record<string, unknown>>;
  query?: object | undefined;
  headers?: object | undefined;
  /** The body: JSON unless `encodeBody` says otherwise. */
  body?: unknown;
  /** A body of another media type: its encoder (see body-encoders.ts) and content type (none for multipart). */
  encodeBody?: (body: unknown) => EncodedBody;
  contentType?: string;
  /** A success body that is not JSON: handed over as a byte stream, text or a Blob. */
  parseAs?: 'stream' | 'text' | 'blob';
  /** An order-creating body: a `client_order_id` is added when missing, which makes the POST safe to retry. */
  clientOrderId?: boolean;
}

/** Sends one call; resolves to the parsed success body, rejects with `KalshiError` subclasses. */
export function callOperation<T>(core: ClientCore, call: OperationCall, options?: RequestOptions): Promise<T> {
  const parseAs = call.parseAs;
  return core.unwrap<T>(exchange(core, call, options), parseAs && ((response) => readAs(response, parseAs)));
}

/** A success body that is not JSON, as asked for. */
function readAs(response: Response, parseAs: 'stream' | 'text' | 'blob'): Promise<unknown> {
  return parseAs === 'text' ? response.text() : parseAs === 'blob' ? response.blob() : Promise.resolve(response.body);
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function exchange<T>(
  core: ClientCore,
  call: OperationCall,
  options: RequestOptions | undefined,
): Promise<Outcome<T>> {
  const operation = `${call.method} ${call.path}`;
  const body = call.clientOrderId ? core.withClientOrderId(call.body, options) : call.body;
  const init = core.init(options, call.clientOrderId ? { idempotent: true, body } : {});
  const contentType = body === undefined ? undefined : call.encodeBody ? call.contentType : 'application/json';
  const headers = new Headers(contentType === undefined ? undefined : { 'Content-Type': contentType });
  for (const source of [core.clientOptions().headers, init.headers, call.headers]) setHeaders(headers, source);
  const request = new Request(core.baseUrl + pathOf(call) + queryString(call.query), {
    method: call.method,
    headers,
    body: body === undefined ? null : call.encodeBody ? call.encodeBody(body) : JSON.stringify(body),
    signal: init.signal ?? null,
  });
  core.classify(request, operation, call.signed);
  return readOutcome<T>(await init.fetch(request), call.method);
}

/**
 * The path with each `{name}` replaced by its encoded value. A value that cannot be sent (missing, empty, `.`,
 * `..`, not a string or number) throws `KalshiPathParameterError` before anything is signed (see path-params.ts).
 */
function pathOf(call: OperationCall): string {
  return call.path.replace(/\{([^{}]+)\}/g, (_, name: string) =>
    encodePathValue(call.path, name, call.pathParams?.[name]),
  );
}

/** `?a=1&b=x&b=y&c[d]=2`: undefined and null values skipped, arrays exploded; empty for no parameters. */
function queryString(query: object | undefined): string {
  const parts: string[] = [];
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    else parts.push(`${name}=${encodeURIComponent(String(value))}`);
  };
  for (const [name, value] of Object.entries(query ?? {})) add(name, value);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function setHeaders(headers: Headers, source: object | undefined): void {
  for (const [name, value] of Object.entries(source ?? {})) {
    if (value !== undefined && value !== null) headers.set(name, String(value));
  }
}

/**
 * A success's body handed over unread, as openapi-fetch does with `parseAs: 'stream'` (`ClientCore.unwrap` reads
 * and parses it, telling a body that is not JSON from one that broke off); undefined when there is none. An error
 * body is read here: JSON when it parses, else its text.
 */
async function readOutcome<T>(response: Response, method: string): Promise<Outcome<T>> {
  const length = response.headers.get('Content-Length');
  const chunked = response.headers.get('Transfer-Encoding')?.includes('chunked') === true;
  if (response.status === 204 || method === 'HEAD' || (length === '0' && !chunked)) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) return { data: (response.body ?? undefined) as T | undefined, response };
  const text = await response.text();
  try {
    return { error: JSON.parse(text) as unknown, response };
  } catch {
    return { error: text, response };
  }
}
