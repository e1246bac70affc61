import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { merge } from '../../generator/merge/index.ts';
import { normalise } from '../../generator/normalise/index.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { derivedPage, embeddedPage, pageOf } from '../support/pages.ts';

/**
 * OpenAPI 3.1 constructs, as Mintlify renders them from 3.1 sources: each row is a small page of the real shape
 * (derived format, or an embedded `openapi: 3.1.0` excerpt) and the 3.0 schema the merged document must hold.
 */

const NULL = { type: 'string', nullable: true, enum: [null] };

/** A derived page whose 200 response is an object with one property `value` of the given (derived) schema. */
function derivedWith(property: object, components: object = {}): string {
  return derivedPage(
    {
      path: '/v1/things',
      method: 'get',
      servers: [{ url: 'https://api.orbit.dev' }],
      request: { security: [], parameters: { path: {}, query: {}, header: {}, cookie: {} }, body: {} },
      response: {
        '200': {
          'application/json': {
            schemaArray: [{ type: 'object', properties: { value: { allOf: [property] } }, refIdentifier: '#/components/schemas/Thing' }],
            examples: { example: { value: { value: '<string>' } } },
            description: 'Successful Response',
          },
        },
      },
      deprecated: false,
      type: 'path',
    },
    { schemas: components },
  );
}

/** An embedded 3.1 excerpt whose 200 response is the component `Thing`, with `value` of the given schema. */
function embeddedWith(property: object, components: object = {}): string {
  return embeddedPage(
    {
      openapi: '3.1.0',
      info: { title: 'Lumen API', version: '2.4.0' },
      servers: [{ url: 'https://api.lumen.dev/v2' }],
      paths: {
        '/things': {
          get: {
            operationId: 'getThing',
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
          },
        },
      },
      components: { schemas: { Thing: { type: 'object', properties: { value: property } }, ...components } },
    },
    { fence: '/openapi.yaml get /things' },
  );
}

function documentOf(text: string): { document: JsonObject; codes: string[] } {
  const { page, diagnostics } = pageOf('page.md', text);
  const apis = merge(normalise(page ? [page] : [], diagnostics), diagnostics);
  expect(diagnostics.hasErrors(), JSON.stringify(diagnostics.sorted())).toBe(false);
  return { document: apis[0]!.document, codes: diagnostics.sorted().map((d) => d.code) };
}

const valueOf = (document: JsonObject) => ((document.components as any).schemas.Thing.properties.value as JsonObject);

describe('OpenAPI 3.1 schemas become 3.0 schemas', () => {
  const table: [string, { page: string; want: object; warns?: string }][] = [
    ['derived: const', { page: derivedWith({ type: 'string', const: 'chat.completion', title: 'Object' }), want: { type: 'string', title: 'Object', enum: ['chat.completion'] } }],
    [
      'derived: a `nullable: true` branch without type inside anyOf',
      { page: derivedWith({ anyOf: [{ type: 'number', maximum: 2 }, { nullable: true }], title: 'Temperature' }), want: { type: 'number', maximum: 2, title: 'Temperature', nullable: true } },
    ],
    [
      'derived: a `type: null` branch beside a $ref',
      {
        page: derivedWith({ anyOf: [{ $ref: '#/components/schemas/Usage' }, { type: 'null' }] }, { Usage: { type: 'object', properties: { n: { type: 'integer' } } } }),
        want: { type: 'object', allOf: [{ $ref: '#/components/schemas/Usage' }], nullable: true },
      },
    ],
    ['embedded: type [string, null]', { page: embeddedWith({ type: ['string', 'null'], maxLength: 3 }), want: { maxLength: 3, nullable: true, type: 'string' } }],
    [
      'embedded: type [string, array, null], keywords moved to their branch',
      {
        page: embeddedWith({ type: ['string', 'array', 'null'], items: { type: 'string' }, description: 'Stop words' }),
        want: { description: 'Stop words', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, NULL] },
      },
    ],
    ['embedded: type null alone', { page: embeddedWith({ type: 'null' }), want: NULL }],
    ['embedded: const', { page: embeddedWith({ const: 'async', description: 'Mode' }), want: { description: 'Mode', enum: ['async'] } }],
    ['embedded: enum holding null', { page: embeddedWith({ type: ['string', 'null'], enum: ['low', 'high', null] }), want: { enum: ['low', 'high', null], nullable: true, type: 'string' } }],
    [
      'embedded: numeric exclusive bounds',
      { page: embeddedWith({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 100 }), want: { type: 'integer', exclusiveMinimum: true, minimum: 0, exclusiveMaximum: true, maximum: 100 } },
    ],
    ['embedded: examples list', { page: embeddedWith({ type: 'string', examples: ['agt_123', 'agt_456'] }), want: { type: 'string', example: 'agt_123' } }],
    ['embedded: contentEncoding base64', { page: embeddedWith({ type: 'string', contentEncoding: 'base64' }), want: { type: 'string', format: 'byte' } }],
    ['embedded: binary contentMediaType', { page: embeddedWith({ type: 'string', contentMediaType: 'application/octet-stream' }), want: { type: 'string', format: 'binary' } }],
    [
      'embedded: boolean subschemas',
      { page: embeddedWith({ type: 'object', properties: { any: true, none: false } }), want: { type: 'object', properties: { any: {}, none: { not: {} } } } },
    ],
    [
      'embedded: anyOf of different types with a null branch',
      { page: embeddedWith({ anyOf: [{ type: 'integer' }, { type: 'string' }, { type: 'null' }] }), want: { anyOf: [{ type: 'integer' }, { type: 'string' }, NULL] } },
    ],
    ['embedded: nullable without a type or members (any value)', { page: embeddedWith({ description: 'Whatever', anyOf: [{}, { type: 'null' }] }), want: { description: 'Whatever' } }],
    [
      'embedded: if/then dropped, with a warning',
      { page: embeddedWith({ type: 'object', if: { properties: { a: { const: 1 } } }, then: { required: ['b'] } }), want: { type: 'object' }, warns: 'openapi31-downgraded' },
    ],
    [
      'embedded: patternProperties → additionalProperties, with a warning',
      { page: embeddedWith({ type: 'object', patternProperties: { '^x-': { type: 'string' } } }), want: { type: 'object', additionalProperties: { type: 'string' } }, warns: 'openapi31-downgraded' },
    ],
    [
      'embedded: prefixItems → one item schema, with a warning',
      { page: embeddedWith({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }), want: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }, warns: 'openapi31-downgraded' },
    ],
  ];

  it.each(table)('%s', (_name, { page, want, warns }) => {
    const { document, codes } = documentOf(page);
    expect(valueOf(document)).toEqual(want);
    if (warns) expect(codes).toContain(warns);
    else expect(codes.filter((c) => c === 'openapi31-downgraded')).toEqual([]);
  });
});

