import type { Page } from '../ingest/page.ts';

/**
 * Which API a page belongs to. Kalshi publishes two: the trade API (`openapi.yaml`, `api-reference/`,
 * `typescript-sdk/`; `asyncapi.yaml`, `websockets/`) and the perps/margin API (`/perps_openapi.yaml`,
 * `margin-rest/`; `perps_asyncapi.yaml`, `margin-ws/`). Pages of other Mintlify sites are grouped by the
 * second-level domain of their server or page URL.
 */
export function apiOfPage(page: Pick<Page, 'file' | 'meta'>, specFile?: string, serverUrl?: string): string {
  const spec = specFile ? /([A-Za-z0-9]+)_(?:open|async)api\.ya?ml$/.exec(specFile) : null;
  if (spec) return spec[1]!.toLowerCase();
  if (/(^|\/)margin-(rest|ws)\//.test(page.file)) return 'perps';
  const host = hostOf(serverUrl) ?? hostOf(page.meta.url);
  if (!host || /(^|\.)kalshi\.(com|co)$/.test(host)) return 'trade';
  const labels = host.split('.');
  return (labels.length >= 2 ? labels[labels.length - 2]! : labels[0]!).toLowerCase();
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
