import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  errorFromResponse,
  InternalServerError,
  KalshiApiError,
  KalshiConfigError,
  KalshiConnectionError,
  KalshiError,
  KalshiTimeoutError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '../../generator/runtime/errors.js';
import { redact, redactHeaders } from '../../generator/runtime/redact.js';

type Row = {
  name: string;
  status: number;
  body: unknown;
  cls: new (...args: never[]) => KalshiApiError;
  code: string | undefined;
  message: string;
  details?: string | undefined;
  apiMessage?: string | undefined;
  service?: string | undefined;
};

const AUTH_BODY = {
  error: { code: 'authentication_error', message: 'authentication_error', details: 'INCORRECT_API_KEY_SIGNATURE' },
};

const rows: Row[] = [
  {
    name: 'nested 401 bad signature',
    status: 401,
    body: AUTH_BODY,
    cls: AuthenticationError,
    code: 'authentication_error',
    message: '401 authentication_error: INCORRECT_API_KEY_SIGNATURE',
    details: 'INCORRECT_API_KEY_SIGNATURE',
    apiMessage: 'authentication_error',
  },
  {
    name: 'nested 401 as raw JSON text',
    status: 401,
    body: JSON.stringify(AUTH_BODY),
    cls: AuthenticationError,
    code: 'authentication_error',
    message: '401 authentication_error: INCORRECT_API_KEY_SIGNATURE',
    details: 'INCORRECT_API_KEY_SIGNATURE',
  },
  {
    name: 'nested 401 unknown key',
    status: 401,
    body: { error: { code: 'authentication_error', message: 'authentication_error', details: 'NOT_FOUND' } },
    cls: AuthenticationError,
    code: 'authentication_error',
    message: '401 authentication_error: NOT_FOUND',
    details: 'NOT_FOUND',
  },
  {
    name: 'nested 401 stale timestamp',
    status: 401,
    body: { error: { code: 'header_timestamp_expired', message: 'header_timestamp_expired' } },
    cls: AuthenticationError,
    code: 'header_timestamp_expired',
    message:
      "401 header_timestamp_expired. Kalshi rejected the request timestamp: this machine's clock may be off " +
      '(the response had no Date header to measure it). Sync the clock (NTP).',
    details: undefined,
  },
  {
    name: 'nested 409 with service',
    status: 409,
    body: { error: { code: 'order_already_exists', message: 'order already exists', service: 'exchange' } },
    cls: ConflictError,
    code: 'order_already_exists',
    message: '409 order_already_exists: order already exists',
    service: 'exchange',
  },
  {
    name: 'nested 403',
    status: 403,
    body: { error: { code: 'forbidden', message: 'not allowed', details: 'trading disabled' } },
    cls: PermissionDeniedError,
    code: 'forbidden',
    message: '403 forbidden: not allowed (trading disabled)',
    details: 'trading disabled',
  },
  {
    name: 'flat 400 with details and service',
    status: 400,
    body: { code: 'invalid_parameters', message: 'invalid parameters', details: 'limit must be <= 1000', service: 'api' },
    cls: BadRequestError,
    code: 'invalid_parameters',
    message: '400 invalid_parameters: invalid parameters (limit must be <= 1000)',
    details: 'limit must be <= 1000',
    service: 'api',
  },
  {
    name: 'flat 404',
    status: 404,
    body: { code: 'not_found', message: 'market not found' },
    cls: NotFoundError,
    code: 'not_found',
    message: '404 not_found: market not found',
  },
  {
    name: 'bare msg (parameter validation 400)',
    status: 400,
    body: { msg: 'limit: must be no greater than 1000' },
    cls: BadRequestError,
    code: undefined,
    message: '400 Bad Request: limit: must be no greater than 1000',
    apiMessage: 'limit: must be no greater than 1000',
  },
  {
    name: '429 string',
    status: 429,
    body: { error: 'too many requests' },
    cls: RateLimitError,
    code: undefined,
    message: '429 Too Many Requests',
    apiMessage: 'too many requests',
  },
  {
    name: '429 string as raw text',
    status: 429,
    body: '{"error": "too many requests"}',
    cls: RateLimitError,
    code: undefined,
    message: '429 Too Many Requests',
  },
  {
    name: 'plain text 500',
    status: 500,
    body: 'upstream connect error or disconnect/reset before headers',
    cls: InternalServerError,
    code: undefined,
    message: '500 Internal Server Error: upstream connect error or disconnect/reset before headers',
  },
  {
    name: 'HTML 502',
    status: 502,
    body: '<html>\n  <body>Bad gateway</body>\n</html>',
    cls: InternalServerError,
    code: undefined,
    message: '502 Bad Gateway: <html> <body>Bad gateway</body> </html>',
  },
  {
    name: 'malformed JSON text',
    status: 400,
    body: '{"error":',
    cls: BadRequestError,
    code: undefined,
    message: '400 Bad Request: {"error":',
  },
  { name: 'empty text 503', status: 503, body: '', cls: InternalServerError, code: undefined, message: '503 Service Unavailable' },
  { name: 'no body 404', status: 404, body: undefined, cls: NotFoundError, code: undefined, message: '404 Not Found' },
  { name: 'null body 418', status: 418, body: null, cls: KalshiApiError, code: undefined, message: '418 HTTP Error' },
];

