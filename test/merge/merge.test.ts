import { describe, expect, it } from 'vitest';
import { fragment, mergeFragments as run } from '../support/fragments.ts';

const body = (ref: string) => ({ responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: ref } } } } } });


describe('merge', () => {
  it('keeps the newest page of an operation and reports the stale copies as superseded', () => {
    const { document, diagnostics } = run([
      fragment({ file: 'portfolio/get.md', kind: 'derived', date: '2025-11-15T00:00:00Z' }, [{ operation: { operationId: 'Old' } }]),
      fragment({ file: 'orders/get.md', date: '2026-08-21T00:00:00Z' }, [{ operation: { operationId: 'New' } }]),
    ]);
    expect(document.paths['/x'].get.operationId).toBe('New');
    expect(diagnostics).toMatchObject([{ code: 'operation-superseded', severity: 'info', source: { file: 'portfolio/get.md' }, related: [{ file: 'orders/get.md' }] }]);
  });

  it('breaks a date tie by info.version, and warns when neither page is newer', () => {
    const tie = run([
      fragment({ file: 'a.md', date: '2026-01-01', version: '3.9.0' }, [{ operation: { operationId: 'Nine' } }]),
      fragment({ file: 'b.md', date: '2026-01-01', version: '3.10.0' }, [{ operation: { operationId: 'Ten' } }]),
    ]);
    expect(tie.document.paths['/x'].get.operationId).toBe('Ten');
    const same = run([
      fragment({ file: 'a.md', date: '2026-01-01' }, [{ operation: { operationId: 'A' } }]),
      fragment({ file: 'b.md', date: '2026-01-01' }, [{ operation: { operationId: 'B' } }]),
    ]);
    expect(same.document.paths['/x'].get.operationId).toBe('A');
    expect(same.diagnostics.map((d) => [d.code, d.severity])).toEqual([['operation-conflict', 'warning']]);
  });

  it('takes each component from the newest page and reports the older definitions', () => {
    const { document, diagnostics } = run([
      fragment({ file: 'old.md', date: '2025-01-01' }, [], { Order: { type: 'object', properties: { a: { type: 'string' } } } }),
      fragment({ file: 'new.md', date: '2026-01-01' }, [{ operation: body('#/components/schemas/Order') }], { Order: { type: 'object' } }),
    ]);
    expect(document.components.schemas.Order).toEqual({ type: 'object' });
    expect(diagnostics).toMatchObject([{ code: 'component-superseded', source: { file: 'new.md' }, related: [{ file: 'old.md' }] }]);
  });

  it('resolves a $ref from another page and includes only the components in use', () => {
    const { document, diagnostics } = run([
      fragment({ file: 'a.md' }, [{ operation: body('#/components/schemas/Market') }]),
      fragment({ file: 'b.md' }, [], { Market: { type: 'object', properties: { s: { $ref: '#/components/schemas/Status' } } }, Status: { type: 'string' }, Unused: { type: 'string' } }),
    ]);
    expect(Object.keys(document.components.schemas)).toEqual(['Market', 'Status']);
    expect(diagnostics).toEqual([]);
  });

  it('turns a $ref no page defines into unknown, with a warning naming the page and line', () => {
    const { document, diagnostics } = run([fragment({ file: 'a.md' }, [{ operation: body('#/components/schemas/Missing') }])]);
    expect(document.paths['/x'].get.responses['200'].content['application/json'].schema).toEqual({
      description: 'Unresolved reference #/components/schemas/Missing',
      'x-unresolved-ref': '#/components/schemas/Missing',
    });
    expect(diagnostics).toMatchObject([{ code: 'ref-unresolved', severity: 'warning', source: { file: 'a.md', line: 10 } }]);
  });

  it('rejects one operationId on two paths, naming both pages', () => {
    const { diagnostics } = run([
      fragment({ file: 'a.md' }, [{ path: '/a', operation: { operationId: 'Same' } }]),
      fragment({ file: 'b.md' }, [{ path: '/b', operation: { operationId: 'Same' } }]),
    ]);
    expect(diagnostics).toMatchObject([{ code: 'operation-id-duplicate', severity: 'error', related: [{ file: expect.any(String) }] }]);
  });

  it('reports recursive schemas as information and pure reference loops as errors', () => {
    const tree = run([
      fragment({ file: 'a.md' }, [{ operation: body('#/components/schemas/Node') }], {
        Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
      }),
    ]);
    expect(tree.diagnostics.map((d) => [d.code, d.severity])).toEqual([['schema-circular', 'info']]);
    const loop = run([
      fragment({ file: 'a.md' }, [{ operation: body('#/components/schemas/A') }], {
        A: { $ref: '#/components/schemas/B' },
        B: { allOf: [{ $ref: '#/components/schemas/A' }] },
      }),
    ]);
    expect(loop.diagnostics.map((d) => d.code)).toContain('schema-ref-cycle');
  });

  it('never adds an operation only an SDK page has; reports its methods as mapping to live operations or none', () => {
    const { document, diagnostics } = run([
      fragment({ file: 'spec.md', date: '2026-01-01' }, [
        { method: 'put', path: '/groups/{id}/reset', operation: { operationId: 'Reset', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } },
      ]),
      fragment({ file: 'sdk.md', kind: 'sdk-reference', date: '2026-05-01' }, [
        { method: 'put', path: '/groups/{group_id}/reset', sdkMethod: 'resetGroup', operation: { operationId: 'ResetGroup', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } },
        { method: 'post', path: '/groups/{group_id}/reset', sdkMethod: 'resetGroupPost', operation: { operationId: 'ResetGroupPost' } },
        { method: 'get', path: '/extra', sdkMethod: 'getExtra', operation: { operationId: 'GetExtra' } },
      ]),
    ]);
    expect(Object.keys(document.paths)).toEqual(['/groups/{id}/reset']);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['sdk-method-disagrees', 'warning'],
      ['sdk-operation-unknown', 'warning'],
      ['sdk-methods-mapped', 'info'],
    ]);
    expect(diagnostics[2]!.message).toBe('1 method(s) map to live operations; 2 to none (getExtra, resetGroupPost)');
  });

  it('cross-checks SDK parameters against the spec and keeps the spec', () => {
    const { document, diagnostics } = run([
      fragment({ file: 'spec.md' }, [{ operation: { operationId: 'GetX', parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }] } }]),
      fragment({ file: 'sdk.md', kind: 'sdk-reference' }, [
        { sdkMethod: 'getX', operation: { operationId: 'GetX', parameters: [{ name: 'page_size', in: 'query', schema: { type: 'integer' } }] } },
      ]),
    ]);
    expect(document.paths['/x'].get.parameters[0].name).toBe('limit');
    expect(diagnostics.filter((d) => d.severity !== 'info')).toMatchObject([{ code: 'sdk-disagrees', message: expect.stringMatching(/query:page_size.*query:limit/) }]);
  });

  it('gives a nullable reference the referenced type (OpenAPI 3.0 needs type beside nullable)', () => {
    const { document } = run([
      fragment({ file: 'a.md' }, [{ operation: body('#/components/schemas/O') }], {
        O: { type: 'object', properties: { p: { allOf: [{ $ref: '#/components/schemas/D' }], nullable: true } } },
        D: { type: 'string' },
      }),
    ]);
    expect(document.components.schemas.O.properties.p).toEqual({ type: 'string', allOf: [{ $ref: '#/components/schemas/D' }], nullable: true });
  });

  it('orders paths, methods and components canonically, whatever the input order', () => {
    const a = fragment({ file: 'a.md' }, [{ method: 'post', path: '/b', operation: { operationId: 'P' } }, { method: 'get', path: '/b', operation: { operationId: 'G' } }]);
    const b = fragment({ file: 'b.md' }, [{ path: '/a', operation: { operationId: 'A' } }]);
    const one = JSON.stringify(run([a, b]).document);
    const two = JSON.stringify(run([b, a]).document);
    expect(one).toBe(two);
    expect(Object.keys(JSON.parse(one).paths)).toEqual(['/a', '/b']);
    expect(Object.keys(JSON.parse(one).paths['/b'])).toEqual(['get', 'post']);
  });
});
