/**
 * Clock skew. Kalshi rejects a signature whose `KALSHI-ACCESS-TIMESTAMP` is too far from its own clock
 * (`401 header_timestamp_expired`; ±5 s has been seen accepted, ±30 s rejected). Every response carries the
 * server's time in its `Date` header (whole seconds), which is enough to tell a wrong local clock from a request
 * that waited too long between signing and arrival, and, when the client opts in, to sign with the server's time.
 */
import { formatApiMessage, parseErrorBody } from './error-body.js';
import type { KalshiApiErrorInit, ResponseContext } from './errors.js';
import { redactHeaders } from './redact.js';

/** The error code (or details) of a timestamp rejection. */
export const TIMESTAMP_REJECTED = 'header_timestamp_expired';

/** A `Date` header has whole seconds: offsets within this are indistinguishable from a right clock. */
const DATE_RESOLUTION_MS = 1_000;

/** The correction is only changed by a measurement that disagrees with it by more than this. */
export const CLOCK_CORRECTION_THRESHOLD_MS = 2_000;

/** Whether a parsed 401 body is Kalshi's timestamp rejection. */
export function isTimestampRejection(body: { code?: string | undefined; details?: string | undefined }): boolean {
  return body.code === TIMESTAMP_REJECTED || body.details === TIMESTAMP_REJECTED;
}

/**
 * Server clock minus local clock in ms, from a response's `Date` header and the local time it arrived. The
 * server's time lies somewhere in the second the header names, so its middle is used (±0.5 s).
 */
export function clockOffsetFromDate(date: string | null | undefined, receivedAtMs: number): number | undefined {
  if (typeof date !== 'string' || date.trim() === '' || !Number.isFinite(receivedAtMs)) return undefined;
  const serverMs = Date.parse(date);
  return Number.isNaN(serverMs) ? undefined : serverMs + DATE_RESOLUTION_MS / 2 - receivedAtMs;
}

/**
 * For a 401 timestamp rejection: the clock offset measured from the response `Date` header
 * (`AuthenticationError.clockOffsetMs`), and a message saying what it means and what to do. Other errors are left
 * as they are.
 */
export function explainTimestampRejection(init: KalshiApiErrorInit, context: ResponseContext): void {
  if (init.status !== 401 || !isTimestampRejection(init)) return;
  const receivedAtMs = context.receivedAtMs ?? Date.now();
  init.clockOffsetMs = clockOffsetFromDate(redactHeaders(init.headers)['date'], receivedAtMs);
  const ageMs = context.signedAtMs === undefined ? undefined : receivedAtMs - context.signedAtMs;
  init.message = `${formatApiMessage(init)}. ${timestampRejectionHint(init.clockOffsetMs, ageMs)}`;
}

/**
 * The sentence appended to a timestamp rejection: how far off the local clock looks (when the response had a
 * `Date` header) and how long the request took from signing to its answer (when known), and what to do.
 */
export function timestampRejectionHint(offsetMs: number | undefined, ageMs: number | undefined): string {
  const age = ageMs === undefined ? '' : ` The request was answered ${duration(ageMs)} after it was signed.`;
  if (offsetMs === undefined) {
    return (
      `Kalshi rejected the request timestamp: this machine's clock may be off (the response had no Date header ` +
      `to measure it).${age} Sync the clock (NTP).`
    );
  }
  if (Math.abs(offsetMs) <= DATE_RESOLUTION_MS + 500) {
    return (
      `Kalshi rejected the request timestamp, but this machine's clock agrees with the server's Date header ` +
      `(within about 1 s), so the signature aged before it arrived.${age} An overloaded machine or event loop, ` +
      `or a slow custom signer, delays requests after they are signed.`
    );
  }
  const direction = offsetMs > 0 ? 'behind' : 'ahead of';
  // Beside a wrong clock, the time in transit only matters when it is long.
  const slow = ageMs !== undefined && ageMs >= DATE_RESOLUTION_MS ? age : '';
  return (
    `Kalshi rejected the request timestamp: this machine's clock looks about ${duration(Math.abs(offsetMs))} ` +
    `${direction} the server's (from the response Date header).${slow} Sync the clock (NTP), or create the client ` +
    `with correctClockSkew: true to sign with the server's time.`
  );
}

/** `350 ms`, `4.2 s`, `42 s`. */
function duration(ms: number): string {
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Math.abs(s) >= 10 ? Math.round(s) : Math.round(s * 10) / 10} s`;
}

/**
 * The opt-in correction (`correctClockSkew`): signing timestamps are the local clock plus `offsetMs`, learned from
 * the `Date` header of responses that disagree with the current correction by more than
 * `CLOCK_CORRECTION_THRESHOLD_MS` (smaller differences are within Kalshi's window and the header's precision).
 * The client class makes one for `correctClockSkew: true`; a base client takes one
 * (`correctClockSkew: new ClockCorrection()`), so bundles that never correct leave this code out.
 */
export class ClockCorrection {
  #offsetMs = 0;

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Learn from a response's `Date` header; true when the correction changed. */
  observe(date: string | null | undefined, receivedAtMs: number): boolean {
    const measured = clockOffsetFromDate(date, receivedAtMs);
    if (measured === undefined || Math.abs(measured - this.#offsetMs) <= CLOCK_CORRECTION_THRESHOLD_MS) return false;
    this.#offsetMs = Math.round(measured);
    return true;
  }

  /**
   * Learns from `response` (see `observe`). True when that changed the correction and `response` is Kalshi's
   * rejection of a `signed` request's timestamp: worth signing again and sending once more.
   */
  async resend(response: Response, receivedAtMs: number, signed: boolean): Promise<boolean> {
    return (
      this.observe(response.headers.get('date'), receivedAtMs) &&
      signed &&
      response.status === 401 &&
      isTimestampRejection(parseErrorBody(await response.clone().text()))
    );
  }
}
