import type { SourceLocation } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../openapi/json.ts';
import type { PageInfo, SourcedValue } from './fragment.ts';

/**
 * What the normaliser hands to the merger for Kalshi's WebSocket API: the AsyncAPI 3.0 pieces one page (a derived
 * channel page, or the site's whole `asyncapi.yaml`) contributes, each traceable to its line. Schemas are JSON
 * Schema as AsyncAPI 3.0 holds them (`const`, `examples`), with `$ref` siblings made explicit (`allOf` + siblings)
 * and the AsyncAPI parser's own keys (`x-parser-*`) gone.
 */

export const ASYNCAPI_COMPONENT_KINDS = ['messages', 'schemas', 'securitySchemes'] as const;
export type AsyncApiComponentKind = (typeof ASYNCAPI_COMPONENT_KINDS)[number];

/** One channel as a page defines it, with the operations that use it. */
export interface ChannelFragment {
  /** The channel's key in `channels` (`ticker`, `root`). */
  name: string;
  /**
   * An AsyncAPI 3.0 Channel Object: `address`, `title`, `description`, `bindings`, and `messages` whose values are
   * `$ref`s to `#/components/messages/<id>`.
   */
  channel: JsonObject;
  /** Operation id → an AsyncAPI 3.0 Operation Object (`action`, `channel: {$ref}`, `messages: [{$ref}]`). */
  operations: Record<string, JsonObject>;
  source: SourceLocation;
}

export interface AsyncApiFragment {
  page: PageInfo;
  /** `trade`, `perps`: the API whose stream the page describes. */
  api: string;
  /**
   * The page is a whole document (the site's `asyncapi.yaml`): its channels are all the API's channels as of its
   * date, so a channel it lacks has left the API unless a newer page defines it.
   */
  whole: boolean;
  /** `title`, `version`, `description`, ... of a whole document. */
  info?: JsonObject;
  /** Server id → AsyncAPI 3.0 Server Object (`host`, `protocol`, `pathname`, ...). */
  servers: Record<string, SourcedValue>;
  channels: ChannelFragment[];
  components: Record<AsyncApiComponentKind, Record<string, SourcedValue>>;
  /** `defaultContentType` and the document's own `x-` extensions (whole documents only). */
  root?: JsonObject;
}
