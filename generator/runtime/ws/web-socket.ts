/**
 * A socket over a WHATWG `WebSocket` class (browsers, Deno, workers): it cannot set handshake headers nor
 * send or see ping frames, so it is for unauthenticated endpoints only, such as a relay of your own that signs
 * the upgrade to Kalshi server-side. The handshake timeout is enforced with a timer.
 */
import { KalshiConnectionError, KalshiTimeoutError } from '../errors.js';
import type { SocketFactory, SocketLike, WebSocketConstructor } from './socket.js';

export function webSocketFactory(WebSocketClass: WebSocketConstructor): SocketFactory {
  return (request, handlers) => {
    const socket = new WebSocketClass(request.url);
    let opened = false;
    const timer = setTimeout(() => {
      handlers.error(
        new KalshiTimeoutError(`The WebSocket handshake did not complete within ${request.handshakeTimeoutMs} ms.`, {
          timeoutMs: request.handshakeTimeoutMs,
        }),
      );
      socket.close();
    }, request.handshakeTimeoutMs);
    socket.onopen = () => {
      opened = true;
      clearTimeout(timer);
      handlers.open();
    };
    socket.onmessage = (event) => handlers.message(typeof event.data === 'string' ? event.data : '');
    socket.onerror = () => {
      clearTimeout(timer);
      handlers.error(
        new KalshiConnectionError(opened ? 'The WebSocket connection failed.' : 'The WebSocket handshake failed.'),
      );
    };
    socket.onclose = (event) => {
      clearTimeout(timer);
      handlers.close(event.code, event.reason);
    };
    const wrapped: SocketLike = {
      send: (text) => socket.send(text),
      close: (code, reason) => socket.close(code, reason),
      terminate: () => socket.close(),
    };
    return wrapped;
  };
}
