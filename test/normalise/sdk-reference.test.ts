import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { ingestPage } from '../../generator/ingest/index.ts';
import type { OperationFragment, PageFragment } from '../../generator/normalise/fragment.ts';
import { apiKeyHeaderScheme, requirementOf } from '../../generator/normalise/security.ts';
import { normaliseSdkReference } from '../../generator/normalise/sdk-reference/index.ts';
import { parseSdkType } from '../../generator/normalise/sdk-reference/parameter-types.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sdk-reference');
const SIGNED = requirementOf(
  ['KALSHI-ACCESS-KEY', 'KALSHI-ACCESS-SIGNATURE', 'KALSHI-ACCESS-TIMESTAMP'].map((h) => apiKeyHeaderScheme(h).name),
);
const SERVER = 'https://external-api.kalshi.com/trade-api/v2';

function normalise(text: string, file = 'typescript-sdk/api/PortfolioApi.md') {
  const diagnostics = new Diagnostics();
  const page = ingestPage(file, text, diagnostics);
  if (!page) throw new Error(`ingest rejected ${file}`);
  const fragment = normaliseSdkReference(page, diagnostics);
  return { fragment, diagnostics: diagnostics.sorted(), codes: diagnostics.sorted().map((d) => d.code) };
}

/** A page with one method table row and its section. */
function pageOf(row: string, section: string, head = '') {
  return [
    '---',
    'url: https://docs.kalshi.com/typescript-sdk/api/PortfolioApi',
    'lastmod: 2026-05-13T00:07:31.123Z',
    '---',
    '# Portfolio',
    '',
    head || `All URIs are relative to *[${SERVER}](${SERVER})*`,
    '',
    '| Method | HTTP request | Description |',
    '| ------ | ------------ | ----------- |',
    row,
    '',
    section,
  ].join('\n');
}

function section(
  name: string,
  opts: {
    params?: string[];
    returns?: string;
    auth?: string;
    statuses?: string[];
    signature?: string;
    description?: string;
  },
) {
  const params = opts.params
    ? ['| Name | Type | Description | Notes |', '| ---- | ---- | ----------- | ----- |', ...opts.params].join('\n')
    : 'This endpoint does not have any parameters.';
  const statuses = (opts.statuses ?? ['| **200** | OK | - |', '| **401** | Unauthorized | - |']).join('\n');
  return [
    `# **${name}**`,
    '',
    `> ${opts.signature ?? `GetOrdersResponse ${name}()`}`,
    '',
    opts.description ?? 'Endpoint description.',
    '',
    '### Parameters',
    '',
    params,
    '',
    '### Return type',
    '',
    opts.returns ?? '**GetOrdersResponse**',
    '',
    '### Authorization',
    '',
    opts.auth ?? '[bearerAuth](../README.md#bearerAuth)',
    '',
    '### HTTP response details',
    '',
    '| Status code | Description | Response headers |',
    '| ----------- | ----------- | ---------------- |',
    statuses,
    '',
  ].join('\n');
}

function only(fragment: PageFragment | undefined): OperationFragment {
  expect(fragment?.operations).toHaveLength(1);
  return fragment!.operations[0]!;
}

function param(op: OperationFragment, name: string): JsonObject | undefined {
  return (op.operation.parameters as JsonObject[] | undefined)?.find((p) => p.name === name);
}

