import type { MergedAsyncApi } from '../merge/asyncapi/index.ts';
import type { MergedApi } from '../merge/index.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';

/**
 * `Built from the Kalshi Trade API 3.28.0, the Kalshi Market Data WebSocket API 2.0.0 and the Kalshi Perps API
 * 0.0.1.`: each document's title and version, trade first, each API's WebSocket document after its REST one when it
 * has a version of its own (one merged from channel pages alone has none).
 */
export function builtFrom(apis: readonly MergedApi[], streams: readonly MergedAsyncApi[] = []): string {
  const ordered = [...apis].sort((a, b) => Number(b.api === 'trade') - Number(a.api === 'trade'));
  const described = ordered.flatMap(({ api, document }) => {
    const stream = streams.find((s) => s.api === api);
    const versioned = stream && version(stream.document) !== '0.0.0' ? [describe(api, stream.document)] : [];
    return [describe(api, document), ...versioned];
  });
  const list = described.length > 1 ? `${described.slice(0, -1).join(', ')} and ${described.at(-1)!}` : (described[0] ?? '');
  return `Built from ${list}.`;
}

function describe(api: string, document: JsonObject): string {
  const info = isObject(document.info) ? document.info : {};
  return `the ${typeof info.title === 'string' ? info.title : api} ${version(document)}`.trimEnd();
}

function version(document: JsonObject): string {
  const info = isObject(document.info) ? document.info : {};
  return typeof info.version === 'string' ? info.version : '';
}
