import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Diagnostics, type Diagnostic } from '../../generator/diagnostics/diagnostic.ts';
import { ingestPage } from '../../generator/ingest/index.ts';
import type { Page } from '../../generator/ingest/page.ts';
import { readPageMeta } from '../../generator/ingest/page-meta.ts';
import type { JsonObject, JsonValue } from '../../generator/openapi/json.ts';
import type { OperationFragment, PageFragment } from '../../generator/normalise/fragment.ts';
import { findCurl } from '../../generator/normalise/html-scrape/curl.ts';
import { schemaOfEntry } from '../../generator/normalise/html-scrape/entry-schema.ts';
import { normaliseHtmlScrape } from '../../generator/normalise/html-scrape/index.ts';
import { inferRootSchema, inferSchema } from '../../generator/normalise/html-scrape/infer-schema.ts';
import { readSections } from '../../generator/normalise/html-scrape/sections.ts';
import { splitUrl } from '../../generator/normalise/html-scrape/server-url.ts';
import { apiKeyHeaderScheme } from '../../generator/normalise/security.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/html-scrape/', import.meta.url));
const FILE = 'api-reference/things/get-thing.md';
const FRONT_LINES = 7; // `---`, url, title, description, scraped_at, `---`, blank

/** A page as the scraper writes it: front matter, then the given body lines. */
function pageText(body: readonly string[], front: Record<string, string> = {}): string {
  const meta = {
    url: 'https://docs.kalshi.com/api-reference/things/get-thing',
    title: 'Get Thing - API Documentation',
    description: '  Endpoint for getting a thing. ',
    scraped_at: '2025-11-03T14:46:28.871190',
    ...front,
  };
  return ['---', ...Object.entries(meta).map(([k, v]) => `${k}: ${v}`), '---', '', ...body].join('\n');
}

/** Ingests the page (falling back to a hand-built html-scrape page when ingest would not classify it). */
function pageOf(text: string, file = FILE): Page {
  const page = ingestPage(file, text, new Diagnostics());
  return page ?? { file, text, meta: readPageMeta(text).meta, kind: 'html-scrape', blocks: [] };
}

function run(text: string, file = FILE): { fragment: PageFragment | undefined; diagnostics: Diagnostic[] } {
  const diagnostics = new Diagnostics();
  const fragment = normaliseHtmlScrape(pageOf(text, file), diagnostics);
  return { fragment, diagnostics: diagnostics.sorted() };
}

function only(text: string): { op: OperationFragment; fragment: PageFragment; diagnostics: Diagnostic[] } {
  const { fragment, diagnostics } = run(text);
  expect(fragment).toBeDefined();
  expect(fragment!.operations).toHaveLength(1);
  return { op: fragment!.operations[0]!, fragment: fragment!, diagnostics };
}

/** A cURL example as the scrape indents it. */
function curl(method: string, url: string, ...options: string[]): string[] {
  const args = [`--url ${url}`, ...options];
  return [
    `    curl --request ${method} \\`,
    ...args.map((a, i) => `      ${a}${i < args.length - 1 ? ' \\' : ''}`),
    '',
  ];
}

/** One documented entry: anchor, escaped name, type, then marker and description lines. */
function entry(name: string, type: string, ...rest: string[]): string[] {
  const anchor = `[\u200b](https://docs.kalshi.com/api-reference/things/get-thing#parameter-${name})`;
  return [anchor, name.replace(/_/g, '\\_'), type.replace(/\[\]/g, '\\[\\]'), ...rest].flatMap((l) => [l, '']);
}

const SERVER = 'https://api.elections.kalshi.com/trade-api/v2';
const AUTH_HEADERS = ["--header 'KALSHI-ACCESS-KEY: <api-key>'", "--header 'KALSHI-ACCESS-SIGNATURE: <api-key>'"];
const schemeName = (header: string): string => apiKeyHeaderScheme(header).name;
const params = (op: OperationFragment): JsonObject[] => (op.operation.parameters ?? []) as JsonObject[];
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => d.code);

