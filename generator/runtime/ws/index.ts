/**
 * The real-time API shared by `<package>/ws` and `<package>/perps/ws`: the stream, subscriptions, order books,
 * their errors and types. Each entry adds its own `createKalshiStream` and channel map (`trade.ts`, `perps.ts`).
 */
export { KalshiStream, type SubscribeOptions } from './stream.js';
export type { StreamEvents, StreamListener, StreamState } from './stream-events.js';
export { Subscription } from './subscription.js';
export type { GapReason, StreamGap } from './gap.js';
export { OrderBook, type BookUpdatesOptions } from './order-book.js';
export type { BookUpdate } from './book-state.js';
export type { Level } from './ladder.js';
export {
  DEFAULT_BUFFER_SIZE,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_HEARTBEAT_TIMEOUT_MS,
  type KalshiStreamOptions,
} from './options.js';
export type { OverflowPolicy } from './message-queue.js';
export type { WebSocketConstructor, WebSocketLike } from './socket.js';
export type {
  ChannelMapShape,
  ChannelMessage,
  ChannelMessageShape,
  ChannelName,
  ChannelParams,
  ChannelShape,
  ChannelUpdate,
  StreamApiDescription,
} from './channel-map.js';
export {
  KalshiCommandError,
  KalshiConnectionLostError,
  KalshiStreamClosedError,
  KalshiStreamError,
  KalshiStreamOverflowError,
  KalshiStreamProtocolError,
  type CommandErrorInit,
} from './errors.js';
export { STREAM_ERROR_CODES, TERMINAL_ERROR_CODES, errorCodeName } from './error-codes.js';
export {
  KalshiError,
  KalshiConfigError,
  KalshiConnectionError,
  KalshiTimeoutError,
  KalshiApiError,
  AuthenticationError,
  PermissionDeniedError,
} from '../errors.js';
export { KalshiAbortError } from '../abort.js';
export type { Signer } from '../signing.js';