describe('errorFromResponse', () => {
  it.each(rows)('$name', (row) => {
    const error = errorFromResponse(row.status, row.body);
    expect(error).toBeInstanceOf(row.cls);
    expect(error.constructor).toBe(row.cls);
    expect(error).toBeInstanceOf(KalshiApiError);
    expect(error).toBeInstanceOf(KalshiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(row.cls.name);
    expect(error.status).toBe(row.status);
    expect(error.code).toBe(row.code);
    expect(error.message).toBe(row.message);
    if ('details' in row) expect(error.details).toBe(row.details);
    if ('apiMessage' in row) expect(error.apiMessage).toBe(row.apiMessage);
    if ('service' in row) expect(error.service).toBe(row.service);
    expect(error.stack?.startsWith(`${row.cls.name}: ${row.message}`)).toBe(true);
    expect(error.toString()).toBe(`${row.cls.name}: ${row.message}`);
  });

  it('keeps the parsed body, or the text when not JSON', () => {
    expect(errorFromResponse(401, JSON.stringify(AUTH_BODY)).body).toEqual(AUTH_BODY);
    expect(errorFromResponse(500, 'oops').body).toBe('oops');
    expect(errorFromResponse(401, AUTH_BODY).body).toBe(AUTH_BODY);
  });

  it('stores headers lower-cased from a record or a Headers object', () => {
    const fromRecord = errorFromResponse(404, '', { 'Content-Type': 'text/plain', 'X-Multi': ['a', 'b'] });
    expect(fromRecord.headers).toEqual({ 'content-type': 'text/plain', 'x-multi': 'a, b' });
    const fromHeaders = errorFromResponse(404, '', new Headers({ 'X-Request-Id': 'r1' }));
    expect(fromHeaders.headers).toEqual({ 'x-request-id': 'r1' });
  });

  it('reads Retry-After on 429 (seconds or HTTP date)', () => {
    expect((errorFromResponse(429, { error: 'too many requests' }, { 'Retry-After': '2' }) as RateLimitError).retryAfterMs).toBe(2000);
    const date = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = errorFromResponse(429, '', new Headers({ 'retry-after': date })) as RateLimitError;
    expect(fromDate.retryAfterMs).toBeGreaterThan(50_000);
    expect(fromDate.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((errorFromResponse(429, '') as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it('reads Retry-After on any status (a 503 may carry one too)', () => {
    expect(errorFromResponse(503, '', { 'Retry-After': '7' }).retryAfterMs).toBe(7000);
    expect(errorFromResponse(503, '', { 'Retry-After': '7' })).toBeInstanceOf(InternalServerError);
  });

  it('a timestamp rejection measures the clock offset from the Date header and the age from the signing time', () => {
    const body = { error: { code: 'header_timestamp_expired', message: 'header_timestamp_expired' } };
    const serverNow = Date.UTC(2026, 0, 1, 12, 0, 30);
    const headers = new Headers({ date: new Date(serverNow).toUTCString() });
    const behind = errorFromResponse(401, body, headers, { receivedAtMs: serverNow - 20_000, signedAtMs: serverNow - 26_000 });
    expect(behind).toBeInstanceOf(AuthenticationError);
    expect((behind as AuthenticationError).clockOffsetMs).toBe(20_500);
    expect(behind.message).toMatch(/clock looks about 21 s behind the server's .* The request was answered 6 s after it was signed\./);
    const right = errorFromResponse(401, body, headers, { receivedAtMs: serverNow + 300, signedAtMs: serverNow - 6_700 });
    expect((right as AuthenticationError).clockOffsetMs).toBe(200);
    expect(right.message).toMatch(/clock agrees with the server's Date header .* answered 7 s after it was signed/);
    // Other 401s are left as they were.
    const other = errorFromResponse(401, { error: { code: 'authentication_error', details: 'NOT_FOUND' } }, headers);
    expect(other.message).toBe('401 authentication_error: NOT_FOUND');
    expect((other as AuthenticationError).clockOffsetMs).toBeUndefined();
  });

  it('every status >= 500 is an InternalServerError', () => {
    for (const status of [500, 501, 502, 503, 504, 599]) expect(errorFromResponse(status, '')).toBeInstanceOf(InternalServerError);
  });
});

describe('connection errors', () => {
  it('carry their cause; timeout is a connection error', () => {
    const cause = new TypeError('fetch failed');
    const connection = new KalshiConnectionError('Connection to external-api.kalshi.com failed', { cause });
    expect(connection.cause).toBe(cause);
    expect(connection.name).toBe('KalshiConnectionError');
    const timeout = new KalshiTimeoutError('Request timed out after 100 ms', { cause, timeoutMs: 100 });
    expect(timeout).toBeInstanceOf(KalshiConnectionError);
    expect(timeout.timeoutMs).toBe(100);
    expect(timeout.kind).toBe('attempt');
    expect(new KalshiTimeoutError('x', { timeoutMs: 60_000, kind: 'total' }).toJSON()).toMatchObject({ kind: 'total', timeoutMs: 60_000 });
    expect(timeout.cause).toBe(cause);
    expect(timeout.toJSON()).toMatchObject({ name: 'KalshiTimeoutError', cause: { name: 'TypeError', message: 'fetch failed' } });
    expect(new KalshiConfigError('x')).not.toHaveProperty('cause');
  });
});

describe('secrets never leak', () => {
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const pemBody = pem.split('\n')[1] ?? '';
  const signature = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
  const keyId = '3f1c2a7e-1111-4222-8333-944445555666';
  const escapedPem = JSON.stringify(pem).slice(1, -1);

  const samples = (): Array<[string, KalshiError]> => [
    [
      'api error with secrets in body, headers and details',
      errorFromResponse(
        401,
        {
          error: { code: 'authentication_error', message: `bad key ${pem}`, details: `KALSHI-ACCESS-SIGNATURE: ${signature}` },
          echo: { 'KALSHI-ACCESS-SIGNATURE': signature, privateKeyPem: pem, 'KALSHI-ACCESS-KEY': keyId },
        },
        { 'KALSHI-ACCESS-SIGNATURE': signature, 'KALSHI-ACCESS-KEY': keyId, authorization: `Bearer ${signature}` },
      ),
    ],
    ['config error quoting a PEM', new KalshiConfigError(`Cannot use ${pem} with key ${keyId}`)],
    ['config error quoting an escaped one-line PEM', new KalshiConfigError(`privateKey="${escapedPem}"`)],
    ['config error with a truncated PEM', new KalshiConfigError(`key: ${pem.slice(0, 200)}`)],
    [
      'connection error whose cause mentions the signature',
      new KalshiConnectionError(`failed {"KALSHI-ACCESS-SIGNATURE":"${signature}"}`, {
        cause: new Error(`headers: kalshi-access-signature=${signature}`),
      }),
    ],
    ['a bare signature in text', new KalshiConfigError(`signed as ${signature} for ${keyId}`)],
  ];

  it.each(samples().map(([name]) => name))('%s', (name) => {
    const error = samples().find(([n]) => n === name)?.[1] as KalshiError;
    const outputs = {
      message: error.message,
      toString: error.toString(),
      string: String(error),
      json: JSON.stringify(error),
      inspect: inspect(error, { depth: 10 }),
      'inspect nested': inspect({ wrapped: error }, { depth: 10 }),
      stack: error.stack ?? '',
    };
    for (const [kind, text] of Object.entries(outputs)) {
      expect(text, kind).not.toContain(pemBody.slice(0, 20));
      expect(text, kind).not.toContain('MII');
      expect(text, kind).not.toContain(signature.slice(0, 20));
      expect(text, kind).not.toContain(signature.slice(-40));
    }
    if (name.includes('key ')) expect(outputs.message).toContain(keyId);
  });

  it('inspect shows the useful fields and the (redacted) key id', () => {
    const error = samples()[0]?.[1] as KalshiApiError;
    const text = inspect(error, { depth: 10 });
    expect(text).toContain('AuthenticationError: 401 authentication_error');
    expect(text).toContain('status: 401');
    expect(text).toContain(keyId);
    expect(text).toContain('[REDACTED]');
    expect(error.headers['kalshi-access-signature']).toBe('[REDACTED]');
    expect(error.headers['authorization']).toBe('[REDACTED]');
    expect(error.headers['kalshi-access-key']).toBe(keyId);
  });

  it('redact() leaves ordinary text alone', () => {
    const text = 'GET /trade-api/v2/markets?limit=1000&cursor=abc failed: KXBTC-25DEC31-T100000 not found';
    expect(redact(text)).toBe(text);
    expect(redactHeaders({ 'Content-Type': 'application/json', 'KALSHI-ACCESS-TIMESTAMP': '1703123456789' })).toEqual({
      'content-type': 'application/json',
      'kalshi-access-timestamp': '1703123456789',
    });
  });
});