describe('cURL command', () => {
  const cases: [string, string[], { method: string; url: string; headers?: string[]; data?: string }][] = [
    [
      '--request and --url over continued lines',
      curl('GET', `${SERVER}/things`),
      { method: 'get', url: `${SERVER}/things` },
    ],
    [
      '-X and a quoted bare URL',
      [`curl -X POST '${SERVER}/things' -H 'Content-Type: application/json' -d '{"a":1}'`],
      { method: 'post', url: `${SERVER}/things`, headers: ['Content-Type'], data: '{"a":1}' },
    ],
    ['--request=PUT', [`curl --request=PUT --url ${SERVER}/things`], { method: 'put', url: `${SERVER}/things` }],
    ['-XPATCH', [`curl -XPATCH ${SERVER}/things`], { method: 'patch', url: `${SERVER}/things` }],
    [
      'no method, with --data',
      [`curl ${SERVER}/things --data '{}'`],
      { method: 'post', url: `${SERVER}/things`, data: '{}' },
    ],
    ['no method, no data', [`curl "${SERVER}/things"`], { method: 'get', url: `${SERVER}/things` }],
    [
      'shell prompt and skipped options',
      [`$ curl -o out.json -u me:pw --request DELETE ${SERVER}/things/1 | jq .`],
      { method: 'delete', url: `${SERVER}/things/1` },
    ],
    [
      'markdown escape in an unquoted URL',
      [`curl --request GET --url ${SERVER}/api\\_keys`],
      { method: 'get', url: `${SERVER}/api_keys` },
    ],
    [
      'multi-line quoted --data',
      ['curl --request POST \\', `  --url ${SERVER}/x \\`, "  --data '{", '  "a": 1', "}'"],
      { method: 'post', url: `${SERVER}/x`, data: '{\n  "a": 1\n}' },
    ],
  ];
  it.each(cases)('%s', (_name, lines, want) => {
    const found = findCurl(['intro', '', ...lines]);
    expect(found?.ok).toBe(true);
    if (!found?.ok) return;
    expect(found.curl.line).toBe(3);
    expect(found.curl.method).toBe(want.method);
    expect(found.curl.url).toBe(want.url);
    expect(found.curl.headers.map((h) => h.name)).toEqual(want.headers ?? []);
    expect(found.curl.data?.text).toBe(want.data);
  });

  it('ends the command at the first line without a continuation', () => {
    const found = findCurl([
      ...curl('GET', `${SERVER}/a`, "--header 'X: 1'"),
      '200',
      '',
      'curl --request POST --url x',
    ]);
    expect(found?.ok && found.curl.endIndex).toBe(2);
  });

  it.each([
    ['unterminated quote', [`curl --request POST --url ${SERVER}/x --data '{`, '"a": 1'], /never closed/],
    ['no URL', ['curl --request GET --header "A: b"'], /no URL/],
    ['not a method', [`curl --request FETCH --url ${SERVER}/x`], /not an HTTP method/],
    ['option without value', ['curl --request GET --url'], /has no value/],
  ])('reports %s', (_name, lines, message) => {
    const found = findCurl(lines);
    expect(found?.ok).toBe(false);
    if (found && !found.ok) expect(found.message).toMatch(message);
  });
});

describe('server and path split', () => {
  it.each([
    [`${SERVER}/portfolio/orders/{order_id}`, SERVER, '/portfolio/orders/{order_id}', []],
    ['https://api.example.com/v1/users/{id}', 'https://api.example.com/v1', '/users/{id}', []],
    ['https://api.example.com/users', 'https://api.example.com', '/users', []],
    ['https://api.example.com/api/v2/beta/v3/things', 'https://api.example.com/api/v2/beta/v3', '/things', []],
    ['https://api.example.com/v2', 'https://api.example.com/v2', '/', []],
    [
      'https://api.example.com/v2/things/?limit=5&cursor=&limit=6',
      'https://api.example.com/v2',
      '/things',
      ['limit', 'cursor'],
    ],
    ['https://api.example.com/v2/things/%7Bid%7D', 'https://api.example.com/v2', '/things/{id}', []],
  ])('%s', (url, server, path, query) => {
    expect(splitUrl(url)).toEqual({ server, path, query });
  });

  it.each(['/trade-api/v2/things', 'ftp://x.com/v1/a', '<url>', ''])('rejects %j', (url) => {
    expect(splitUrl(url)).toBeUndefined();
  });

  it('puts the server into the fragment and unescapes markdown in the path', () => {
    const { op, fragment } = only(pageText(curl('GET', `'${SERVER}/api\\_keys/{api\\_key}'`)));
    expect(fragment.servers).toEqual([{ url: SERVER }]);
    expect(op.path).toBe('/api_keys/{api_key}');
    expect(params(op).map((p) => p.name)).toEqual(['api_key']);
  });
});

