/**
 * The one thing the stream needs from a WebSocket implementation, and the two it ships: the `ws` package on
 * Node (handshake headers, ping frames), and any WHATWG `WebSocket` class elsewhere (no headers, no pings).
 */

export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  /** A control frame arrived (ping or pong): the connection is alive. */
  frame(): void;
  /** The handshake failed or the connection broke; `close` follows when it was open. */
  error(error: Error): void;
  close(code: number, reason: string): void;
}

export interface SocketLike {
  send(text: string): void;
  /** Sends a ping frame; absent where the platform cannot (browsers). */
  ping?(): void;
  /** Closing handshake. */
  close(code: number, reason: string): void;
  /** Drops the connection at once (a dead peer will not answer a closing handshake). */
  terminate(): void;
}

export interface SocketRequest {
  url: string;
  /** Handshake headers; only the Node socket can send them. */
  headers: Record<string, string>;
  handshakeTimeoutMs: number;
}

export type SocketFactory = (request: SocketRequest, handlers: SocketHandlers) => SocketLike;

/** The part of the WHATWG `WebSocket` the browser socket uses (declared here so no DOM types are needed). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** True on Node (and runtimes that present themselves as Node), where the `ws` package is used. */
export function isNode(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof process?.versions?.node === 'string';
}
