/**
 * The base URL requests are sent to: a named environment, or a custom URL (proxy, mock server)
 * normalised so the signed path always carries the API prefix exactly once.
 */
import { KalshiConfigError } from './errors.js';

export interface BaseUrlOptions {
  /** Default `production`. With `baseUrl`, only used to know the API prefix (the path of its URL). */
  environment?: string | undefined;
  baseUrl?: string | undefined;
}

/**
 * - no `baseUrl`: the environment's URL (default `production`);
 * - `baseUrl`: trailing slashes removed, the API prefix (e.g. `/trade-api/v2`) appended when the path does not
 *   already end with it, a doubled prefix collapsed (`/trade-api/v2/trade-api/v2` → `/trade-api/v2`).
 * Throws `KalshiConfigError` for an unknown environment and for a URL that is not absolute http(s), or that
 * carries a query, fragment or credentials.
 */
export function resolveBaseUrl(options: BaseUrlOptions, environments: Readonly<Record<string, string>>): string {
  const name = options.environment ?? 'production';
  const names = Object.keys(environments);
  if (typeof name !== 'string' || !Object.hasOwn(environments, name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 40)}"` : typeof name;
    throw new KalshiConfigError(
      `Unknown environment ${shown}; expected one of ${names.map((n) => `"${n}"`).join(', ')} (or pass baseUrl).`,
    );
  }
  const environmentUrl = environments[name] as string;
  if (options.baseUrl === undefined) return trimSlashes(environmentUrl);
  const prefix = trimSlashes(new URL(environmentUrl).pathname);
  const url = parseHttpUrl(options.baseUrl, 'baseUrl');
  let path = trimSlashes(url.pathname);
  if (prefix !== '') {
    while (path.endsWith(prefix + prefix)) path = path.slice(0, -prefix.length);
    if (!path.endsWith(prefix)) path += prefix;
  }
  return url.origin + path;
}

function parseHttpUrl(value: unknown, what: string): URL {
  const example = 'an absolute http(s) URL such as "https://external-api.kalshi.com/trade-api/v2"';
  if (typeof value !== 'string' || value.trim() === '') {
    throw new KalshiConfigError(`Invalid ${what}: expected ${example}.`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new KalshiConfigError(`Invalid ${what} "${value.slice(0, 200)}": expected ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KalshiConfigError(
      `Invalid ${what}: the scheme must be http or https, got "${url.protocol}"; expected ${example}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new KalshiConfigError(
      `Invalid ${what}: it must not contain credentials (user:password@); expected ${example}.`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new KalshiConfigError(`Invalid ${what}: it must not contain a query or fragment; expected ${example}.`);
  }
  return url;
}

function trimSlashes(path: string): string {
  return path.replace(/\/+$/, '');
}
