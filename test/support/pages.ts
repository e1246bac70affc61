import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { ingestPage } from '../../generator/ingest/index.ts';
import type { Page } from '../../generator/ingest/page.ts';

/** Builders for small scraped pages, in the shapes the docs site produces. */

export function embeddedPage(document: object, options: { lastmod?: string; fence?: string; title?: string } = {}): string {
  const fence = options.fence ?? '/openapi.yaml get /x';
  return [
    '---',
    'url: https://docs.kalshi.com/api-reference/test/page',
    `lastmod: ${options.lastmod ?? '2026-01-01T00:00:00.000Z'}`,
    '---',
    `# ${options.title ?? 'Test Page'}`,
    '',
    '## OpenAPI',
    '',
    `\`\`\`\`yaml ${fence}`,
    stringify(document).trimEnd(),
    '````',
    '',
  ].join('\n');
}

export function derivedPage(paths: object, components: object = {}, options: { lastmod?: string; title?: string } = {}): string {
  const p = paths as { method?: string; path?: string };
  return [
    '---',
    'url: https://docs.kalshi.com/api-reference/portfolio/page',
    `lastmod: ${options.lastmod ?? '2025-11-15T00:00:00.000Z'}`,
    '---',
    `# ${options.title ?? 'Get Thing'}`,
    '',
    '> Page summary.',
    '',
    `\`\`\`\`yaml openapi.yaml ${p.method ?? 'get'} ${p.path ?? '/x'}`,
    stringify({ paths, components }).trimEnd(),
    '````',
    '',
  ].join('\n');
}

/** A minimal valid embedded document with one operation. */
export function oneOperation(method: string, path: string, operation: object, components: object = {}, version = '3.0.0'): object {
  return {
    openapi: '3.0.0',
    info: { title: 'Kalshi Trade API Manual Endpoints', version },
    servers: [{ url: 'https://external-api.kalshi.com/trade-api/v2' }],
    paths: { [path]: { [method]: { responses: { '200': { description: 'OK' } }, ...operation } } },
    components,
  };
}

export function pageOf(file: string, text: string): { page: Page | undefined; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  return { page: ingestPage(file, text, diagnostics), diagnostics };
}

/** Writes `files` (relative path → text or bytes) into a fresh temporary specs folder. */
export function specsDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'specs-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
