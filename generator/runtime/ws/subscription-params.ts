/**
 * What a subscription asks for after its `update_subscription` commands, so that subscribing again (after a
 * reconnect or a gap) asks for the same thing: the actions that add to or remove from a list parameter, applied
 * to a copy of the subscribe params. `get_snapshot`, `indexlist` and `underlying_list` change nothing.
 */

type Params = Record<string, unknown>;

const ACTIONS: Readonly<Record<string, 'add' | 'delete'>> = {
  add_markets: 'add',
  delete_markets: 'delete',
  subscribe_indices: 'add',
  unsubscribe_indices: 'delete',
  subscribe_underlyings: 'add',
  unsubscribe_underlyings: 'delete',
};

/** List parameters, each with the single-value form that means the same (`market_ticker` → `market_tickers`). */
const LISTS: readonly (readonly [single: string | undefined, list: string])[] = [
  ['market_ticker', 'market_tickers'],
  ['market_id', 'market_ids'],
  [undefined, 'index_ids'],
  [undefined, 'underlying_tickers'],
];

/** The params after `update`, or undefined when the update does not change what is subscribed. */
export function applyUpdate(params: Params, update: Params): Params | undefined {
  const action = typeof update['action'] === 'string' ? ACTIONS[update['action']] : undefined;
  if (action === undefined) return undefined;
  const next: Params = { ...params };
  let changed = false;
  for (const [single, list] of LISTS) {
    const given = valuesOf(update, single, list);
    if (given.length === 0) continue;
    const current = valuesOf(next, single, list);
    const values =
      action === 'add'
        ? [...current, ...given.filter((v) => !current.includes(v))]
        : current.filter((v) => !given.includes(v));
    if (single !== undefined) delete next[single];
    next[list] = values;
    changed = true;
  }
  return changed ? next : undefined;
}

/**
 * The params with the full lists an `ok` reply reports (`msg.market_tickers`, `msg.market_ids`: "full list after
 * update"); unchanged when the reply has none (`skip_ticker_ack`).
 */
export function withAcknowledged(params: Params, msg: unknown): Params {
  if (typeof msg !== 'object' || msg === null) return params;
  const next: Params = { ...params };
  for (const [single, list] of LISTS) {
    const reported = (msg as Params)[list];
    if (!Array.isArray(reported) || !reported.every((v) => typeof v === 'string')) continue;
    if (single !== undefined) delete next[single];
    next[list] = [...reported];
  }
  return next;
}

/** The markets a params object names (`market_ticker` and `market_tickers`). */
export function marketTickersOf(params: Params): string[] {
  return valuesOf(params, 'market_ticker', 'market_tickers');
}

function valuesOf(params: Params, single: string | undefined, list: string): string[] {
  const values: string[] = [];
  const one = single === undefined ? undefined : params[single];
  if (typeof one === 'string') values.push(one);
  const many = params[list];
  if (Array.isArray(many)) for (const v of many) if (typeof v === 'string' && !values.includes(v)) values.push(v);
  return values;
}
