import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { emitPackage } from '../../generator/emit/index.ts';
import type { MergedApi } from '../../generator/merge/index.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { StageTimer } from '../../generator/timing.ts';

/**
 * The package is type-checked as part of emitting it. These documents skip the stages that would have fixed
 * them (merge declares missing path parameters and cuts array recursion), so the check has something to find.
 */

const ok = (schema: JsonObject) => ({ '200': { description: 'OK', content: { 'application/json': { schema } } } });

function api(name: string, paths: JsonObject, schemas: JsonObject, pages: Record<string, string>): MergedApi {
  const operations = new Map(Object.entries(pages).map(([key, file]) => [key, { file, line: 12 }]));
  const schemaPages = new Map(Object.keys(schemas).map((schema) => [schema, { file: `${name}/schemas.md`, line: 40 }]));
  return {
    api: name,
    document: { openapi: '3.0.3', info: { title: `${name} API`, version: '1.0.0' }, servers: [{ url: `https://api.${name}.dev/v1` }], paths, components: { schemas } },
    sources: { operations, schemas: schemaPages },
  };
}

describe('the type check of the generated package', () => {
  it('fails a run on a type error, naming the operation or schema and its page; clean APIs give nothing', async () => {
    const timer = new StageTimer();
    const diagnostics = new Diagnostics();
    await emitPackage(
      [
        api('alpha', { '/things/{id}': { get: { operationId: 'GetThing', responses: ok({ type: 'object', properties: { a: { type: 'string' } } }) } } }, {}, { 'get /things/{id}': 'alpha/get-thing.md' }),
        api(
          'beta',
          { '/values': { get: { operationId: 'GetValue', responses: ok({ $ref: '#/components/schemas/JsonValue' }) } } },
          { JsonValue: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/JsonValue' } }] } },
          { 'get /values': 'beta/get-value.md' },
        ),
        api(
          'gamma',
          { '/items/{item_id}': { get: { operationId: 'GetItem', parameters: [{ name: 'item_id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok({ type: 'string' }) } } },
          {},
          { 'get /items/{item_id}': 'gamma/get-item.md' },
        ),
      ],
      diagnostics,
      '1.0.0',
      timer,
    );
    const found = diagnostics.sorted();
    expect(found.every((d) => d.code === 'package-type-error' && d.severity === 'error')).toBe(true);
    // A union holding itself through an array compiles: component schemas are named types, which may recurse.
    expect(new Set(found.map((d) => d.source?.file))).toEqual(new Set(['alpha/get-thing.md']));
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/^GET \/things\/\{id\} \(getThing\): the generated src\/alpha\/client\.ts \(in AlphaClient\.getThing\) does not type-check: /),
      expect.stringMatching(/^GET \/things\/\{id\} \(getThing\): the generated src\/alpha\/functions\.ts \(in getThing\.id\) does not type-check: /),
    ]);
    expect(found.every((d) => d.source?.line === 12)).toBe(true);
    expect(timer.timings.typecheck).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
