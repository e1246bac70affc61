import { isObject, type JsonObject } from '../openapi/json.ts';

/**
 * The `wss://` URL of each environment, from the AsyncAPI document's servers: `protocol://host` + `pathname`.
 * The server whose id, host or description says demo is the demo one; the other the production one. What the
 * document leaves out is taken from what Kalshi documents elsewhere (the WebSocket path `/trade-api/ws/v2`, the
 * trade API's demo host), and said so in `assumed`, so the run can report it.
 */

export const KALSHI_STREAM_PATH = '/trade-api/ws/v2';

const KALSHI_STREAM_SERVERS: Record<string, Record<'production' | 'demo', string>> = {
  trade: { production: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2', demo: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2' },
  perps: { production: 'wss://external-api-margin-ws.kalshi.com/trade-api/ws/v2', demo: 'wss://external-api-margin-ws.demo.kalshi.co/trade-api/ws/v2' },
};

export interface StreamEnvironments {
  environments: Record<'production' | 'demo', string>;
  /** What was not in the document: `demo server`, `path of the production server`, ... */
  assumed: string[];
}

export function streamEnvironments(api: string, document: JsonObject): StreamEnvironments {
  const servers = Object.entries(isObject(document.servers) ? document.servers : {}).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
  const isDemo = ([id, s]: [string, JsonObject]) => /demo/i.test(`${id} ${String(s.host ?? '')} ${String(s.description ?? '')}`);
  const assumed: string[] = [];
  const known = KALSHI_STREAM_SERVERS[api];
  const url = (environment: 'production' | 'demo'): string => {
    const found = servers.find((entry) => isDemo(entry) === (environment === 'demo'));
    if (!found) {
      assumed.push(`${environment} server`);
      return known?.[environment] ?? '';
    }
    const [, server] = found;
    const protocol = typeof server.protocol === 'string' ? server.protocol : 'wss';
    let path = typeof server.pathname === 'string' ? server.pathname : undefined;
    if (path === undefined) {
      path = servers.map(([, s]) => s.pathname).find((p): p is string => typeof p === 'string') ?? KALSHI_STREAM_PATH;
      assumed.push(`path of the ${environment} server (${path})`);
    }
    return `${protocol}://${String(server.host)}${path.startsWith('/') ? path : `/${path}`}`;
  };
  const production = url('production');
  const demo = url('demo') || production;
  return { environments: { production, demo }, assumed };
}
