/**
 * Errors of the real-time stream. Connection failures reuse the REST classes (`KalshiConnectionError`,
 * `KalshiTimeoutError`, and `AuthenticationError` and its siblings for a refused handshake), so one `catch`
 * handles both APIs. Every message goes through the redacting `KalshiError` base.
 */
import { KalshiConnectionError, KalshiError } from '../errors.js';
import { errorCodeName, TERMINAL_ERROR_CODES } from './error-codes.js';

function named(cls: { prototype: Error }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', {
    value: name,
    writable: true,
    configurable: true,
  });
}

/** Base class of the errors only the stream raises. */
export class KalshiStreamError extends KalshiError {}
named(KalshiStreamError, 'KalshiStreamError');

export interface CommandErrorInit {
  /** The documented numeric code (`error` reply `msg.code`). */
  code: number;
  /** The server's `msg.msg`. */
  serverMessage?: string | undefined;
  /** The command that failed: `subscribe`, `update_subscription`, `unsubscribe`, `list_subscriptions`. */
  command: string;
  /** The command id the reply carried, when it carried one. */
  id?: number | undefined;
  channel?: string | undefined;
  marketTicker?: string | undefined;
  marketId?: string | undefined;
}

/**
 * An `error` reply: `code` is the documented number (see `STREAM_ERROR_CODES`), `terminal` says whether it
 * is one of the channel errors after which the subscription no longer exists (10, 17, 25).
 */
export class KalshiCommandError extends KalshiStreamError {
  readonly code: number;
  readonly codeName: string;
  readonly terminal: boolean;
  readonly serverMessage: string | undefined;
  readonly command: string;
  readonly id: number | undefined;
  readonly channel: string | undefined;
  readonly marketTicker: string | undefined;
  readonly marketId: string | undefined;

  constructor(init: CommandErrorInit) {
    const name = errorCodeName(init.code);
    const server = init.serverMessage && init.serverMessage !== name ? ` (${init.serverMessage})` : '';
    const where = [init.channel, init.marketTicker ?? init.marketId].filter((part) => part !== undefined).join(' ');
    super(`${init.command}${where ? ` ${where}` : ''} failed: error ${init.code} ${name}${server}`);
    this.code = init.code;
    this.codeName = name;
    this.terminal = TERMINAL_ERROR_CODES.has(init.code);
    this.serverMessage = init.serverMessage;
    this.command = init.command;
    this.id = init.id;
    this.channel = init.channel;
    this.marketTicker = init.marketTicker;
    this.marketId = init.marketId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      code: this.code,
      codeName: this.codeName,
      terminal: this.terminal,
      command: this.command,
      id: this.id,
      channel: this.channel,
      marketTicker: this.marketTicker,
    };
  }
}
named(KalshiCommandError, 'KalshiCommandError');

/** The stream or the subscription was closed (by `close()`, an abort, or a fatal error given as `cause`). */
export class KalshiStreamClosedError extends KalshiStreamError {}
named(KalshiStreamClosedError, 'KalshiStreamClosedError');

/** A subscription with `overflow: 'error'` received more messages than its buffer holds. */
export class KalshiStreamOverflowError extends KalshiStreamError {
  readonly bufferSize: number;
  constructor(message: string, bufferSize: number) {
    super(message);
    this.bufferSize = bufferSize;
  }
}
named(KalshiStreamOverflowError, 'KalshiStreamOverflowError');

/** A frame the client cannot use: not JSON, or a book message whose numbers are not fixed-point decimals. */
export class KalshiStreamProtocolError extends KalshiStreamError {}
named(KalshiStreamProtocolError, 'KalshiStreamProtocolError');

/**
 * The connection a command was sent on was lost (or stopped answering) before the reply: the stream reconnects
 * and subscribes again, so subscriptions wait for that instead of failing.
 */
export class KalshiConnectionLostError extends KalshiConnectionError {}
named(KalshiConnectionLostError, 'KalshiConnectionLostError');
