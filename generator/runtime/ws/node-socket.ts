/**
 * The Node socket: the `ws` package, which can put the KALSHI-ACCESS-* headers on the handshake and answers
 * Kalshi's heartbeat pings by itself. A refused handshake becomes the REST error of its status
 * (`AuthenticationError` for a 401, with Kalshi's `details`), read from the response body.
 */
import WebSocket from 'ws';
import { errorFromResponse, KalshiConnectionError, KalshiTimeoutError } from '../errors.js';
import type { SocketFactory, SocketLike } from './socket.js';

/** A refused handshake's body is read up to this size, for the error. */
const MAX_ERROR_BODY = 16 * 1024;

export const nodeSocketFactory: SocketFactory = (request, handlers) => {
  const socket = new WebSocket(request.url, {
    headers: request.headers,
    handshakeTimeout: request.handshakeTimeoutMs,
  });
  let failed = false;
  const fail = (error: Error): void => {
    if (failed) return;
    failed = true;
    handlers.error(error);
  };
  socket.on('open', () => handlers.open());
  socket.on('message', (data, isBinary) => handlers.message(isBinary ? '' : data.toString()));
  socket.on('ping', () => handlers.frame());
  socket.on('pong', () => handlers.frame());
  socket.on('error', (error) => fail(describeError(error, request.handshakeTimeoutMs)));
  socket.on('close', (code, reason) => handlers.close(code, reason.toString()));
  socket.on('unexpected-response', (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ERROR_BODY) chunks.push(chunk);
    });
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      fail(errorFromResponse(res.statusCode ?? 0, parseJson(text), res.headers));
      req.destroy();
    });
    res.on('error', () =>
      fail(new KalshiConnectionError(`The WebSocket handshake was refused (HTTP ${res.statusCode}).`)),
    );
  });
  const wrapped: SocketLike = {
    send: (text) => socket.send(text),
    ping: () => socket.ping(),
    close: (code, reason) => socket.close(code, reason),
    terminate: () => socket.terminate(),
  };
  return wrapped;
};

function describeError(error: Error, handshakeTimeoutMs: number): Error {
  if (/handshake has timed out/i.test(error.message)) {
    return new KalshiTimeoutError(`The WebSocket handshake did not complete within ${handshakeTimeoutMs} ms.`, {
      cause: error,
      timeoutMs: handshakeTimeoutMs,
    });
  }
  return new KalshiConnectionError(`WebSocket connection failed: ${error.message}`, { cause: error });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
