import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS } from '../../generator/changelog/change.ts';
import { diffDocuments } from '../../generator/changelog/index.ts';
import { RULE_KEYS, severityOf } from '../../generator/changelog/rules.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { ROOT } from '../support/cli.ts';
import { doc, object, op, summary } from './documents.ts';

const fixture = (name: string): JsonObject => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'changelog', `${name}.json`), 'utf8'));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('diffDocuments', () => {
  it('compares resolved schemas: renamed, inlined and moved components change no type, and only their text is listed', () => {
    const changes = diffDocuments(fixture('renamed-components.before'), fixture('renamed-components.after'));
    expect(changes[0]).toMatchObject({ kind: 'info-version-changed', message: 'version 3.0.0 → 3.1.0' });
    expect(new Set(changes.slice(1).map((c) => `${c.kind} ${c.severity}`))).toEqual(new Set(['documentation-changed non-breaking']));
    expect(changes.map((c) => c.message)).toContain('schema `ErrorResponse`: definition removed (no operation sees a different type)');
  });

  it('terminates on recursive schemas and reports a change inside the cycle', () => {
    const changes = diffDocuments(fixture('cycles.before'), fixture('cycles.after'));
    // Reported once, where the cycle is entered; the wrapper around the recursive reference is still compared.
    expect(summary(changes)).toEqual([
      'info-version-changed | non-breaking',
      'property-added | non-breaking | response 200 | label',
      'nullable-removed | non-breaking | response 200 | parent',
      'property-required | breaking | request body | b.a',
    ]);
    // Each change belongs to the renamed component whose definition changed (Node → TreeNode, B → Beta).
    expect(changes.slice(1).map((c) => [c.schema, c.schemaMessage])).toEqual([
      ['TreeNode', 'property `label` added'],
      ['TreeNode', '`parent` is no longer nullable'],
      ['Beta', 'property `a` became required'],
    ]);
  });

  it('stops at a bounded depth on schemas nested deeper than any real document', () => {
    const nest = (depth: number, leaf: object): object => (depth === 0 ? leaf : object({ next: nest(depth - 1, leaf) }));
    const before = doc({ '/x': { get: op({ response: nest(200, object({ a: { type: 'string' } })) }) } });
    const after = doc({ '/x': { get: op({ response: nest(200, object({ a: { type: 'integer' } })) }) } });
    // Nothing a client sees within the bound; the documents still differ, and that is said.
    expect(new Set(diffDocuments(before, after).map((c) => c.kind))).toEqual(new Set(['documentation-changed']));
    const shallowAfter = doc({ '/x': { get: op({ response: nest(3, object({ a: { type: 'integer' } })) }) } });
    const shallowBefore = doc({ '/x': { get: op({ response: nest(3, object({ a: { type: 'string' } })) }) } });
    expect(summary(diffDocuments(shallowBefore, shallowAfter))).toEqual(['type-changed | breaking | response 200 | next.next.next.a']);
  });

  it('does not modify its inputs', () => {
    const before = deepFreeze(fixture('cycles.before'));
    const after = deepFreeze(fixture('cycles.after'));
    expect(() => diffDocuments(before, after)).not.toThrow();
  });

  it('identifies operations by method and path template, in path then method order', () => {
    const before = doc({ '/b': { post: op({ id: 'B' }) }, '/a/{id}': { get: op({ id: 'A' }) } }, { Thing: object({}) });
    const after = doc({ '/a/{ticker}': { get: op({ id: 'A' }), delete: op({ id: 'DeleteA' }) }, '/c': { get: op({ id: 'C' }) } }, { Thing: object({}) });
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => `${c.kind} ${c.operation!.method} ${c.operation!.path} ${c.operation!.operationId}`)).toEqual([
      'operation-added DELETE /a/{ticker} DeleteA',
      'path-parameter-renamed GET /a/{ticker} A',
      'operation-removed POST /b B',
      'operation-added GET /c C',
    ]);
  });

  it('names the wrappers an operationId rename changes', () => {
    const [change] = diffDocuments(doc({ '/x': { get: op({ id: 'GetOrders' }) } }, { Thing: object({}) }), doc({ '/x': { get: op({ id: 'ListOrders' }) } }, { Thing: object({}) }));
    expect(change).toMatchObject({
      kind: 'operation-id-renamed',
      severity: 'breaking',
      operation: { method: 'GET', path: '/x', operationId: 'ListOrders' },
      message: 'operationId renamed from GetOrders to ListOrders: wrapper getOrders() → listOrders()',
    });
  });

  it('attributes a change to the component whose definition changed, or to what holds the reference', () => {
    const order = (extra: object) => object({ id: { type: 'string' }, status: { type: 'string', enum: ['open', 'closed'] }, ...extra });
    const wrap = (nullable: boolean) => ({ allOf: [{ $ref: '#/components/schemas/Fill' }], ...(nullable ? { nullable: true } : {}) });
    const paths = { '/a': { get: op({ id: 'GetA', response: { $ref: '#/components/schemas/Order' } }) }, '/b': { get: op({ id: 'GetB', response: object({ orders: { type: 'array', items: { $ref: '#/components/schemas/Order' } } }) }) } };
    const before = doc(paths, { Order: order({ fill: wrap(false) }), Fill: object({ n: { type: 'integer' } }) });
    const after = doc(paths, { Order: { ...order({ fill: wrap(true) }), properties: { ...order({ fill: wrap(true) }).properties, status: { type: 'string', enum: ['open'] } } }, Fill: object({ n: { type: 'integer' } }) });
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => [c.operation!.operationId, c.property, c.schema, c.schemaMessage])).toEqual([
      ['GetA', 'fill', 'Order', '`fill` became nullable'],
      ['GetA', 'status', 'Order', '`status`: enum value "closed" removed'],
      ['GetB', 'orders[].fill', 'Order', '`fill` became nullable'],
      ['GetB', 'orders[].status', 'Order', '`status`: enum value "closed" removed'],
    ]);
  });

  it('has a rule for every kind of change', () => {
    for (const kind of CHANGE_KINDS) expect(RULE_KEYS.some((key) => key === kind || key.startsWith(`${kind}:`)), kind).toBe(true);
    for (const key of RULE_KEYS) expect(CHANGE_KINDS).toContain(key.split(':')[0]);
    expect(severityOf('property-added', 'request', 'required')).toBe('breaking');
    expect(severityOf('property-added', 'response', 'required')).toBe('non-breaking');
    expect(severityOf('media-type-removed', 'response')).toBe('breaking');
  });
});