describe('parameters', () => {
  const body = [
    ...curl('GET', `${SERVER}/things/{thing_id}/parts/{part}?extra=1`),
    '#### Path Parameters',
    '',
    ...entry('thing_id', 'integer', 'required', 'The thing.'),
    ...entry('ghost', 'string', 'required'),
    '#### Query Parameters',
    '',
    ...entry('limit', 'integer', 'default:100', 'Results per page.', 'Required range: `1 <= x <= 200`'),
    ...entry('status', 'enum<string>', 'Filter by status.', 'Available options:', '`open`,', '`closed`'),
    ...entry('min_ts', 'integer', 'required', 'Deprecated: use since.'),
    ...entry('with_nested', 'boolean', 'default:false'),
    ...entry('depth', 'integer', 'Required range: `x > 0`'),
  ];

  it('types path parameters from the section, else as required strings', () => {
    const { op } = only(pageText(body));
    expect(params(op).slice(0, 2)).toEqual([
      { name: 'thing_id', in: 'path', description: 'The thing.', required: true, schema: { type: 'integer' } },
      { name: 'part', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('keeps query parameters in page order with default, range, enum and required', () => {
    const { op } = only(pageText(body));
    expect(params(op).slice(2)).toEqual([
      {
        name: 'limit',
        in: 'query',
        description: 'Results per page.',
        schema: { type: 'integer', minimum: 1, maximum: 200, default: 100 },
      },
      {
        name: 'status',
        in: 'query',
        description: 'Filter by status.',
        schema: { type: 'string', enum: ['open', 'closed'] },
      },
      {
        name: 'min_ts',
        in: 'query',
        description: 'Deprecated: use since.',
        required: true,
        schema: { type: 'integer' },
      },
      { name: 'with_nested', in: 'query', schema: { type: 'boolean', default: false } },
      { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, exclusiveMinimum: true } },
      { name: 'extra', in: 'query', schema: { type: 'string' } },
    ]);
  });

  it('warns about a documented path parameter the URL does not have', () => {
    const { diagnostics } = only(pageText(body));
    const unused = diagnostics.filter((d) => d.code === 'html-scrape-path-parameter-unused');
    expect(unused).toHaveLength(1);
    expect(unused[0]!.message).toContain('ghost');
    expect(unused[0]!.source?.line).toBe(FRONT_LINES + body.indexOf('ghost') + 1);
  });

  it('reads entries whose anchors have no zero-width space, or no anchor at all', () => {
    const withZwsp = pageText(body);
    const plain = run(withZwsp.replace(/\u200b/g, '')).fragment;
    const bare = run(withZwsp.replace(/^\[\u200b\]\(.*\)$/gm, '')).fragment;
    expect(plain).toEqual(run(withZwsp).fragment);
    expect(bare).toEqual(run(withZwsp).fragment);
  });
});

describe('documented entry types', () => {
  function schemaOf(...lines: string[]): JsonObject {
    const [name, type, ...rest] = lines;
    const section = readSections(['#### Body', '', ...entry(name!, type!, ...rest)]).get('body');
    expect(section?.entries).toHaveLength(1);
    return schemaOfEntry(section!.entries[0]!);
  }

  it.each<[string, string[], JsonObject]>([
    ['date-time or null', ['t', 'string<date-time> | null'], { type: 'string', format: 'date-time', nullable: true }],
    ['array of objects', ['orders', 'object[]'], { type: 'array', items: { type: 'object' } }],
    [
      'array of enums',
      ['sides', 'enum<string>[]', 'Available options:', '`yes`,', '`no`'],
      { type: 'array', items: { type: 'string', enum: ['yes', 'no'] } },
    ],
    [
      'integer enum',
      ['level', 'enum<integer>', 'Available options:', '`1`,', '`2`'],
      { type: 'integer', enum: [1, 2] },
    ],
    [
      'int64 with upper bound',
      ['n', 'integer<int64>', 'Required range: `x <= 99`'],
      { type: 'integer', format: 'int64', maximum: 99 },
    ],
    [
      'exclusive both',
      ['p', 'number', 'Required range: `0 < x < 1`'],
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
    ],
    [
      'string length',
      ['id', 'string', 'Required string length: `1 - 64`'],
      { type: 'string', minLength: 1, maxLength: 64 },
    ],
    [
      'array length',
      ['ids', 'string[]', 'Required array length: `1 - 20 elements`'],
      { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 20 },
    ],
    ['example, not enum', ['price', 'string', 'Example:', '`"0.5000"`'], { type: 'string', example: '0.5000' }],
    ['quoted string default', ['s', 'string', 'default:"abc"'], { type: 'string', default: 'abc' }],
    ['unusable integer default', ['s', 'integer', 'default:many'], { type: 'integer' }],
    ['any and file', ['x', 'any'], {}],
    ['union', ['x', 'string | integer'], { oneOf: [{ type: 'string' }, { type: 'integer' }] }],
  ])('%s', (_name, lines, want) => {
    expect(schemaOf(...lines)).toEqual(want);
  });
});

describe('schema inference', () => {
  it.each<[string, JsonValue, JsonObject]>([
    ['placeholder string', '<string>', { type: 'string' }],
    ['any placeholder', '<any>', {}],
    ['literal string (never an enum)', 'yes', { type: 'string' }],
    ['date-time string', '2023-11-07T05:31:56Z', { type: 'string', format: 'date-time' }],
    ['integral number', 123, { type: 'integer' }],
    ['fraction', 0.5, { type: 'number' }],
    ['boolean', true, { type: 'boolean' }],
    ['null', null, { nullable: true }],
    ['empty array', [], { type: 'array', items: {} }],
    ['array from first element', [1, 'a'], { type: 'array', items: { type: 'integer' } }],
    ['empty object', {}, { type: 'object', properties: {} }],
    [
      'nested object, nothing required, no default',
      { a: { b: [{ c: '<string>' }] }, d: 2 },
      {
        type: 'object',
        properties: {
          a: {
            type: 'object',
            properties: { b: { type: 'array', items: { type: 'object', properties: { c: { type: 'string' } } } } },
          },
          d: { type: 'integer' },
        },
      },
    ],
  ])('%s', (_name, value, want) => {
    expect(inferSchema(value)).toEqual(want);
  });

  it('marks only the root', () => {
    expect(inferRootSchema({ a: { b: 1 } })).toEqual({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { type: 'integer' } } } },
      'x-inferred-from-example': true,
    });
  });
});

describe('request body', () => {
  const data = [
    "--header 'Content-Type: application/json'",
    ...AUTH_HEADERS,
    "--data '{",
    '  "ticker": "<string>",',
    '  "count": 2,',
    '  "side": "yes",',
    '  "legs": [{ "price": 0.5 }]',
    "}'",
  ];

  it('infers the schema from --data and lays the Body section over it', () => {
    const page = pageText([
      ...curl('POST', `${SERVER}/things`, ...data),
      '#### Body',
      '',
      'application/json',
      '',
      ...entry('ticker', 'string', 'required', 'Market ticker.'),
      ...entry('side', 'enum<string>', 'Available options:', '`yes`,', '`no`'),
      ...entry('count', 'integer', 'Required range: `x >= 1`'),
    ]);
    const { op } = only(page);
    expect(op.operation.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              ticker: { type: 'string', description: 'Market ticker.' },
              count: { type: 'integer', minimum: 1 },
              side: { type: 'string', enum: ['yes', 'no'] },
              legs: { type: 'array', items: { type: 'object', properties: { price: { type: 'number' } } } },
            },
            required: ['ticker'],
            'x-inferred-from-example': true,
          },
        },
      },
    });
  });

  it('builds the schema from the Body section alone when the payload is not JSON', () => {
    const page = pageText([
      ...curl('POST', `${SERVER}/things`, "--data 'a=1'"),
      '204',
      '',
      '#### Body',
      '',
      ...entry('a', 'integer', 'required'),
    ]);
    const { op, diagnostics } = only(page);
    const schema = (op.operation.requestBody as JsonObject).content as JsonObject;
    expect(schema['application/json']).toEqual({
      schema: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
    });
    expect(codes(diagnostics)).toEqual(['html-scrape-example-invalid']);
  });

  it('has no request body without --data or a Body section', () => {
    expect(only(pageText(curl('GET', `${SERVER}/things`))).op.operation.requestBody).toBeUndefined();
  });
});

