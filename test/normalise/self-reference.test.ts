import { describe, expect, it } from 'vitest';
import { merge } from '../../generator/merge/index.ts';
import { normalise } from '../../generator/normalise/index.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { pageOf } from '../support/pages.ts';

/** Derived pages as Mintlify writes them, with their YAML anchors: the shapes that used to make self-references. */

const HEAD = '# Source: https://docs.orbit.dev/api-reference/x.md\n\n# Get node\n\n## OpenAPI\n\n````yaml https://api.orbit.dev/openapi.json get /v1/nodes\n';
const request = '  servers:\n    - url: https://api.orbit.dev\n  request:\n    security: []\n    parameters: {path: {}, query: {}, header: {}, cookie: {}}\n    body: {}\n';

function documentOf(yaml: string) {
  const { page, diagnostics } = pageOf('orbit/get-node.md', HEAD + yaml + '\n````\n');
  const apis = merge(normalise([page!], diagnostics), diagnostics);
  return { schemas: (apis[0]!.document.components as any).schemas as Record<string, JsonObject>, document: apis[0]!.document, diagnostics: diagnostics.sorted() };
}

describe('schemas that reference themselves', () => {
  it('a declared schema that is a YAML alias of the inline copy carrying its own refIdentifier is that schema', () => {
    const { schemas, diagnostics } = documentOf(
      `paths:\n  path: /v1/nodes\n  method: get\n${request}  response:\n    '200':\n      application/json:\n        schemaArray:\n          - &ref_1\n            type: object\n            properties:\n              id:\n                allOf:\n                  - type: string\n            refIdentifier: '#/components/schemas/Node'\n        description: OK\ncomponents:\n  schemas:\n    Node: *ref_1\n`,
    );
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(schemas.Node).toEqual({ type: 'object', properties: { id: { type: 'string' } } });
  });

  it('a declared self-reference (a recursive schema cut short) gives way to the inline definition', () => {
    const { schemas, diagnostics } = documentOf(
      `paths:\n  path: /v1/nodes\n  method: get\n${request}  response:\n    '200':\n      application/json:\n        schemaArray:\n          - type: object\n            properties:\n              children:\n                allOf:\n                  - type: array\n                    items:\n                      $ref: '#/components/schemas/Node'\n            refIdentifier: '#/components/schemas/Node'\n        description: OK\ncomponents:\n  schemas:\n    Node:\n      $ref: '#/components/schemas/Node'\n`,
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(schemas.Node).toEqual({ type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } });
    expect(diagnostics.map((d) => d.code)).toContain('schema-circular');
  });

  it('a self-reference with nothing else becomes an unknown schema, with a warning naming page and line', () => {
    const { schemas, diagnostics } = documentOf(
      `paths:\n  path: /v1/nodes\n  method: get\n${request}  response:\n    '200':\n      application/json:\n        schemaArray:\n          - $ref: '#/components/schemas/Meta'\n        description: OK\ncomponents:\n  schemas:\n    Meta:\n      $ref: '#/components/schemas/Meta'\n      description: Free-form metadata.\n`,
    );
    expect(schemas.Meta).toEqual({ description: 'Free-form metadata.' });
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'schema-self-reference', severity: 'warning', source: { file: 'orbit/get-node.md', line: expect.any(Number) } }));
  });

  it('responses sharing one YAML anchor each keep the whole schema', () => {
    const { document, diagnostics } = documentOf(
      `paths:\n  path: /v1/nodes\n  method: get\n${request}  response:\n    4XX:\n      application/json: &ref_0\n        schemaArray:\n          - type: object\n            properties:\n              error:\n                allOf:\n                  - type: string\n            refIdentifier: '#/components/schemas/ErrorResponse'\n        description: Client error\n    5XX:\n      application/json: *ref_0\n`,
    );
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const responses = (document.paths as any)['/v1/nodes'].get.responses;
    expect(responses['4XX'].content).toEqual(responses['5XX'].content);
    expect(responses['5XX'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    expect((document.components as any).schemas.ErrorResponse).toEqual({ type: 'object', properties: { error: { type: 'string' } } });
  });
});
