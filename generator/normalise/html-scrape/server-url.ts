/** Splits a request URL into the server (origin plus version prefix) and the operation's path template. */

export interface SplitUrl {
  /** `https://api.elections.kalshi.com/trade-api/v2` */
  server: string;
  /** `/portfolio/orders/{order_id}` */
  path: string;
  /** Names of query parameters written into the URL itself, in order. */
  query: string[];
}

/**
 * The server is the longest prefix of the URL ending in a `/v<digits>` path segment (`/trade-api/v2`),
 * otherwise the origin; the path is the rest. Returns undefined for anything but an absolute http(s) URL.
 */
export function splitUrl(url: string): SplitUrl | undefined {
  const match = /^(https?:\/\/[^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?$/i.exec(url.trim());
  if (!match) return undefined;
  const origin = match[1]!;
  const segments = match[2]!.replace(/%7B/gi, '{').replace(/%7D/gi, '}').split('/').filter(Boolean);
  let version = -1;
  segments.forEach((segment, i) => {
    if (/^v\d+$/i.test(segment)) version = i;
  });
  const server = [origin, ...segments.slice(0, version + 1)].join('/');
  const path = '/' + segments.slice(version + 1).join('/');
  return { server, path, query: queryNames(match[3] ?? '') };
}

/** Names of `{param}` placeholders in a path template, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

function queryNames(query: string): string[] {
  const names: string[] = [];
  for (const pair of query.split('&')) {
    const name = safeDecode(pair.split('=')[0]!.replace(/\+/g, ' '));
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