describe('normaliseSdkReference: method table and section', () => {
  it('reads method, unescaped path, names, summary, description, tags and source', () => {
    const text = pageOf(
      '| [**getOrderGroups**](#getordergroups) | **GET** /portfolio/order\\_groups | Get Order Groups |',
      section('getOrderGroups', { description: 'Lists the `order\\_groups` of the user.' }),
    );
    const { fragment, diagnostics } = normalise(text);
    const op = only(fragment);
    expect(diagnostics).toEqual([]);
    expect(op).toMatchObject({ method: 'get', path: '/portfolio/order_groups', sdkMethod: 'getOrderGroups' });
    expect(op.operation).toMatchObject({
      operationId: 'GetOrderGroups',
      summary: 'Get Order Groups',
      description: 'Lists the `order_groups` of the user.',
      tags: ['portfolio'],
      'x-source-kind': 'sdk-reference',
    });
    expect(op.source).toEqual({
      file: 'typescript-sdk/api/PortfolioApi.md',
      line: text.split('\n').indexOf('# **getOrderGroups**') + 1,
    });
    expect(fragment!.page).toEqual({
      file: 'typescript-sdk/api/PortfolioApi.md',
      kind: 'sdk-reference',
      date: '2026-05-13T00:07:31.123Z',
    });
    expect(fragment!.servers).toEqual([{ url: SERVER }]);
    expect(fragment!.api).toBe('trade');
  });

  it.each([
    ['typescript-sdk/api/PortfolioApi.md', 'portfolio'],
    ['typescript-sdk/api/MultivariateCollectionsApi.md', 'multivariate-collections'],
    ['typescript-sdk/api/ApiKeysApi.md', 'api-keys'],
    ['typescript-sdk/api/StructuredTargetsApi.md', 'structured-targets'],
  ])('tags operations of %s with %s', (file, tag) => {
    const text = pageOf(
      '| [**getBalance**](#getbalance) | **GET** /portfolio/balance | Get Balance |',
      section('getBalance', {}),
    );
    const { fragment } = normalise(text, file);
    expect(only(fragment).operation.tags).toEqual([tag]);
    expect(fragment!.tags).toEqual([{ name: tag }]);
  });

  it('reads tables written without outer pipes and links to the class file', () => {
    const text = [
      '# PortfolioApi',
      `All URIs are relative to *${SERVER}*`,
      '',
      'Method | HTTP request | Description',
      '------------- | ------------- | -------------',
      '[**getOrder**](PortfolioApi.md#getOrder) | **GET** /portfolio/orders/{order_id} | Get Order',
      '',
      '# **getOrder**',
      '> GetOrderResponse getOrder(orderId)',
      '',
      '### Parameters',
      'Name | Type | Description  | Notes',
      '------------- | ------------- | ------------- | -------------',
      '**orderId** | [**string**] | Order ID | defaults to undefined',
      '',
      '### Return type',
      '**GetOrderResponse**',
      '',
      '### Authorization',
      'No authorization required',
    ].join('\n');
    const { fragment, codes } = normalise(text);
    const op = only(fragment);
    expect(codes).toEqual(['sdk-reference-no-responses']);
    expect(fragment!.servers).toEqual([{ url: SERVER }]);
    expect(op).toMatchObject({
      method: 'get',
      path: '/portfolio/orders/{order_id}',
      sdkMethod: 'getOrder',
      source: { line: 8 },
    });
    expect(param(op, 'order_id')).toMatchObject({ in: 'path', 'x-sdk-name': 'orderId' });
    expect(op.operation.responses).toEqual({
      '200': {
        description: 'Successful response',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/GetOrderResponse' } } },
      },
    });
  });

  it('omits the description when the section has none', () => {
    const text = pageOf(
      '| [**getBalance**](#getbalance) | **GET** /portfolio/balance | Get Balance |',
      section('getBalance', { description: '' }),
    );
    expect(only(normalise(text).fragment).operation.description).toBeUndefined();
  });

  it('keeps a row without a section, with a warning on the row line', () => {
    const text = pageOf('| [**getBalance**](#getbalance) | **GET** /portfolio/balance | Get Balance |', '');
    const { fragment, diagnostics } = normalise(text);
    const op = only(fragment);
    const rowLine = text.split('\n').findIndex((l) => l.includes('[**getBalance**]')) + 1;
    expect(op.source.line).toBe(rowLine);
    expect(op.operation.responses).toEqual({ '200': { description: 'Successful response' } });
    expect(diagnostics.find((d) => d.code === 'sdk-reference-section-missing')?.source).toEqual({
      file: 'typescript-sdk/api/PortfolioApi.md',
      line: rowLine,
    });
  });
});

