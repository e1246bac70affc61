/**
 * The numeric codes of the WebSocket API's `error` replies, from the error code table of Kalshi's AsyncAPI
 * document (`asyncapi.yaml`, `components.messages.errorResponse` and `x-error-codes`), and the channel errors it
 * marks terminal: after one of those the subscription is gone and must be subscribed again.
 */

export const STREAM_ERROR_CODES: Readonly<Record<number, string>> = {
  1: 'Unable to process message',
  2: 'Params required',
  3: 'Channels required',
  4: 'Subscription IDs required',
  5: 'Unknown command',
  6: 'Already subscribed',
  7: 'Unknown subscription ID',
  8: 'Unknown channel name',
  9: 'Authentication required',
  10: 'Channel error',
  11: 'Invalid parameter',
  12: 'Exactly one subscription ID is required',
  13: 'Unsupported action',
  14: 'Market Ticker required',
  15: 'Action required',
  16: 'Market not found',
  17: 'Internal error',
  18: 'Command timeout',
  19: 'shard_factor must be > 0',
  20: 'shard_factor is required when shard_key is set',
  21: 'shard_key must be >= 0 and < shard_factor',
  22: 'shard_factor must be <= 100',
  23: 'Match IDs required',
  24: 'Index IDs required',
  25: 'Subscription buffer overflow',
  26: 'Subscription market limit exceeded',
  27: 'Too many requests',
  28: 'Underlying tickers required',
};

/** "The following channel errors are terminal and the user must resubscribe": 10, 17 and 25. */
export const TERMINAL_ERROR_CODES: ReadonlySet<number> = new Set([10, 17, 25]);

/** The documented name of a code, or `unknown error code N`. */
export function errorCodeName(code: number): string {
  return STREAM_ERROR_CODES[code] ?? `unknown error code ${code}`;
}
