/**
 * What a subscription's iterator yields, in order with the messages, where messages may have been lost.
 * After a gap the subscription is live again (or being re-established: `resubscribing`); on a snapshot
 * channel (`orderbook_delta`) a resubscription starts over with a fresh snapshot, so state built from the
 * messages before the gap should be dropped and rebuilt from that snapshot.
 */
import type { KalshiCommandError } from './errors.js';

export type GapReason =
  /** The connection was lost; it has been (or is being) reopened and the subscription subscribed again. */
  | 'reconnect'
  /** `seq` did not grow by one. */
  | 'sequence'
  /** The consumer fell behind and the bounded buffer discarded messages (`dropped` of them). */
  | 'overflow'
  /** Kalshi ended the subscription with a terminal channel error (10, 17 or 25: `error`); it was subscribed again. */
  | 'channel_error';

export interface StreamGap {
  type: 'gap';
  reason: GapReason;
  channel: string;
  /** The subscription is subscribed again: on a snapshot channel the next messages start with a snapshot. */
  resubscribing: boolean;
  /** `sequence`: the `seq` that was due and the one that came. */
  expectedSeq?: number;
  receivedSeq?: number;
  /** `overflow`: how many messages were discarded. */
  dropped?: number;
  /** `channel_error`: Kalshi's error. */
  error?: KalshiCommandError;
}