describe('normaliseSdkReference: parameters', () => {
  const row = '| [**amendOrder**](#amendorder) | **POST** /portfolio/orders/{order_id}/amend | Amend Order |';

  it.each([
    [
      'path parameter named in snake_case',
      '| **orderId** | [**string**] | Order ID | defaults to undefined |',
      'order_id',
      { in: 'path', required: true, schema: { type: 'string' }, 'x-sdk-name': 'orderId' },
    ],
    [
      'optional query parameter with default',
      '| **limit** | \\[**number**] | Page size | (optional) defaults to 100 |',
      'limit',
      { in: 'query', required: false, schema: { type: 'number', default: 100 } },
    ],
    [
      'required query parameter',
      '| **minTs** | \\[**number**] | Since | defaults to undefined |',
      'min_ts',
      { in: 'query', required: true, schema: { type: 'number' }, 'x-sdk-name': 'minTs' },
    ],
    [
      'boolean default',
      '| **withNestedMarkets** | \\[**boolean**] | | (optional) defaults to false |',
      'with_nested_markets',
      { schema: { type: 'boolean', default: false } },
    ],
    [
      'string-literal union',
      "| **status** | [**'resting' \\| 'canceled'**] | Status | (optional) defaults to undefined |",
      'status',
      { schema: { type: 'string', enum: ['resting', 'canceled'] } },
    ],
    // The doc template decorates every enum with `**Array<...>**`; the bracket is the parameter's type.
    [
      'enum with the Array decoration (split cells)',
      "| **status** | \\[\\*\\*'resting' | 'canceled'\\*\\*]**Array\\<'resting' \\| 'canceled'>** | Status | (optional) defaults to undefined |",
      'status',
      { schema: { type: 'string', enum: ['resting', 'canceled'] } },
    ],
    [
      'number enum',
      '| **periodInterval** | \\[\\*\\*1 | 60 | 1440\\*\\*]**Array\\<1 \\| 60 \\| 1440>** | Period | defaults to undefined |',
      'period_interval',
      { required: true, schema: { type: 'integer', enum: [1, 60, 1440] } },
    ],
    [
      'array of enum',
      "| **statuses** | [**Array<'a' \\| 'b'>**] | | (optional) defaults to undefined |",
      'statuses',
      { schema: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
    ],
    [
      'plain array',
      '| **ids** | **Array\\<string>** | IDs | (optional) defaults to undefined |',
      'ids',
      { schema: { type: 'array', items: { type: 'string' } } },
    ],
    [
      'model-typed query parameter',
      '| **userFilter** | **UserFilter** | Filter | (optional) defaults to undefined |',
      'user_filter',
      { in: 'query', required: false, schema: { $ref: '#/components/schemas/UserFilter' } },
    ],
    [
      'string default',
      "| **status** | [**string**] | Status | (optional) defaults to 'open' |",
      'status',
      { schema: { type: 'string', default: 'open' } },
    ],
  ])('%s', (_title, paramRow, name, expected) => {
    const text = pageOf(
      row,
      section('amendOrder', {
        params: ['| **orderId** | \\[**string**] | Order ID | defaults to undefined |', paramRow],
      }),
    );
    const { fragment, diagnostics } = normalise(text);
    expect(diagnostics).toEqual([]);
    expect(param(only(fragment), name)).toMatchObject(expected);
  });

  it.each([
    [
      'a Request model',
      '| **amendOrderRequest** | **AmendOrderRequest** | | |',
      true,
      { $ref: '#/components/schemas/AmendOrderRequest' },
    ],
    [
      'an optional Request model',
      '| **amendOrderRequest** | **AmendOrderRequest** | | (optional) |',
      false,
      { $ref: '#/components/schemas/AmendOrderRequest' },
    ],
    ['a `body` object', '| **body** | **object** | | |', true, { type: 'object' }],
    ['a model without default', '| **order** | **Order** | | |', true, { $ref: '#/components/schemas/Order' }],
    [
      'an array without default',
      '| **orders** | **Array\\<Order>** | | |',
      true,
      { type: 'array', items: { $ref: '#/components/schemas/Order' } },
    ],
  ])('takes %s as the JSON request body', (_title, paramRow, required, schema) => {
    const text = pageOf(
      row,
      section('amendOrder', {
        params: [paramRow, '| **orderId** | \\[**string**] | Order ID | defaults to undefined |'],
      }),
    );
    const op = only(normalise(text).fragment);
    expect(op.operation.requestBody).toEqual({ required, content: { 'application/json': { schema } } });
    expect(op.operation.parameters).toEqual([
      {
        name: 'order_id',
        in: 'path',
        required: true,
        description: 'Order ID',
        schema: { type: 'string' },
        'x-sdk-name': 'orderId',
      },
    ]);
  });

  it('adds a path parameter the table does not list, with a warning', () => {
    const text = pageOf(row, section('amendOrder', {}));
    const { fragment, codes } = normalise(text);
    expect(only(fragment).operation.parameters).toEqual([
      { name: 'order_id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(codes).toContain('sdk-reference-path-parameter-missing');
  });

  it('warns on a type it cannot read and keeps the parameter', () => {
    const text = pageOf(
      row,
      section('amendOrder', {
        params: ['| **orderId** | [**string**] | | |', '| **odd** | [**map of things**] | | (optional) |'],
      }),
    );
    const { fragment, diagnostics } = normalise(text);
    expect(param(only(fragment), 'odd')).toMatchObject({ in: 'query', required: false, schema: {} });
    const warning = diagnostics.find((d) => d.code === 'sdk-reference-parameter-type');
    expect(warning?.source?.line).toBe(text.split('\n').findIndex((l) => l.includes('**odd**')) + 1);
  });
});

describe('normaliseSdkReference: responses and security', () => {
  const row = '| [**getBalance**](#getbalance) | **GET** /portfolio/balance | Get Balance |';
  const ref = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });

  it.each([
    [
      'a model',
      '**GetBalanceResponse**',
      ['| **201** | Created | - |', '| **500** | Error | - |'],
      { '201': { description: 'Created', content: ref('GetBalanceResponse') }, '500': { description: 'Error' } },
    ],
    [
      'object',
      '**object**',
      ['| **200** | OK | - |'],
      { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
    ],
    [
      'void',
      'void (empty response body)',
      ['| **200** | OK | - |', '| **404** | Missing | - |'],
      { '200': { description: 'OK' }, '404': { description: 'Missing' } },
    ],
    [
      'an array',
      '**Array\\<Order>**',
      ['| **200** | OK | - |'],
      {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } },
        },
      },
    ],
  ])('maps a return type of %s', (_title, returns, statuses, responses) => {
    const { fragment } = normalise(pageOf(row, section('getBalance', { returns, statuses })));
    expect(only(fragment).operation.responses).toEqual(responses);
  });

  it('reads response headers from the Response headers column', () => {
    const statuses = ['| **200** | OK |  * X-RateLimit-Remaining - Calls left <br>  * Retry-After -  <br>  |'];
    const { fragment } = normalise(pageOf(row, section('getBalance', { statuses })));
    expect((only(fragment).operation.responses as JsonObject)['200']).toMatchObject({
      headers: {
        'X-RateLimit-Remaining': { description: 'Calls left', schema: { type: 'string' } },
        'Retry-After': { schema: { type: 'string' } },
      },
    });
  });

  it.each([
    ['bearerAuth', '[bearerAuth](../README.md#bearerAuth)', [SIGNED]],
    [
      'the three Kalshi schemes',
      '[kalshiAccessSignature](../README.md#kalshiAccessSignature), [kalshiAccessKey](../README.md#kalshiAccessKey), [kalshiAccessTimestamp](../README.md#kalshiAccessTimestamp)',
      [SIGNED],
    ],
    ['no authorization', 'No authorization required', []],
  ])('reads %s', (_title, auth, security) => {
    const { fragment } = normalise(pageOf(row, section('getBalance', { auth })));
    expect(only(fragment).operation.security).toEqual(security);
    const schemes = fragment!.components.securitySchemes;
    if (security.length === 0) expect(schemes).toBeUndefined();
    else {
      for (const header of ['KALSHI-ACCESS-KEY', 'KALSHI-ACCESS-SIGNATURE', 'KALSHI-ACCESS-TIMESTAMP']) {
        const { name, scheme } = apiKeyHeaderScheme(header);
        expect(schemes?.[name]?.value).toEqual(scheme);
        expect(schemes?.[name]?.source.line).toBeGreaterThan(1);
      }
    }
  });
});

