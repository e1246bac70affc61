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

  it('prints text grouped by severity: each changed schema once, with the operations it reaches, then each operation', () => {
    expect(renderText(changelogs, PAGES)).toBe(
      [
        'API changes in trade: 4 breaking, 0 warnings, 1 non-breaking',
        '  BREAKING',
        '    schema Error — specs/api-reference/errors.md:40',
        '      - property `service` removed',
        '      used by submitOrder()',
        '    POST /orders (SubmitOrder) — specs/api-reference/orders/post-order.md:12',
        '      - operationId renamed from CreateOrder to SubmitOrder: wrapper createOrder() → submitOrder()',
        '      - request body: property `side` added as required',
        '      - response 200: property `status` removed',
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
        '**4 breaking**, 0 warnings, 1 non-breaking.',
        '',
        '### Breaking',
        '',
        '- schema `Error` (`specs/api-reference/errors.md:40`)',
        '  - property `service` removed',
        '  - <sub>used by submitOrder()</sub>',
        '- `POST /orders` (`SubmitOrder`, `specs/api-reference/orders/post-order.md:12`)',
        '  - operationId renamed from CreateOrder to SubmitOrder: wrapper createOrder() → submitOrder()',
        '  - request body: property `side` added as required',
        '  - response 200: property `status` removed',
        '',
        '### Non-breaking',
        '',
        '- `GET /orders/{order_id}` (`GetOrder`, `specs/api-reference/orders/get-order.md:12`)',
        '  - operation added',
        '',
      ].join('\n'),
    );
  });

  it('prints a change of a schema used by 96 operations as one entry naming them compactly, and the version in the header', () => {
    const paths = () =>
      Object.fromEntries(
        Array.from({ length: 96 }, (_, i) => [`/markets/${i}`, { get: op({ id: `GetMarket${String(i).padStart(2, '0')}`, response: { $ref: '#/components/schemas/Market' } }) }]),
      ) as never;
    const market = (status: string[]) => ({ Market: object({ ticker: { type: 'string' }, status: { type: 'string', enum: status } }) });
    const before = { ...doc(paths(), market(['open', 'closed', 'settled'])), info: { title: 'T', version: '3.27.0' } };
    const after = { ...doc(paths(), market(['open', 'active'])), info: { title: 'T', version: '3.28.0' } };
    const text = renderText(apiChangelogs(new Map([['trade', before]]), new Map([['trade', after]])));
    expect(text).toBe(
      [
        'API changes in trade (3.27.0 → 3.28.0): 1 breaking, 1 warning, 0 non-breaking',
        '  BREAKING',
        '    schema Market',
        '      - `status`: enum values "closed", "settled" removed',
        '      used by 96 operations: getMarket00(), getMarket01(), getMarket02(), getMarket03(), getMarket04() and 91 more',
        '  WARNING',
        '    schema Market',
        '      - `status`: enum value "active" added',
        '      used by 96 operations: getMarket00(), getMarket01(), getMarket02(), getMarket03(), getMarket04() and 91 more',
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
