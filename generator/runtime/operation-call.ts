/**
 * One call of a generated operation function: the request built from what the generator knows about the
 * operation (method, path template, whether it is signed, where each argument goes), sent through the client's
 * transport (signing, timeouts, retries, rate limits) and its result turned into the body or a typed error.
 *
 * The operation functions call this rather than openapi-fetch so that a consumer's bundle holds only the code
 * of the operations it calls: openapi-fetch stays available as `KalshiClient.raw`. Public operations call
 * `callPublicOperation`, which carries no signing and no `client_order_id` code. URLs, query strings, headers
 * and bodies are built exactly as openapi-fetch builds them by default (form-exploded arrays, deep-object
 * objects, `encodeURIComponent`, JSON bodies), and responses are read the same way.
 */
import { responseRecord, settleResponse, type CallSigning } from './attempt.js';
import type { BaseClientCore } from './base-client-core.js';
import type { EncodedBody } from './body-encoders.js';
import { hasClientOrderId, withClientOrderId } from './client-order-id.js';
import { requireCredentials } from './credentials.js';
import { apiErrorOf, KalshiConfigError, parseErrorBody } from './errors.js';
import type { RequestOptions } from './options.js';
import { encodePathValue } from './path-params.js';
import { requestSigning } from './request-signing.js';
import { readJsonBody } from './response-body.js';

/** A call of a public operation: sent unsigned. */
export interface PublicOperationCall {
  /** `GET`, `POST`, ... */
  method: string;
  /** The path template, relative to the base URL: `/markets/{ticker}`. */
  path: string;
  /** The values of its `{name}` placeholders, and their encoder (`encodePathValue`, path-params.ts). */
  pathParams?: Readonly<Record<string, unknown>>;
  encodePath?: typeof encodePathValue;
  query?: object | undefined;
  headers?: object | undefined;
  /** The body: JSON unless `encodeBody` says otherwise. */
  body?: unknown;
  /** A body of another media type: its encoder (see body-encoders.ts) and content type (none for multipart). */
  encodeBody?: (body: unknown) => EncodedBody;
  contentType?: string;
  /** A success body that is not JSON: handed over as a byte stream, text or a Blob. */
  parseAs?: 'stream' | 'text' | 'blob';
}

export interface OperationCall extends PublicOperationCall {
  /** Needs the Kalshi signature headers. */
  signed: boolean;
  /** An order-creating body: a `client_order_id` is added when missing, which makes the POST safe to retry. */
  clientOrderId?: boolean;
}

/**
 * Sends one call; resolves to the parsed success body, rejects with `KalshiError` subclasses. Path values are
 * checked with `encodePathValue` unless the call brings its own encoder.
 */
export async function callOperation<T>(
  core: BaseClientCore,
  call: OperationCall,
  options?: RequestOptions,
): Promise<T> {
  const orders = call.clientOrderId === true;
  const body = orders
    ? withClientOrderId(call.body, { autoClientOrderId: core.autoClientOrderId(options) })
    : call.body;
  const signing = (): CallSigning | undefined =>
    call.signed ? requestSigning(requireCredentials(`${call.method} ${call.path}`, core.credentials())) : undefined;
  const encodePath = call.encodePath ?? encodePathValue;
  return exchange<T>(core, { ...call, body, encodePath }, options, orders && hasClientOrderId(body), signing);
}

/**
 * `callOperation` for a public operation (never signed, no `client_order_id`). A path with parameters needs their
 * encoder (`encodePath: encodePathValue`), which only the operation functions whose path has parameters import.
 */
export function callPublicOperation<T>(
  core: BaseClientCore,
  call: PublicOperationCall,
  options?: RequestOptions,
): Promise<T> {
  return exchange<T>(core, call, options, false, () => undefined);
}

async function exchange<T>(
  core: BaseClientCore,
  call: PublicOperationCall,
  options: RequestOptions | undefined,
  idempotent: boolean,
  signing: () => CallSigning | undefined,
): Promise<T> {
  const { body, method } = call;
  const settings = core.settings(options, idempotent);
  const headers = new Headers();
  if (body !== undefined && (call.contentType ?? !call.encodeBody)) {
    headers.set('Content-Type', call.contentType ?? 'application/json');
  }
  for (const source of [core.headers, options?.headers, call.headers]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
  }
  const url = core.baseUrl + pathOf(call) + queryString(call.query);
  const encoded = body === undefined ? undefined : call.encodeBody ? call.encodeBody(body) : JSON.stringify(body);
  const signer = signing();
  const response = await core.send({ url, method, headers, body: encoded }, settings, signer);
  try {
    if (!response.ok) {
      const record = responseRecord(response);
      const init = {
        status: response.status,
        ...parseErrorBody(await errorBody(response, method)),
        headers: response.headers,
      };
      signer?.explain(init, { receivedAtMs: record?.receivedAtMs, signedAtMs: record?.signedAtMs });
      throw apiErrorOf(init);
    }
    if (isEmpty(response, method) || response.body === null) return undefined as T;
    const parseAs = call.parseAs;
    return (await (parseAs === 'text'
      ? response.text()
      : parseAs === 'blob'
        ? response.blob()
        : parseAs === 'stream'
          ? response.body
          : readJsonBody(response))) as T;
  } finally {
    settleResponse(response);
  }
}

/**
 * The path with each `{name}` replaced by its encoded value. A value that cannot be sent (missing, empty, `.`,
 * `..`, not a string or number) throws `KalshiPathParameterError` before anything is signed (see path-params.ts).
 */
function pathOf({ path, pathParams, encodePath }: PublicOperationCall): string {
  if (!encodePath && path.includes('{')) {
    throw new KalshiConfigError(`${path} has path parameters: the call needs encodePath (encodePathValue).`);
  }
  return path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodePath!(path, name, pathParams?.[name]));
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

/** No body to read, as openapi-fetch decides it: 204, a HEAD, or `Content-Length: 0` (not chunked). */
function isEmpty(response: Response, method: string): boolean {
  const headers = response.headers;
  const chunked = headers.get('Transfer-Encoding')?.includes('chunked') === true;
  return response.status === 204 || method === 'HEAD' || (headers.get('Content-Length') === '0' && !chunked);
}

/** An error response's body (already read whole by the transport): JSON when it parses, else its text. */
async function errorBody(response: Response, method: string): Promise<unknown> {
  if (isEmpty(response, method)) return undefined;
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
