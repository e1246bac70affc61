import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listFiles } from '../../generator/write/list-files.ts';
import { ROOT } from '../support/cli.ts';

export const SITE = join(ROOT, 'test', 'fixtures', 'site');

/** The API pages of the fixture site (its index and its sitemap), and its AsyncAPI file, as `make scrape` mirrors them. */
export const SITE_PAGES = [
  'api-reference/exchange/get-exchange-status.md',
  'api-reference/market/get-market.md',
  'api-reference/orders/create-order.md',
  'api-reference/orders/get-order.md',
  'api-reference/portfolio/get-balance.md',
  'asyncapi.yaml',
  'margin-rest/orders/get-orders.md',
  'typescript-sdk/api/ApiKeysApi.md',
  'websockets/websocket-connection.md',
];

/** What a scrape leaves in the specs folder beside the pages it mirrors. */
export const MANIFEST = 'manifest.json';

/** Every file of a folder with its bytes, to compare whole trees. */
export function tree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(join(dir, file)).toString('base64')]));
}

export function emptySpecs(): string {
  return join(mkdtempSync(join(tmpdir(), 'scrape-specs-')), 'specs');
}

/** A specs folder as a user has it before a scrape: seeds, a README, a stale page, outdated pages, a current one. */
export function existingSpecs(): string {
  const dir = emptySpecs();
  cpSync(join(ROOT, 'test', 'fixtures', 'html-scrape'), join(dir, 'seeds'), { recursive: true });
  writeText(dir, 'README.md', '# specs/\n');
  writeText(dir, 'api-reference/orders/get-order.md', 'an older copy of the page\n');
  writeText(dir, 'api-reference/live_data/get-live-data.md', '---\nlastmod: 2026-06-18T00:28:16.066Z\n---\na page the site no longer lists\n');
  writeText(dir, 'typescript-sdk/api/ApiKeysApi.md', 'the old SDK page\n');
  writeText(dir, 'api-reference/portfolio/get-balance.md', readFileSync(join(SITE, 'api-reference/portfolio/get-balance.md'), 'utf8'));
  return dir;
}

export function writeText(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}
