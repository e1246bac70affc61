/**
 * The Trade API's channel map (`TradeChannels`, `TRADE_STREAM_API`, its message and command types) is generated from
 * Kalshi's AsyncAPI pages by `make generate` (`generator/emit/channel-map.ts`), straight into the package, where it
 * takes this file's place. In the repository this file re-exports the committed generated map, so the runtime and its
 * tests run against what users get. It is not copied into the package.
 */
export * from '../../../generated/src/runtime/ws/trade-channels.js';
