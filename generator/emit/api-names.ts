import { isObject, type JsonObject } from '../openapi/json.ts';
import { pascalCase } from '../normalise/names.ts';

/** How each API appears in the package: class, factory, entry module, servers. */
export interface ApiNames {
  api: string;
  title: string;
  /** The client with one method per operation (`KalshiClient`) and its factory. */
  className: string;
  factoryName: string;
  /** The client the operation functions take (`KalshiBaseClient`), and its factory. */
  baseClassName: string;
  baseFactoryName: string;
  /** Module of the package entry point: `index` (the package root) or `perps` (`kalshi-openapi-client/perps`). */
  entry: string;
  environments: Record<'production' | 'demo', string>;
}

const KNOWN: Record<string, Omit<ApiNames, 'api' | 'environments' | 'title'>> = {
  trade: {
    className: 'KalshiClient',
    factoryName: 'createKalshiClient',
    baseClassName: 'KalshiBaseClient',
    baseFactoryName: 'createKalshiBaseClient',
    entry: 'index',
  },
  perps: {
    className: 'KalshiPerpsClient',
    factoryName: 'createKalshiPerpsClient',
    baseClassName: 'KalshiPerpsBaseClient',
    baseFactoryName: 'createKalshiPerpsBaseClient',
    entry: 'perps',
  },
};

/** Kalshi's servers, used when the pages list none for an environment (older pages name only production). */
const KALSHI_SERVERS = {
  production: 'https://external-api.kalshi.com/trade-api/v2',
  demo: 'https://external-api.demo.kalshi.co/trade-api/v2',
};

export function apiNames(api: string, document: JsonObject): ApiNames {
  const known = KNOWN[api];
  const stem = pascalCase(api);
  const info = isObject(document.info) ? document.info : {};
  return {
    api,
    title: typeof info.title === 'string' ? info.title : `${stem} API`,
    className: known?.className ?? `${stem}Client`,
    factoryName: known?.factoryName ?? `create${stem}Client`,
    baseClassName: known?.baseClassName ?? `${stem}BaseClient`,
    baseFactoryName: known?.baseFactoryName ?? `create${stem}BaseClient`,
    entry: known?.entry ?? api,
    environments: environments(api, document),
  };
}

function environments(api: string, document: JsonObject): Record<'production' | 'demo', string> {
  const servers = (Array.isArray(document.servers) ? document.servers : []).filter(isObject);
  const fallback = Object.hasOwn(KNOWN, api) ? KALSHI_SERVERS : undefined;
  const production = serverFor(servers, false) ?? fallback?.production ?? '';
  return { production, demo: serverFor(servers, true) ?? fallback?.demo ?? production };
}

/**
 * The server of one environment: the first not described as an older alias ("also supported"), else the
 * first https one.
 */
function serverFor(servers: JsonObject[], demo: boolean): string | undefined {
  const description = (s: JsonObject) => String(s.description ?? '');
  const ofEnvironment = servers.filter((s) => /demo/i.test(`${description(s)} ${String(s.url)}`) === demo);
  const found =
    ofEnvironment.find((s) => !/also supported|legacy|deprecated/i.test(description(s))) ??
    ofEnvironment.find((s) => /^https:/.test(String(s.url)));
  return found?.url === undefined ? undefined : String(found.url);
}
