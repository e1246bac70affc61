/**
 * The WebSocket stand-in's order books: Kalshi's side of the truth, yes bids and no bids each at their own side's
 * prices, and the `orderbook_snapshot` / `orderbook_delta` bodies rendered from them (no-side prices turned into
 * yes-leg prices for a `use_yes_price` subscription). Decimal strings are handled with plain BigInt arithmetic,
 * independently of the runtime under test.
 */

export type Side = 'yes' | 'no';
export type Levels = [price: string, size: string][];

export interface ServerBook {
  yes: Map<string, string>;
  no: Map<string, string>;
}

/** `"0.40"` → `"0.60"` (1 − p) with the same decimals. */
export function complement(price: string): string {
  const decimals = price.includes('.') ? price.length - price.indexOf('.') - 1 : 0;
  const scale = 10n ** BigInt(decimals);
  return format(scale - toUnits(price, decimals), decimals);
}

/** `size + delta` for two-decimal contract counts; a level at zero or below is removed (undefined). */
export function addSize(size: string | undefined, delta: string): string | undefined {
  const sum = toUnits(size ?? '0', 2) + toUnits(delta, 2);
  return sum > 0n ? format(sum, 2) : undefined;
}

/** Levels of one side, best (highest) first. */
export function levelsOf(side: Map<string, string>): Levels {
  return [...side.entries()].sort((a, b) => (toUnits(b[0], 8) > toUnits(a[0], 8) ? 1 : -1));
}

export function snapshotBody(market: string, book: ServerBook, yesPrices: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { market_ticker: market, market_id: marketId(market) };
  const yes = levelsOf(book.yes);
  const no = levelsOf(book.no).map(([price, size]): [string, string] => [yesPrices ? complement(price) : price, size]);
  if (yes.length > 0) body['yes_dollars_fp'] = yes;
  if (no.length > 0) body['no_dollars_fp'] = no;
  return body;
}

export function deltaBody(market: string, side: Side, price: string, delta: string, yesPrices: boolean, clientOrderId?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    market_ticker: market,
    market_id: marketId(market),
    price_dollars: side === 'no' && yesPrices ? complement(price) : price,
    delta_fp: delta,
    side,
    ts_ms: 1_700_000_000_000,
  };
  if (clientOrderId !== undefined) body['client_order_id'] = clientOrderId;
  return body;
}

/** A stable UUID-shaped id per market. */
export function marketId(market: string): string {
  let hash = 0;
  for (const char of market) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}

function toUnits(text: string, decimals: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const units = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
  return negative ? -units : units;
}

function format(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}
