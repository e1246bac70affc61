/**
 * The shape a channel map must have: for each channel name, the params of its `subscribe` command, the union of
 * the messages it delivers, and the params of its `update_subscription` command (`never` when it has none).
 * `trade-channels.ts` and `perps-channels.ts` are such maps; the runtime is generic over them.
 *
 * Write a map as a type alias (`type Channels = { ticker: {...} }`): an interface only satisfies
 * `ChannelMapShape` when it declares an index signature.
 */

/** Every channel message names its `type`; the subscription's `sid` and, on sequenced channels, `seq` ride along. */
export interface ChannelMessageShape {
  type: string;
  sid?: number;
  seq?: number;
}

export interface ChannelShape {
  /** `subscribe` params other than `channels` (the runtime adds it). */
  params: object;
  message: ChannelMessageShape;
  /** `update_subscription` params other than `sid`/`sids` (the runtime adds the subscription's). */
  update: object;
}

export type ChannelMapShape = Record<string, ChannelShape>;

export type ChannelName<C extends ChannelMapShape> = Extract<keyof C, string>;
export type ChannelParams<C extends ChannelMapShape, K extends keyof C> = C[K]['params'];
export type ChannelMessage<C extends ChannelMapShape, K extends keyof C> = C[K]['message'];
export type ChannelUpdate<C extends ChannelMapShape, K extends keyof C> = C[K]['update'];

/** What the runtime needs to know about one API's WebSocket endpoint, besides the types. */
export interface StreamApiDescription {
  /** Human name for messages: `Kalshi Trade API`. */
  title: string;
  /** Environment name → `wss://` URL (host and path: the path is what the handshake signs). */
  environments: Readonly<Record<string, string>>;
  /**
   * Channels that send a snapshot before their updates (`orderbook_delta`: `orderbook_snapshot`). A sequence
   * gap on one of them is repaired by subscribing again, which starts over with a fresh snapshot.
   */
  snapshotChannels: readonly string[];
}