describe('security', () => {
  it('turns every credential header into a scheme of one requirement, described from Authorizations', () => {
    const page = pageText([
      ...curl('GET', `${SERVER}/things`, "--header 'Content-Type: application/json'", ...AUTH_HEADERS),
      '#### Authorizations',
      '',
      ...entry('KALSHI-ACCESS-KEY', 'string', 'header', 'required', 'Your API key ID'),
    ]);
    const { op, fragment } = only(page);
    const key = schemeName('KALSHI-ACCESS-KEY');
    const signature = schemeName('KALSHI-ACCESS-SIGNATURE');
    expect(op.operation.security).toEqual([{ [key]: [], [signature]: [] }]);
    expect(fragment.components.securitySchemes).toEqual({
      [key]: {
        value: { type: 'apiKey', in: 'header', name: 'KALSHI-ACCESS-KEY', description: 'Your API key ID' },
        source: { file: FILE, line: FRONT_LINES + 4 },
      },
      [signature]: {
        value: { type: 'apiKey', in: 'header', name: 'KALSHI-ACCESS-SIGNATURE' },
        source: { file: FILE, line: FRONT_LINES + 5 },
      },
    });
    expect(op.operation.parameters).toBeUndefined();
  });

  it('marks an operation without credential headers as public', () => {
    const { op, fragment } = only(pageText(curl('GET', `${SERVER}/things`, "--header 'Accept: application/json'")));
    expect(op.operation.security).toEqual([]);
    expect(fragment.components.securitySchemes).toBeUndefined();
  });
});

