/**
 * The stream's options, checked once: where to connect (an environment's URL or a custom `wss://`/`ws://` URL),
 * credentials (the REST client's rules: a key id with a PEM or a signer), timeouts, reconnects and buffers.
 */
import { KalshiConfigError } from '../errors.js';
import type { Signer } from '../signing.js';
import type { OverflowPolicy } from './message-queue.js';
import type { WebSocketConstructor } from './socket.js';

export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 20_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
export const DEFAULT_BUFFER_SIZE = 10_000;

export interface KalshiStreamOptions {
  /** Default `production`. */
  environment?: 'production' | 'demo';
  /** A custom `wss://` (or `ws://`) URL instead of the environment's: a proxy, a relay, a test server. */
  url?: string;
  /** The API key id (`KALSHI-ACCESS-KEY`). Kalshi requires a signed handshake even for public channels. */
  apiKeyId?: string;
  /** RSA private key, PKCS#1 or PKCS#8 PEM. */
  privateKeyPem?: string;
  /** A custom signer instead of `privateKeyPem`. */
  signer?: Signer;
  /** Aborting it closes the stream (like `close()`). */
  signal?: AbortSignal;
  /** No frame at all (message, ping, pong) for this long: the connection is dead. Default 20 000; 0 disables. */
  heartbeatTimeoutMs?: number;
  /** The opening handshake must complete within this. Default 10 000. */
  connectTimeoutMs?: number;
  /** A command's reply must come within this, or the connection is taken for dead. Default 10 000. */
  commandTimeoutMs?: number;
  /** Reconnect after a lost connection (default true, unlimited attempts), or `{ maxAttempts }` in a row. */
  reconnect?: boolean | { maxAttempts?: number };
  /** Messages a subscription buffers for its reader. Default 10 000. */
  bufferSize?: number;
  /** What a full buffer does: `drop-oldest` (default; the reader gets a `gap`) or `error` (the iterator throws). */
  overflow?: OverflowPolicy;
  /** Extra handshake headers (Node). The KALSHI-ACCESS-* headers are always the stream's own. */
  headers?: Record<string, string>;
  /** A WHATWG `WebSocket` class: used instead of the `ws` package, and by default where there is no Node. */
  WebSocket?: WebSocketConstructor;
  /** Randomness of the reconnect jitter, [0, 1). */
  random?: () => number;
}

export interface ResolvedStreamOptions {
  url: string;
  heartbeatTimeoutMs: number;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
  maxReconnectAttempts: number;
  bufferSize: number;
  overflow: OverflowPolicy;
}

export function resolveStreamOptions(
  options: KalshiStreamOptions,
  environments: Readonly<Record<string, string>>,
): ResolvedStreamOptions {
  if (typeof options !== 'object' || options === null) throw new KalshiConfigError('Stream options must be an object.');
  const reconnect = options.reconnect ?? true;
  const maxAttempts =
    reconnect === false
      ? 0
      : reconnect === true
        ? Infinity
        : count(reconnect.maxAttempts ?? Infinity, 'reconnect.maxAttempts', 0);
  const overflow = options.overflow ?? 'drop-oldest';
  if (overflow !== 'drop-oldest' && overflow !== 'error') {
    throw new KalshiConfigError(
      `Stream options: overflow must be 'drop-oldest' or 'error', got ${String(overflow).slice(0, 40)}.`,
    );
  }
  return {
    url: streamUrl(options, environments),
    heartbeatTimeoutMs: count(options.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS, 'heartbeatTimeoutMs', 0),
    connectTimeoutMs: count(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs', 1),
    commandTimeoutMs: count(options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, 'commandTimeoutMs', 1),
    maxReconnectAttempts: maxAttempts,
    bufferSize: bufferSizeOf(options.bufferSize ?? DEFAULT_BUFFER_SIZE, 'bufferSize'),
    overflow,
  };
}

/** A buffer size: an integer from 1 to 10 000 000. */
export function bufferSizeOf(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000_000) {
    throw new KalshiConfigError(
      `Stream options: ${name} must be an integer from 1 to 10000000, got ${String(value).slice(0, 40)}.`,
    );
  }
  return value;
}

function streamUrl(options: KalshiStreamOptions, environments: Readonly<Record<string, string>>): string {
  if (options.url !== undefined) {
    let url: URL;
    try {
      url = new URL(String(options.url));
    } catch {
      throw new KalshiConfigError(
        `Invalid stream url "${String(options.url).slice(0, 200)}": expected e.g. "wss://external-api-ws.kalshi.com/trade-api/ws/v2".`,
      );
    }
    if (url.protocol !== 'wss:' && url.protocol !== 'ws:') {
      throw new KalshiConfigError(`Invalid stream url: the scheme must be wss or ws, got "${url.protocol}".`);
    }
    if (url.username !== '' || url.password !== '')
      throw new KalshiConfigError('Invalid stream url: it must not contain credentials.');
    return url.href;
  }
  const name = options.environment ?? 'production';
  const url =
    typeof name === 'string' && Object.prototype.hasOwnProperty.call(environments, name)
      ? environments[name]
      : undefined;
  if (url === undefined) {
    const names = Object.keys(environments)
      .map((n) => `"${n}"`)
      .join(', ');
    throw new KalshiConfigError(
      `Unknown environment ${typeof name === 'string' ? `"${name.slice(0, 40)}"` : typeof name}; expected one of ${names} (or pass url).`,
    );
  }
  return url;
}

function count(value: unknown, name: string, min: number): number {
  if (value === Infinity) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new KalshiConfigError(
      `Stream options: ${name} must be a number >= ${min} (or Infinity), got ${String(value).slice(0, 40)}.`,
    );
  }
  return value;
}
