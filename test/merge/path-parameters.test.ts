import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { merge } from '../../generator/merge/index.ts';
import { normalise } from '../../generator/normalise/index.ts';
import { embeddedPage, oneOperation, pageOf } from '../support/pages.ts';

function operationOf(path: string, parameters: object[], components: object = {}) {
  const { page, diagnostics } = pageOf('api-reference/x/page.md', embeddedPage(oneOperation('get', path, { operationId: 'GetThing', parameters }, components)));
  const apis = merge(normalise([page!], diagnostics), diagnostics);
  return { operation: (apis[0]!.document.paths as any)[path].get, diagnostics: diagnostics.sorted() };
}

const param = (name: string, where = 'path') => ({ name, in: where, required: true, schema: { type: 'string' } });

describe('path template and declared path parameters agree', () => {
  it('adds a parameter the template names but the page does not declare, with a warning naming page and line', () => {
    const { operation, diagnostics } = operationOf('/things/{thing_id}/parts/{part}', [param('thing_id')]);
    expect(operation.parameters).toEqual([param('part'), param('thing_id')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'path-parameter-undeclared', severity: 'warning', source: { file: 'api-reference/x/page.md', line: expect.any(Number) } }),
    ]);
    expect(diagnostics[0]!.message).toContain('{part}');
  });

  it('drops a declared path parameter the template does not use; query parameters stay', () => {
    const { operation, diagnostics } = operationOf('/things', [param('ghost'), param('q', 'query')]);
    expect(operation.parameters).toEqual([param('q', 'query')]);
    expect(diagnostics.map((d) => d.code)).toEqual(['path-parameter-unused']);
  });

  it('follows $refs to component parameters', () => {
    const { operation, diagnostics } = operationOf('/things/{id}', [{ $ref: '#/components/parameters/Id' }], { parameters: { Id: param('id') } });
    expect(operation.parameters).toEqual([{ $ref: '#/components/parameters/Id' }]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('leaves a consistent operation untouched', () => {
    const { diagnostics } = operationOf('/things/{id}', [param('id')]);
    expect(diagnostics).toEqual([]);
  });
});

describe('recursive schemas', () => {
  it('keeps a union that holds itself through an array (JsonValue) and recursion through objects as they are', () => {
    const json = {
      anyOf: [
        { type: 'string' },
        { type: 'array', items: { $ref: '#/components/schemas/JsonValue' } },
        { type: 'object', additionalProperties: { $ref: '#/components/schemas/JsonValue' } },
      ],
    };
    const node = { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };
    const responses = { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { a: { $ref: '#/components/schemas/JsonValue' }, b: { $ref: '#/components/schemas/Node' } } } } } } };
    const { page, diagnostics } = pageOf('p.md', embeddedPage(oneOperation('get', '/x', { operationId: 'X', responses }, { schemas: { JsonValue: json, Node: node } })));
    const schemas = (merge(normalise([page!], diagnostics), diagnostics)[0]!.document.components as any).schemas;
    expect(schemas.JsonValue).toEqual(json);
    expect(schemas.Node).toEqual(node);
    expect(diagnostics.sorted().filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