describe('responses', () => {
  const example = [
    '200',
    '',
    '404',
    '',
    'Copy',
    '',
    'Ask AI',
    '',
    '    {',
    '      "items": [\\',
    '        { "id": "<string>", "at": null }\\',
    '      ],',
    '      "cursor": "<string>"',
    '    }',
    '',
  ];

  it('gives the first status the inferred schema and the Response section description', () => {
    const page = pageText([
      ...curl('GET', `${SERVER}/things`),
      ...example,
      '#### Response',
      '',
      '200',
      '',
      'application/json',
      '',
      'Things retrieved',
      '',
      ...entry('cursor', 'string', 'required', 'Next page.'),
    ]);
    const { op, diagnostics } = only(page);
    expect(op.operation.responses).toEqual({
      '200': {
        description: 'Things retrieved',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                items: {
                  type: 'array',
                  items: { type: 'object', properties: { id: { type: 'string' }, at: { nullable: true } } },
                },
                cursor: { type: 'string', description: 'Next page.' },
              },
              required: ['cursor'],
              'x-inferred-from-example': true,
            },
          },
        },
      },
      '404': { description: 'Error' },
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'schema-inferred-from-example',
      severity: 'warning',
      source: { file: FILE, line: FRONT_LINES + 12 },
    });
    expect(diagnostics[0]!.message).toContain('200 response');
  });

  it('names body and response in one warning per page', () => {
    const { diagnostics } = only(
      pageText([...curl('POST', `${SERVER}/things`, '--data \'{"a": 1}\''), '201', '', '    {"id": "<string>"}']),
    );
    expect(codes(diagnostics)).toEqual(['schema-inferred-from-example']);
    expect(diagnostics[0]!.message).toMatch(/request body and the 201 response/);
  });

  it('uses the Response section alone when no example is shown (204)', () => {
    const { op, diagnostics } = only(
      pageText([
        ...curl('DELETE', `${SERVER}/things/{id}`),
        'DELETE',
        '',
        '#### Response',
        '',
        '204',
        '',
        'Thing deleted',
      ]),
    );
    expect(op.operation.responses).toEqual({ '204': { description: 'Thing deleted' } });
    expect(diagnostics).toEqual([]);
  });

  it('warns about an example that is not JSON and about a page without responses', () => {
    expect(codes(run(pageText([...curl('GET', `${SERVER}/a`), '200', '', '    { oops'])).diagnostics)).toEqual([
      'html-scrape-example-invalid',
    ]);
    const { fragment, diagnostics } = run(pageText(curl('GET', `${SERVER}/a`)));
    expect(fragment!.operations[0]!.operation.responses).toEqual({
      default: { description: 'No response is documented on the page' },
    });
    expect(codes(diagnostics)).toEqual(['html-scrape-no-responses']);
  });
});