describe('discriminator mappings', () => {
  it('turns mapping values Mintlify inlined as schemas back into references', () => {
    const cat = { type: 'object', properties: { kind: { type: 'string', const: 'cat' } }, refIdentifier: '#/components/schemas/Cat' };
    const { document } = documentOf(
      derivedWith(
        {
          oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
          discriminator: { propertyName: 'kind', mapping: { cat, dog: { $ref: '#/components/schemas/Dog' } } },
        },
        { Cat: { type: 'object', properties: { kind: { type: 'string' } } }, Dog: { type: 'object', properties: { kind: { type: 'string' } } } },
      ),
    );
    expect(valueOf(document).discriminator).toEqual({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } });
  });

  it('drops a mapping entry naming no schema, with a warning', () => {
    const { page, diagnostics } = pageOf('page.md', derivedWith({ oneOf: [{ type: 'string' }], discriminator: { propertyName: 'kind', mapping: { ghost: { type: 'object' } } } }));
    const apis = merge(normalise([page!], diagnostics), diagnostics);
    expect(valueOf(apis[0]!.document).discriminator).toEqual({ propertyName: 'kind' });
    expect(diagnostics.sorted().find((d) => d.code === 'openapi31-downgraded')?.message).toMatch(/mapping "ghost"/);
  });
});

describe('3.1 responses and bodies', () => {
  const operationOf = (text: string) => {
    const { document, codes } = documentOf(text);
    const item = Object.values(document.paths as JsonObject)[0] as JsonObject;
    return { operation: Object.values(item)[0] as any, codes };
  };

  it('keeps 4XX, fixes 4xx to 4XX, drops keys that are no status, with a warning', () => {
    const page = embeddedPage(
      {
        openapi: '3.1.0',
        info: { title: 'Lumen API', version: '2.4.0' },
        servers: [{ url: 'https://api.lumen.dev/v2' }],
        paths: { '/runs': { post: { operationId: 'createRun', responses: { '201': { description: 'Created' }, '4XX': { description: 'Refused' }, '5xx': { description: 'Failed' }, sometimes: { description: '?' } } } } },
      },
      { fence: '/openapi.yaml post /runs' },
    );
    const { operation, codes } = operationOf(page);
    expect(Object.keys(operation.responses)).toEqual(['201', '4XX', '5XX']);
    expect(codes).toContain('openapi31-downgraded');
  });

  it('removes the _mintlify/placeholder media type: a response keeps its description, a body is dropped', () => {
    const placeholder = { schemaArray: [{ type: 'any', description: 'No content' }], examples: {}, description: 'No content' };
    const page = derivedPage({
      path: '/v1/files/{file_id}',
      method: 'delete',
      servers: [{ url: 'https://api.orbit.dev' }],
      request: { security: [], parameters: { path: { file_id: { schema: [{ type: 'string', required: true }] } } }, body: { '_mintlify/placeholder': placeholder } },
      response: { '204': { '_mintlify/placeholder': placeholder }, '4XX': { '_mintlify/placeholder': { ...placeholder, description: 'Not found' } } },
    });
    const { operation, codes } = operationOf(page);
    expect(operation.requestBody).toBeUndefined();
    expect(operation.responses).toEqual({ '204': { description: 'No content' }, '4XX': { description: 'Not found' } });
    expect(codes).toContain('openapi31-downgraded');
  });

  it('keeps multipart/form-data bodies (derived `file` → binary string) and event-stream responses', () => {
    const page = derivedPage({
      path: '/v1/files',
      method: 'post',
      servers: [{ url: 'https://api.orbit.dev' }],
      request: {
        body: { 'multipart/form-data': { schemaArray: [{ type: 'object', properties: { file: { allOf: [{ type: 'file' }] } }, required: true, requiredProperties: ['file'] }] } },
      },
      response: { '200': { 'text/event-stream': { schemaArray: [{ type: 'string' }], description: 'Events' } } },
    });
    const { operation } = operationOf(page);
    expect(operation.requestBody).toEqual({
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
    });
    expect(operation.responses['200']).toEqual({ description: 'Events', content: { 'text/event-stream': { schema: { type: 'string' } } } });
  });
});
