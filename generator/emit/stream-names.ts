import { pascalCase } from '../normalise/names.ts';

/**
 * The names a channel map module exports. Message types are named after their message (`ticker` →
 * `TickerMessage`; `subscribeCommand` → `SubscribeCommand`, `errorResponse` → `ErrorResponse`: a name already
 * ending in Command, Response or Message keeps it), schemas after their component (`marketSide` → `MarketSide`).
 * A name the real-time entry already exports (`Level`, `Subscription`, ...) or another type took gets a suffix.
 */

export interface StreamApiNames {
  /** `TradeChannels`: the channel map type. */
  map: string;
  /** `TRADE_STREAM_API`: the API description constant. */
  constant: string;
  /** `TradeStreamMessage`, `TradeStreamCommand`: every message the server sends, every command it takes. */
  messageUnion: string;
  commandUnion: string;
}

export function streamApiNames(api: string): StreamApiNames {
  const stem = pascalCase(api) || 'Api';
  return {
    map: `${stem}Channels`,
    constant: `${api.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_STREAM_API`,
    messageUnion: `${stem}StreamMessage`,
    commandUnion: `${stem}StreamCommand`,
  };
}

/** Hands out unique type names: the preferred one, else with `suffix`, else numbered. */
export class TypeNamer {
  readonly #taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.#taken = new Set(reserved);
  }

  name(preferred: string, suffix: string): string {
    const base = /^[A-Za-z_$]/.test(preferred) ? preferred : `T${preferred}`;
    let name = this.#taken.has(base) ? `${base}${suffix}` : base;
    for (let n = 2; this.#taken.has(name); n++) name = `${base}${suffix}${n}`;
    this.#taken.add(name);
    return name;
  }
}

/** `ticker` → `TickerMessage`, `subscribeCommand` → `SubscribeCommand`, `root/x` → `RootXMessage`. */
export function messageTypeStem(name: string): string {
  const stem = pascalCase(name) || 'Unnamed';
  return /(Command|Response|Message)$/.test(stem) ? stem : `${stem}Message`;
}

export function schemaTypeStem(name: string): string {
  return pascalCase(name) || 'Schema';
}