describe('names and fragment', () => {
  it('takes operationId, summary, description and tag from the page', () => {
    const { op, fragment } = only(pageText(curl('GET', `${SERVER}/things`)));
    expect(op.operation).toMatchObject({
      operationId: 'GetThing',
      summary: 'Get Thing',
      description: 'Endpoint for getting a thing.',
      tags: ['things'],
      'x-source-kind': 'html-scrape',
    });
    expect(op.source).toEqual({ file: FILE, line: FRONT_LINES + 1 });
    expect(fragment.page).toEqual({ file: FILE, kind: 'html-scrape', date: '2025-11-03T14:46:28.871Z' });
    expect(fragment.api).toBe('trade');
  });

  it('falls back to the heading above the cURL example without a title', () => {
    const text = [
      '---',
      'url: https://docs.example.com/reference/widgets/list',
      '---',
      '',
      'List Widgets',
      '',
      'cURL',
      '',
      ...curl('GET', 'https://api.example.com/v1/widgets'),
    ].join('\n');
    const { fragment } = run(text, 'reference/widgets/list.md');
    expect(fragment!.operations[0]!.operation).toMatchObject({
      operationId: 'ListWidgets',
      summary: 'List Widgets',
      tags: ['widgets'],
    });
    expect(fragment!.api).toBe('example');
  });
});

describe('unusable pages', () => {
  it.each([
    ['no cURL command', ['Just some text.'], /no cURL command/, FRONT_LINES - 6],
    ['unterminated quote', ["curl --request POST --url https://x.com/v1/a --data '{"], /never closed/, FRONT_LINES + 1],
    ['relative URL', ['curl --request GET --url /v1/things'], /not an absolute http\(s\) URL/, FRONT_LINES + 1],
  ])('%s → warning, no fragment', (_name, body, message, line) => {
    const { fragment, diagnostics } = run(pageText(body));
    expect(fragment).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'html-scrape-unusable',
      severity: 'warning',
      source: { file: FILE, line },
    });
    expect(diagnostics[0]!.message).toMatch(message);
  });

  it('never throws, whatever part of a page is left', () => {
    const texts = readdirSync(FIXTURES).map((f) => readFileSync(FIXTURES + f, 'utf8'));
    for (const text of texts.slice(0, 4)) {
      const lines = text.split('\n');
      for (let end = 0; end <= lines.length; end += 3) {
        for (const cut of [lines.slice(0, end), lines.slice(end)]) {
          expect(() => normaliseHtmlScrape(pageOf(cut.join('\n')), new Diagnostics())).not.toThrow();
        }
      }
    }
    for (const junk of [
      '',
      'curl',
      "curl '",
      'curl \\',
      '#### Body\n\nx\n\nstring\n\nAvailable options:',
      '\u0000{[',
    ]) {
      expect(() => normaliseHtmlScrape(pageOf(junk), new Diagnostics())).not.toThrow();
    }
  });
});