describe('normaliseSdkReference: bad input', () => {
  it('returns undefined for a page without a method table', () => {
    const { fragment, diagnostics } = normalise('# Portfolio\n\nNothing here.\n');
    expect(fragment).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['sdk-reference-unusable', 1]]);
  });

  it.each([
    ['an unreadable HTTP request', '| [**x**](#x) | somewhere | X |', 'sdk-reference-http-request'],
    ['an unknown HTTP method', '| [**x**](#x) | **FETCH** /x | X |', 'sdk-reference-http-request'],
    ['an unreadable method name', '| ??? | **GET** /x | X |', 'sdk-reference-method-name'],
  ])('skips a row with %s', (_title, badRow, code) => {
    const text = pageOf(
      `${badRow}\n| [**getBalance**](#getbalance) | **GET** /portfolio/balance | Get Balance |`,
      section('getBalance', {}),
    );
    const { fragment, diagnostics } = normalise(text);
    expect(only(fragment).sdkMethod).toBe('getBalance');
    const warning = diagnostics.find((d) => d.code === code);
    expect(warning?.source?.line).toBe(text.split('\n').indexOf(badRow) + 1);
  });

  it('warns about a section that is not in the table', () => {
    const text = pageOf(
      '| [**getBalance**](#getbalance) | **GET** /portfolio/balance | Get Balance |',
      section('getBalance', {}) + section('getOther', {}),
    );
    const { codes } = normalise(text);
    expect(codes).toContain('sdk-reference-section-without-row');
  });

  it('never throws on mangled pages', () => {
    const real = readFileSync(join(FIXTURES, 'EventsApi.md'), 'utf8');
    const lines = real.split('\n');
    for (let seed = 1; seed <= 60; seed++) {
      const mangled = lines
        .filter((_l, i) => (i * seed) % 7 !== 3)
        .map((l, i) => ((i + seed) % 11 === 0 ? l.slice(seed % 9) : l))
        .join('\n');
      const diagnostics = new Diagnostics();
      expect(() =>
        normaliseSdkReference(
          { file: 'typescript-sdk/api/EventsApi.md', text: mangled, meta: {}, kind: 'sdk-reference', blocks: [] },
          diagnostics,
        ),
      ).not.toThrow();
    }
    expect(() =>
      normaliseSdkReference(
        {
          file: 'x',
          text: '| Method | HTTP request |\n| [**a**](#a) | **GET** /{x}}{ |\n# **a**\n> (((\n### Parameters\n| Name | Type |\n| **b** | [**Array<<**] |',
          meta: {},
          kind: 'sdk-reference',
          blocks: [],
        },
        new Diagnostics(),
      ),
    ).not.toThrow();
  });
});

