import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specsDocuments, type SpecsDocuments } from '../../generator/changelog/specs-documents.ts';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { ingestPage } from '../../generator/ingest/index.ts';
import { merge } from '../../generator/merge/index.ts';
import { normalise } from '../../generator/normalise/index.ts';
import { isObject, jsonEqual, type JsonObject } from '../../generator/openapi/json.ts';
import { scrape } from '../../generator/scrape/index.ts';
import { readManifest } from '../../generator/specs-folder/manifest.ts';
import { startSite, type SiteServer } from '../scrape/site-server.ts';
import { ROOT } from '../support/cli.ts';

/**
 * The whole update loop against a faithful copy of the docs site served on 127.0.0.1: `make scrape` into a specs
 * folder that also holds the seeds (dated, and older than nothing), then the merge. The client must have exactly the
 * operations of the pages the site lists, each as its own page defines it, with the components of its page.
 */

const METHODS = /^`{3,}yaml\s+\S+\s+(get|put|post|delete|patch)\s+(\S+)\s*$/gm;

/** The merged documents of one page on its own: what that page alone says each operation and component is. */
function pageDocuments(file: string, text: string): Map<string, JsonObject> {
  const diagnostics = new Diagnostics();
  const page = ingestPage(file, text, diagnostics);
  return new Map(merge(normalise(page ? [page] : [], diagnostics), diagnostics).map((a) => [a.api, a.document]));
}

describe.each(['2026-06-30', '2026-07-07'])('make scrape + merge against the site as served on %s', (day) => {
  let site: SiteServer;
  let specs: string;
  let result: SpecsDocuments;
  beforeAll(async () => {
    site = await startSite(join(ROOT, 'test', 'fixtures', 'live-site', day));
    specs = join(mkdtempSync(join(tmpdir(), 'live-')), 'specs');
    cpSync(join(ROOT, 'specs', 'seeds'), join(specs, 'seeds'), { recursive: true });
    const scraped = await scrape({ site: site.url, specsDir: specs, policy: { timeoutMs: 10_000, retries: 1 } });
    expect(scraped.ok, JSON.stringify(scraped.failed)).toBe(true);
    result = specsDocuments(specs, '');
  }, 60_000);
  afterAll(() => site.close());

  it('yields exactly the operations of the pages the site lists, none from seeds or SDK pages', () => {
    const listed = readManifest(specs)!.pages.filter((p) => /^(api-reference|margin-rest)\//.test(p.file));
    expect(listed.length).toBeGreaterThan(100);
    const announced = new Set(listed.flatMap((p) => [...readFileSync(join(specs, p.file), 'utf8').matchAll(METHODS)].map((m) => `${m[1]} ${m[2]}`)));
    const merged = new Set(
      [...result.documents.values()].flatMap((d) => Object.entries(d.paths as JsonObject).flatMap(([path, item]) => Object.keys(item as JsonObject).map((m) => `${m} ${path}`))),
    );
    expect(merged).toEqual(announced);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('gives each operation and each component exactly what its own page says', () => {
    let compared = 0;
    for (const { file } of readManifest(specs)!.pages.filter((p) => /^(api-reference|margin-rest)\/.+\.md$/.test(p.file))) {
      for (const [api, own] of pageDocuments(file, readFileSync(join(specs, file), 'utf8'))) {
        const full = result.documents.get(api)!;
        for (const [path, item] of Object.entries(own.paths as JsonObject)) {
          for (const [method, operation] of Object.entries(item as JsonObject)) {
            expect(jsonEqual((full.paths as JsonObject)[path] && ((full.paths as JsonObject)[path] as JsonObject)[method], operation), `${file}: ${method} ${path}`).toBe(true);
            compared++;
          }
        }
        const schemas = (own.components as JsonObject).schemas;
        for (const [name, schema] of Object.entries(isObject(schemas) ? schemas : {})) {
          expect(jsonEqual(((full.components as JsonObject).schemas as JsonObject)[name], schema), `${file}: schema ${name}`).toBe(true);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reports the seeds’ operations the site no longer documents instead of adding them', () => {
    const notListed = result.diagnostics.filter((d) => d.code === 'operation-not-listed').map((d) => d.message);
    // The legacy order endpoint: on the seeds, gone from the site by then.
    expect(notListed.some((m) => m.startsWith('POST /portfolio/orders (CreateOrder) is only on pages the docs site no longer lists'))).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'operation-from-sdk-reference' || d.code === 'operation-from-html-scrape')).toEqual([]);
  });
});