describe('corpus pages', () => {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const read = (file: string): string => readFileSync(FIXTURES + file, 'utf8');
  const load = (file: string): { op: OperationFragment; fragment: PageFragment; diagnostics: Diagnostic[] } => {
    const { fragment, diagnostics } = run(read(file), file);
    expect(fragment?.operations).toHaveLength(1);
    return { op: fragment!.operations[0]!, fragment: fragment!, diagnostics };
  };

  it('has the twelve pages', () => {
    expect(files).toHaveLength(12);
  });

  it.each(files)('%s yields the operation of its cURL line', (file) => {
    const text = read(file);
    const [, method, path] =
      /curl --request (\w+) \\\n\s+--url https:\/\/api\.elections\.kalshi\.com\/trade-api\/v2(\S+)/.exec(text)!;
    const { op, fragment, diagnostics } = load(file);
    expect(`${op.method} ${op.path}`).toBe(`${method!.toLowerCase()} ${path}`);
    expect(op.source.line).toBe(text.split('\n').findIndex((l) => l.trim().startsWith('curl ')) + 1);
    expect(fragment.servers).toEqual([{ url: SERVER }]);
    expect(op.operation['x-source-kind']).toBe('html-scrape');
    expect(diagnostics.every((d) => d.code === 'schema-inferred-from-example')).toBe(true);
    expect(diagnostics.length).toBe(JSON.stringify(op.operation).includes('x-inferred-from-example') ? 1 : 0);
  });

  it('reads create-order: body, 201 response and credentials', () => {
    const { op } = load('portfolio.create-order.md');
    const schema = ((op.operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject;
    const body = schema.schema as JsonObject;
    const properties = body.properties as Record<string, JsonObject>;
    expect(Object.keys(properties)).toHaveLength(19);
    expect(body.required).toEqual(['ticker', 'side', 'action', 'count']);
    expect(body['x-inferred-from-example']).toBe(true);
    expect(properties.count).toEqual({ type: 'integer', minimum: 1 });
    expect(properties.yes_price).toEqual({ type: 'number', minimum: 1, maximum: 99 });
    expect(properties.type).toEqual({ type: 'string', enum: ['limit', 'market'], default: 'limit' });
    expect(properties.time_in_force).toEqual({ type: 'string', enum: ['FOK', 'GTC', 'IOC'] });
    expect(properties.post_only).toEqual({ type: 'boolean' });
    expect(properties.sell_position_floor!.description).toBe(
      'Deprecated: Use reduce_only instead. Only accepts value of 0.',
    );
    expect(Object.keys(op.operation.responses as JsonObject)).toEqual(['201', '400', '401', '409', '429', '500']);
    expect((op.operation.responses as JsonObject)['201']).toMatchObject({ description: 'Order created successfully' });
    expect(Object.keys((op.operation.security as JsonObject[])[0]!)).toHaveLength(3);
  });

  it('reads get-orders: query parameters in page order', () => {
    const { op } = load('portfolio.get-orders.md');
    expect(params(op).map((p) => `${p.in}:${p.name}`)).toEqual(
      ['ticker', 'event_ticker', 'min_ts', 'max_ts', 'status', 'limit', 'cursor'].map((n) => `query:${n}`),
    );
    expect(params(op).find((p) => p.name === 'limit')).toEqual({
      name: 'limit',
      in: 'query',
      description: 'Number of results per page. Defaults to 100. Maximum value is 200.',
      schema: { type: 'integer', minimum: 1, maximum: 200, default: 100 },
    });
    expect(params(op).every((p) => p.required === undefined)).toBe(true);
  });

  it('reads public pages, 204 pages and nullable documented response properties', () => {
    expect(load('events.get-events.md').op.operation.security).toEqual([]);
    expect(load('api-keys.delete-api-key.md').op.operation.responses).toEqual({
      '204': { description: 'API key successfully deleted' },
    });
    const status = load('exchange.get-exchange-status.md').op.operation.responses as JsonObject;
    expect(JSON.stringify(status['200'])).toContain(
      '"exchange_estimated_resume_time":{"type":"string","format":"date-time","nullable":true',
    );
  });
});