describe('parseSdkType', () => {
  it.each([
    ['\\[**string**]', { type: 'string' }],
    ['[**number**]', { type: 'number' }],
    ['**CreateOrderRequest**', { $ref: '#/components/schemas/CreateOrderRequest' }],
    ['**Array&lt;string&gt;**', { type: 'array', items: { type: 'string' } }],
    ['**string[]**', { type: 'array', items: { type: 'string' } }],
    ["[**'a' | 'b'**]Array<...>", { type: 'string', enum: ['a', 'b'] }],
    ["[**'a' | 'b'**]**Array<'a' &#124; 'b'>**", { type: 'string', enum: ['a', 'b'] }],
    ['[**(broken**]**Array<1 | 2>**', { type: 'integer', enum: [1, 2] }],
    ['[**string[]**]', { type: 'array', items: { type: 'string' } }],
    ['**Date**', { type: 'string', format: 'date-time' }],
    ['**Order | null**', { $ref: '#/components/schemas/Order', nullable: true }],
  ])('%s', (text, schema) => {
    expect(parseSdkType(text)?.schema).toEqual(schema);
  });

  it('rejects text that is not a type', () => {
    expect(parseSdkType('[**map of things**]')).toBeUndefined();
    expect(parseSdkType('')).toBeUndefined();
  });
});

