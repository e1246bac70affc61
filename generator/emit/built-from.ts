import type { MergedApi } from '../merge/index.ts';
import { isObject } from '../openapi/json.ts';

/** `Built from the Kalshi Trade API 3.28.0 and the Kalshi Perps API 0.0.1.`: each document's title and version, trade first. */
export function builtFrom(apis: readonly MergedApi[]): string {
  const ordered = [...apis].sort((a, b) => Number(b.api === 'trade') - Number(a.api === 'trade'));
  const described = ordered.map(({ api, document }) => {
    const info = isObject(document.info) ? document.info : {};
    return `the ${typeof info.title === 'string' ? info.title : api} ${typeof info.version === 'string' ? info.version : ''}`.trimEnd();
  });
  return `Built from ${described.join(' and ')}.`;
}
