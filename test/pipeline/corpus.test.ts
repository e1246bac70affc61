import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/index.ts';
import { isObject, type JsonObject } from '../../generator/openapi/json.ts';
import { refsIn } from '../../generator/merge/references.ts';
import { readManifest } from '../../generator/specs-folder/manifest.ts';
import { ROOT } from '../support/cli.ts';
import { specsDir } from '../support/pages.ts';

const SPECS = join(ROOT, 'specs');
const FIXTURES = join(ROOT, 'test', 'fixtures');

function operations(document: JsonObject): { key: string; id: string }[] {
  return Object.entries(document.paths as JsonObject).flatMap(([path, item]) =>
    Object.entries(item as JsonObject).map(([method, op]) => ({ key: `${method} ${path}`, id: String((op as JsonObject).operationId) })),
  );
}

/** The (method, path) pairs the pages' OpenAPI fences announce, read straight from the page text. */
function fencedOperations(dir: string, filter: (file: string) => boolean): Set<string> {
  const found = new Set<string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (filter(path)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/^````yaml \S+ (get|put|post|delete|patch) (\S+)$/gm)) found.add(`${m[1]} ${m[2]}`);
      }
    }
  };
  visit(dir);
  return found;
}

function everyRefResolves(document: JsonObject): string[] {
  const components = document.components as Record<string, JsonObject>;
  return refsIn(document).filter((ref) => {
    const [, , kind, name] = ref.split('/');
    return !(kind && name && isObject(components[kind]) && name in components[kind]);
  });
}

const documents = (specs: string) => generate({ specsDir: specs, outDir: join(mkdtempSync(join(tmpdir(), 'out-')), 'generated'), documentsOnly: true });

describe('the committed specs (the docs site as scraped on 2026-08-22, with dropped pages and seeds)', () => {
  let result: GenerateResult;
  beforeAll(async () => {
    result = await documents(SPECS);
  }, 60_000);

  it('generates without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['trade', 'api-reference/'],
    ['perps', 'margin-rest/'],
  ])('the %s document has exactly the operations of the pages the site lists, and valid unique ids', (api, folder) => {
    const document = result.apis.find((a) => a.api === api)!.document;
    const ops = operations(document);
    const listed = new Set(readManifest(SPECS)!.pages.map((p) => join(SPECS, p.file)));
    const announced = fencedOperations(join(SPECS, folder), (file) => listed.has(file));
    expect(new Set(ops.map((o) => o.key))).toEqual(announced);
    expect(announced.size).toBeGreaterThan(40);
    expect(new Set(ops.map((o) => o.id.toLowerCase())).size).toBe(ops.length);
    expect(everyRefResolves(document)).toEqual([]);
  });

  it('leaves out what only dropped pages and seeds define, and reports each such operation', () => {
    const trade = new Set(operations(result.apis.find((a) => a.api === 'trade')!.document).map((o) => o.key));
    const dropped = fencedOperations(join(SPECS, 'dropped'), () => true);
    const removed = [...dropped].filter((k) => !trade.has(k) && !k.includes('/margin/'));
    expect(removed).toEqual(expect.arrayContaining(['post /portfolio/orders', 'get /exchange/announcements']));
    const reported = result.diagnostics.filter((d) => d.code === 'operation-not-listed').map((d) => d.message);
    for (const key of removed) {
      const [method, path] = key.split(' ');
      expect(reported.some((m) => m.startsWith(`${method!.toUpperCase()} ${path} `))).toBe(true);
    }
    expect(result.diagnostics.find((d) => d.code === 'sdk-methods-mapped' && d.source?.file.startsWith('seeds/'))?.message).toMatch(
      /^\d+ method\(s\) map to live operations; \d+ to operations the docs removed \(.*createOrder.*\)/,
    );
  });

  it('drops Go vendor keys and keeps nullable references nullable in the generated types', async () => {
    const trade = result.files.get('openapi/trade.json')!;
    expect(trade).not.toMatch(/x-go-|x-oapi-codegen|x-omitempty/);
    const types = astToString(await openapiTS(JSON.parse(trade)));
    expect(types).toMatch(/self_trade_prevention_type\?: .*\| null;/);
    const perps = astToString(await openapiTS(JSON.parse(result.files.get('openapi/perps.json')!)));
    expect(perps).toMatch(/operations/);
  }, 60_000);

});

describe('the 2025-11-15 snapshot (derived format only)', () => {
  it('generates every operation its pages describe; the only warnings are SDK pages disagreeing with the spec', async () => {
    const dir = join(FIXTURES, 'kalshi-docs-2025-11-15');
    const result = await documents(dir);
    const warnings = new Set(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code));
    expect(warnings).toEqual(new Set(['sdk-disagrees', 'sdk-method-disagrees']));
    const keys = new Set(operations(result.apis[0]!.document).map((o) => o.key));
    expect(keys).toEqual(fencedOperations(dir, () => true));
  }, 60_000);
});

describe('each seed alone', () => {
  const seeds = readdirSync(join(SPECS, 'seeds')).sort();
  const expected: Record<string, string[]> = {
    '000_047edaf11fcc1be6.txt': ['get /portfolio/orders/{order_id}/queue_position'],
    '001_9e4d13084743b8f6.txt': ['get /portfolio/orders/{order_id}'],
    '002_2c71d491e1e9a8b7.txt': ['get /portfolio/orders'],
    '004_d357b63ba6152321.txt': ['post /portfolio/orders'],
  };
  it.each(seeds.filter((seed) => seed in expected))('%s generates its operation with no error', async (seed) => {
    const text = readFileSync(join(SPECS, 'seeds', seed), 'utf8');
    const result = await documents(specsDir({ [seed]: text }));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(operations(result.apis[0]!.document).map((o) => o.key)).toEqual(expected[seed]);
  });

  it('003 (an SDK reference page) adds no operation of its own: alone, every method maps to none', async () => {
    const seed = seeds.find((s) => !(s in expected))!;
    const text = readFileSync(join(SPECS, 'seeds', seed), 'utf8');
    const result = await documents(specsDir({ [seed]: text }));
    const tableRows = [...text.matchAll(/^\| \[\*\*(\w+)\*\*\]\(#\w+\)\s*\| \*\*(\w+)\*\* (\S+)/gm)].map((m) => m[1]!);
    expect(tableRows.length).toBeGreaterThan(10);
    expect(result.apis).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['no-operations']);
    expect(result.diagnostics.filter((d) => d.code === 'sdk-operation-unknown').length).toBe(tableRows.length);
  });
});

describe('other Mintlify sites', () => {
  it('groups pages of other APIs by their own name', async () => {
    const result = await documents(join(FIXTURES, 'mintlify-other'));
    expect(result.ok).toBe(true);
    expect(result.apis.map((a) => a.api)).toEqual(['vercel', 'writer']);
  });
});