describe('normaliseSdkReference on the SDK pages', () => {
  const files = [
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `typescript-sdk/api/${f}`),
    'seeds/003_d3d3f65238ee9519.txt',
  ];
  const read = (file: string) => readFileSync(join(FIXTURES, file.replace('typescript-sdk/api/', '')), 'utf8');
  const load = (file: string) => normalise(read(file), file);
  const operation = (file: string, sdkMethod: string) =>
    load(file).fragment!.operations.find((o) => o.sdkMethod === sdkMethod)!;

  it('has the 10 pages of the 2026 snapshot', () => {
    expect(files).toHaveLength(11);
  });

  it.each(files)('%s: one operation per table row, no warnings', (file) => {
    const rows = read(file)
      .split('\n')
      .filter((l) => /^\|\s*\[\*\*\w+\*\*\]\(#\w*\)/.test(l)).length;
    const { fragment, diagnostics } = load(file);
    expect(rows).toBeGreaterThan(0);
    expect(fragment!.operations).toHaveLength(rows);
    expect(diagnostics).toEqual([]);
    for (const op of fragment!.operations) {
      expect(op.operation.operationId).toMatch(/^[A-Z]\w+$/);
      expect(Object.keys(op.operation.responses as JsonObject).length).toBeGreaterThan(0);
      for (const name of op.path.match(/\{[^}]+\}/g) ?? []) expect(param(op, name.slice(1, -1))?.in).toBe('path');
    }
  });

  it('getOrders (2025 page): query parameters in snake_case with types and defaults', () => {
    const op = operation('seeds/003_d3d3f65238ee9519.txt', 'getOrders');
    expect(op).toMatchObject({ method: 'get', path: '/portfolio/orders' });
    expect((op.operation.parameters as JsonObject[]).map((p) => [p.name, p.in, p.required])).toEqual([
      ['ticker', 'query', false],
      ['event_ticker', 'query', false],
      ['min_ts', 'query', false],
      ['max_ts', 'query', false],
      ['status', 'query', false],
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ]);
    expect(param(op, 'limit')?.schema).toEqual({ type: 'number', default: 100 });
    expect(op.operation.tags).toEqual(['portfolio']);
  });

  it('getEvents: an enum query parameter split over several cells', () => {
    const op = operation('typescript-sdk/api/EventsApi.md', 'getEvents');
    expect(param(op, 'status')?.schema).toEqual({ type: 'string', enum: ['unopened', 'open', 'closed', 'settled'] });
    expect(param(op, 'min_updated_ts')).toMatchObject({ in: 'query', required: false, 'x-sdk-name': 'minUpdatedTs' });
  });

  it('createOrder: the body refers to CreateOrderRequest; 201 returns CreateOrderResponse', () => {
    const op = operation('seeds/003_d3d3f65238ee9519.txt', 'createOrder');
    expect(op.operation.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateOrderRequest' } } },
    });
    expect(op.operation.parameters).toBeUndefined();
    expect((op.operation.responses as JsonObject)['201']).toEqual({
      description: 'Order created successfully',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateOrderResponse' } } },
    });
  });

  it('cancelOrder: path parameter order_id, signed', () => {
    const op = operation('seeds/003_d3d3f65238ee9519.txt', 'cancelOrder');
    expect(op).toMatchObject({ method: 'delete', path: '/portfolio/orders/{order_id}' });
    expect(op.operation.parameters).toEqual([
      {
        name: 'order_id',
        in: 'path',
        required: true,
        description: 'Order ID',
        schema: { type: 'string' },
        'x-sdk-name': 'orderId',
      },
    ]);
    expect(op.operation.security).toEqual([SIGNED]);
  });

  it('public and signed endpoints follow the Authorization part', () => {
    expect(operation('typescript-sdk/api/MarketsApi.md', 'getTrades').operation.security).toEqual([]);
    expect(operation('typescript-sdk/api/ExchangeApi.md', 'getExchangeStatus').operation.security).toEqual([]);
    // The 2026 page names bearerAuth for getMarkets, although the API reference lists it as public.
    expect(operation('typescript-sdk/api/MarketsApi.md', 'getMarkets').operation.security).toEqual([SIGNED]);
    expect(operation('typescript-sdk/api/PortfolioApi.md', 'getBalance').operation.security).toEqual([SIGNED]);
    expect(load('typescript-sdk/api/ExchangeApi.md').fragment!.components.securitySchemes).toBeUndefined();
  });

  it('confirmQuote: a `body` of type object; getQuotes: UserFilter stays a query parameter', () => {
    const confirm = operation('typescript-sdk/api/CommunicationsApi.md', 'confirmQuote');
    expect(confirm.operation.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { type: 'object' } } },
    });
    expect(confirm.operation.responses).toMatchObject({ '204': { description: 'Quote confirmed successfully' } });
    const quotes = operation('typescript-sdk/api/CommunicationsApi.md', 'getQuotes');
    expect(quotes.operation.requestBody).toBeUndefined();
    expect(param(quotes, 'rfq_user_filter')?.schema).toEqual({ $ref: '#/components/schemas/UserFilter' });
  });

  it('getMarketCandlesticks: two path parameters, one renamed', () => {
    const op = operation('typescript-sdk/api/MarketsApi.md', 'getMarketCandlesticks');
    expect((op.operation.parameters as JsonObject[]).map((p) => [p.name, p.in, p['x-sdk-name'] ?? null])).toEqual([
      ['ticker', 'path', null],
      ['market_ticker', 'path', 'marketTicker'],
      ['start_ts', 'query', 'startTs'],
      ['end_ts', 'query', 'endTs'],
      ['period_interval', 'query', 'periodInterval'],
    ]);
  });
});
