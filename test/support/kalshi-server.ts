/**
 * A local stand-in for the Kalshi REST API that checks RSA-PSS request signatures the way Kalshi does
 * (kalshi-auth.ts, shared with the WebSocket stand-in). Independent of generator/runtime on purpose: it is the
 * oracle the runtime is tested against.
 *
 * Secured routes: key id → known key (else 401 NOT_FOUND), timestamp within the window (else 401
 * header_timestamp_expired), signature over timestamp + METHOD + pathname-with-prefix, query stripped
 * (else 401 INCORRECT_API_KEY_SIGNATURE). Public routes need no headers. Every response carries a `Date`
 * header from the server's clock (`now`), like Kalshi's, so a skewed server clock is visible to the client.
 */
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifier, single } from './kalshi-auth.js';

export { generateTestKeyPair, type TestKeyPair } from './kalshi-auth.js';

export interface KalshiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  keyId: string | undefined;
}

export type KalshiReply =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { destroy: true; delayMs?: number };

export interface KalshiRoute {
  method: string;
  /** Relative to basePath, with `{name}` placeholders: `/portfolio/orders/{order_id}`. */
  path: string;
  secured: boolean;
  handler(req: KalshiRequest): KalshiReply | Promise<KalshiReply>;
}

export interface KalshiServerOptions {
  keys?: Record<string, string | KeyObject>;
  basePath?: string;
  routes: KalshiRoute[];
  /** Accepted clock skew in ms, either way. Default 5000. */
  timestampToleranceMs?: number;
  /** Server clock (ms), for the timestamp window and the `Date` header. Default Date.now. */
  now?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** Raw request target as received: path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** A valid Kalshi signature was presented (also recorded for public routes). */
  verified: boolean;
  keyId: string | undefined;
  /** Why a secured request was rejected: NOT_FOUND, header_timestamp_expired, INCORRECT_API_KEY_SIGNATURE, ... */
  authFailure?: string;
  status?: number;
}

export interface KalshiServer {
  /** Base URL including basePath, e.g. `http://127.0.0.1:41234/trade-api/v2`. */
  url: string;
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startKalshiServer(options: KalshiServerOptions): Promise<KalshiServer> {
  const basePath = (options.basePath ?? '/trade-api/v2').replace(/\/$/, '');
  const authenticate = createVerifier(options);
  const now = options.now ?? Date.now;
  const routes = options.routes.map((route) => ({ ...route, ...compile(basePath + route.path) }));
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const cut = target.search(/[?#]/);
    const pathname = cut < 0 ? target : target.slice(0, cut);
    const query = new URLSearchParams(cut < 0 || target[cut] === '#' ? '' : target.slice(cut + 1).split('#')[0]);
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const record: RecordedRequest = { method, url: target, headers: req.headers, body, verified: false, keyId: undefined };
    requests.push(record);

    const auth = req.headers['kalshi-access-signature'] !== undefined ? authenticate(method, pathname, req.headers) : undefined;
    record.keyId = auth?.keyId ?? single(req.headers['kalshi-access-key']);
    record.verified = auth?.ok === true;

    let matched: { route: (typeof routes)[number]; params: Record<string, string> } | undefined;
    for (const route of routes) {
      const params = route.method.toUpperCase() === method ? route.match(pathname) : undefined;
      if (params) {
        matched = { route, params };
        break;
      }
    }
    res.setHeader('date', new Date(now()).toUTCString());
    if (!matched) return send(res, record, { status: 404, body: { error: { code: 'not_found', message: 'not found' } } });
    if (matched.route.secured) {
      const result = auth ?? authenticate(method, pathname, req.headers);
      if (!result.ok) {
        record.authFailure = result.failure;
        return send(res, record, { status: 401, body: result.body });
      }
    }
    let reply: KalshiReply;
    try {
      reply = await matched.route.handler({ method, path: pathname, params: matched.params, query, body, headers: req.headers, keyId: record.keyId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reply = { status: 500, body: { error: { code: 'internal_server_error', message } } };
    }
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), reply.delayMs);
        timers.add(timer);
      });
    }
    if ('destroy' in reply) {
      req.socket.destroy();
      return;
    }
    send(res, record, reply);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + basePath,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, record: RecordedRequest, reply: { status: number; body?: unknown; headers?: Record<string, string> }): void {
  record.status = reply.status;
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (typeof reply.body === 'string') {
    payload = reply.body;
    if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers).end(payload);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function compile(template: string): { match(pathname: string): Record<string, string> | undefined } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const pattern = new RegExp(`^${source}$`);
  return {
    match(pathname) {
      const m = pattern.exec(pathname);
      if (!m) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return params;
    },
  };
}
