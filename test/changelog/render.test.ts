import { describe, expect, it } from 'vitest';
import { apiChangelogs } from '../../generator/changelog/api-changelog.ts';
import type { PageIndex } from '../../generator/changelog/pages.ts';
import { renderMarkdown } from '../../generator/changelog/render-markdown.ts';
import { renderText } from '../../generator/changelog/render-text.ts';
import { doc, object, op } from './documents.ts';

const error = { $ref: '#/components/schemas/Error' };
const withErrors = (operation: object) => ({
  ...operation,
  responses: {
    ...(operation as { responses: object }).responses,
    '401': { description: 'Unauthorized', content: { 'application/json': { schema: error } } },
    '500': { description: 'Error', content: { 'application/json': { schema: error } } },
  },
});

const BEFORE = doc(
  { '/orders': { post: withErrors(op({ id: 'CreateOrder', request: object({ ticker: { type: 'string' } }, ['ticker']), response: object({ order_id: { type: 'string' }, status: { type: 'string' } }) })) } },
  { Error: object({ code: { type: 'string' }, service: { type: 'string' } }) },
);
const AFTER = doc(
  {
    '/orders': { post: withErrors(op({ id: 'SubmitOrder', request: object({ ticker: { type: 'string' }, side: { type: 'string' } }, ['ticker', 'side']), response: object({ order_id: { type: 'string' } }) })) },
    '/orders/{order_id}': { get: op({ id: 'GetOrder', response: object({ order_id: { type: 'string' } }) }) },
  },
  { Error: object({ code: { type: 'string' } }) },
);

const PAGES: PageIndex = {
  operation: (_api, method, path) => (path.startsWith('/orders') ? `specs/api-reference/orders/${method.toLowerCase()}-order.md:12` : undefined),
  schema: (_api, name) => (name === 'Error' ? 'specs/api-reference/errors.md:40' : undefined),
};

describe('changelog rendering', () => {
  const changelogs = apiChangelogs(new Map([['trade', BEFORE]]), new Map([['trade', AFTER]]));

  it('prints text grouped by severity and operation, with the defining pages', () => {
    expect(renderText(changelogs, PAGES)).toBe(
      [
        'API changes in trade: 5 breaking, 0 warnings, 1 non-breaking',
        '  BREAKING',
        '    POST /orders (SubmitOrder) — specs/api-reference/orders/post-order.md:12',
        '      - operationId renamed from CreateOrder to SubmitOrder: wrapper createOrder() → submitOrder()',
        '      - request body: property `side` added as required',
        '      - response 200: property `status` removed',
        '      - responses 401, 500: property `service` removed',
        '      (schemas from other pages: Error (specs/api-reference/errors.md:40))',
        '  NON-BREAKING',
        '    GET /orders/{order_id} (GetOrder) — specs/api-reference/orders/get-order.md:12',
        '      - operation added',
        '',
      ].join('\n'),
    );
  });

  it('prints markdown for release notes', () => {
    expect(renderMarkdown(changelogs, PAGES, 'API changes since v1')).toBe(
      [
        '# API changes since v1',
        '',
        '## trade',
        '',
        '**5 breaking**, 0 warnings, 1 non-breaking.',
        '',
        '### Breaking',
        '',
        '- `POST /orders` (`SubmitOrder`, `specs/api-reference/orders/post-order.md:12`)',
        '  - operationId renamed from CreateOrder to SubmitOrder: wrapper createOrder() → submitOrder()',
        '  - request body: property `side` added as required',
        '  - response 200: property `status` removed',
        '  - responses 401, 500: property `service` removed',
        '  - <sub>schemas from other pages: Error (specs/api-reference/errors.md:40)</sub>',
        '',
        '### Non-breaking',
        '',
        '- `GET /orders/{order_id}` (`GetOrder`, `specs/api-reference/orders/get-order.md:12`)',
        '  - operation added',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    const same = apiChangelogs(new Map([['trade', BEFORE]]), new Map([['trade', BEFORE]]));
    expect(renderText(same)).toBe('API changes in trade: none\n');
    expect(renderMarkdown(same)).toBe('# API changes\n\n## trade\n\nNo changes.\n');
  });
});
