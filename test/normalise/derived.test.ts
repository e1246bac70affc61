import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { normalise } from '../../generator/normalise/index.ts';
import type { PageFragment } from '../../generator/normalise/fragment.ts';
import { derivedPage, pageOf } from '../support/pages.ts';

const SECURED = {
  security: [
    {
      title: 'kalshiAccessKey & kalshiAccessSignature & kalshiAccessTimestamp',
      parameters: {
        query: {},
        header: {
          'KALSHI-ACCESS-KEY': { type: 'apiKey', description: 'Your API key ID' },
          'KALSHI-ACCESS-SIGNATURE': { type: 'apiKey' },
          'KALSHI-ACCESS-TIMESTAMP': { type: 'apiKey' },
        },
        cookie: {},
      },
    },
  ],
};

function fragmentOf(paths: object, components: object = {}): { fragment: PageFragment | undefined; diagnostics: Diagnostics } {
  const { page, diagnostics } = pageOf('api-reference/portfolio/page.md', derivedPage(paths, components));
  const fragments = normalise(page ? [page] : [], diagnostics);
  return { fragment: fragments[0], diagnostics };
}

function responseSchema(schemaArray: object[]): unknown {
  const { fragment } = fragmentOf({
    path: '/x',
    method: 'get',
    request: {},
    response: { '200': { 'application/json': { schemaArray, description: 'OK' } } },
  });
  return (fragment!.operations[0]!.operation as any).responses['200'].content['application/json'].schema;
}

describe('derived schemas', () => {
  const table: [string, object[], unknown][] = [
    ['a single alternative is the schema', [{ type: 'string' }], { type: 'string' }],
    ['several alternatives become oneOf', [{ type: 'string' }, { type: 'integer' }], { oneOf: [{ type: 'string' }, { type: 'integer' }] }],
    ['a null alternative makes the rest nullable', [{ type: 'string' }, { type: 'null' }], { type: 'string', nullable: true }],
    ['enum<string> is a string enum', [{ type: 'enum<string>', enum: ['a', 'b'] }], { type: 'string', enum: ['a', 'b'] }],
    ['enum<integer> is an integer enum', [{ type: 'enum<integer>', enum: [1, 60] }], { type: 'integer', enum: [1, 60] }],
    ['any has no type', [{ type: 'any', description: 'd' }], { description: 'd' }],
    ['file is a binary string', [{ type: 'file' }], { type: 'string', format: 'binary' }],
    [
      'allOf property wrappers are unwrapped and requiredProperties become required',
      [{ type: 'object', properties: { a: { allOf: [{ type: 'string' }] }, b: { allOf: [{ type: 'integer' }] } }, requiredProperties: ['a'] }],
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'] },
    ],
    [
      'several allOf entries stay an allOf',
      [{ type: 'object', properties: { a: { allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } }],
      { type: 'object', properties: { a: { allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] } } },
    ],
    [
      'a nullable wrapper keeps nullable beside the reference',
      [{ type: 'object', properties: { o: { allOf: [{ $ref: '#/components/schemas/O' }], nullable: true } } }],
      { type: 'object', properties: { o: { allOf: [{ $ref: '#/components/schemas/O' }], nullable: true } } },
    ],
    [
      'a property flagged required: true is listed in required',
      [{ type: 'object', properties: { a: { allOf: [{ type: 'string', required: true }] } } }],
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
    ],
    ['placeholder examples are dropped, real ones kept', [{ type: 'string', example: '<string>' }], { type: 'string' }],
    ['Go vendor keys are dropped', [{ type: 'string', 'x-go-type-skip-optional-pointer': true, 'x-omitempty': true }], { type: 'string' }],
  ];
  it.each(table)('%s', (_name, schemaArray, want) => expect(responseSchema(schemaArray)).toEqual(want));

  it('turns refIdentifier into a $ref and the inline copy into the component', () => {
    const { fragment } = fragmentOf({
      path: '/x',
      method: 'get',
      request: {},
      response: {
        '200': {
          'application/json': {
            schemaArray: [{ type: 'object', properties: { n: { allOf: [{ type: 'integer' }] } }, refIdentifier: '#/components/schemas/Thing' }],
          },
        },
      },
    });
    const op = fragment!.operations[0]!.operation as any;
    expect(op.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Thing' });
    expect(fragment!.components.schemas!.Thing!.value).toEqual({ type: 'object', properties: { n: { type: 'integer' } } });
  });

  it('prefers the page-declared component over the inline copy', () => {
    const { fragment } = fragmentOf(
      { path: '/x', method: 'get', request: {}, response: { '200': { 'application/json': { schemaArray: [{ type: 'object', refIdentifier: '#/components/schemas/T' }] } } } },
      { schemas: { T: { type: 'object', properties: { real: { type: 'string' } } } } },
    );
    expect(fragment!.components.schemas!.T!.value).toEqual({ type: 'object', properties: { real: { type: 'string' } } });
  });
});

describe('derived operations', () => {
  it('builds parameters, body, security and placeholder responses', () => {
    const { fragment, diagnostics } = fragmentOf({
      path: '/portfolio/orders/{order_id}',
      method: 'post',
      servers: [{ url: 'https://api.elections.kalshi.com/trade-api/v2' }],
      request: {
        ...SECURED,
        parameters: {
          path: { order_id: { schema: [{ type: 'string', required: true, description: 'Order ID' }] } },
          query: {
            ids: { schema: [{ type: 'array', items: { allOf: [{ type: 'string' }] }, required: true }], style: 'form', explode: true },
            limit: { schema: [{ type: 'integer', default: 100 }] },
          },
          header: {},
          cookie: {},
        },
        body: { 'application/json': { schemaArray: [{ type: 'object', properties: {}, required: true }], examples: { example: { value: {} } } } },
      },
      response: {
        '204': { '_mintlify/placeholder': { schemaArray: [{ type: 'any', description: 'Deleted' }], examples: {}, description: 'Deleted' } },
      },
      deprecated: true,
      type: 'path',
    });
    expect(diagnostics.sorted()).toEqual([]);
    const { method, path, operation } = fragment!.operations[0]!;
    expect([method, path]).toEqual(['post', '/portfolio/orders/{order_id}']);
    expect(operation).toMatchObject({
      operationId: 'GetThing',
      summary: 'Get Thing',
      description: 'Page summary.',
      tags: ['portfolio'],
      deprecated: true,
      security: [{ kalshiAccessKey: [], kalshiAccessSignature: [], kalshiAccessTimestamp: [] }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: {} } } } },
      responses: { '204': { description: 'Deleted' } },
    });
    expect(operation.parameters).toEqual([
      { name: 'order_id', in: 'path', required: true, description: 'Order ID', schema: { type: 'string' } },
      { name: 'ids', in: 'query', required: true, style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', default: 100 } },
    ]);
    expect(fragment!.components.securitySchemes!.kalshiAccessKey!.value).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'KALSHI-ACCESS-KEY',
      description: 'Your API key ID',
    });
    expect(fragment!.api).toBe('trade');
  });

  it('gives public operations an empty security list', () => {
    const { fragment } = fragmentOf({ path: '/markets', method: 'get', request: { security: [] }, response: {} });
    expect(fragment!.operations[0]!.operation.security).toEqual([]);
  });

  it('skips webhooks with a note', () => {
    const { fragment, diagnostics } = fragmentOf({ path: '/hook', method: 'post', type: 'webhook', request: {}, response: {} });
    expect(fragment).toBeUndefined();
    expect(diagnostics.sorted().map((d) => d.code)).toEqual(['webhook-skipped']);
  });
});
