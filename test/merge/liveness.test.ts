import { describe, expect, it } from 'vitest';
import type { PageInfo } from '../../generator/normalise/fragment.ts';
import { fragment, mergeFragments as run, type Op } from '../support/fragments.ts';

/** Pages the scrape manifest lists (live) outrank every other page; operations only unlisted pages have are removed. */

/** A page on its own server, so which page's servers the document took is visible. */
const page = (info: Partial<PageInfo> & { file: string }, ops: Op[], schemas: Record<string, object> = {}) =>
  fragment(info, ops, schemas, `https://${info.file.replace(/\W/g, '')}.example/trade-api/v2`);

const LIVE = { listed: true, date: '2026-08-21T22:07:01.000Z', version: '3.28.0' };
const DROPPED = { listed: false, lastListed: '2026-06-18T00:28:16.066Z', date: '2026-06-18T00:28:16.066Z', version: '3.21.0' };
const SEED = { listed: false, date: '2026-12-01T00:00:00.000Z', version: '9.9.9' };
const schema = (ref: string) => ({ responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } } } });

describe('liveness and precedence', () => {
  it('a listed page outranks a newer, higher-versioned unlisted page, for operations, components, servers and version', () => {
    const { document, diagnostics } = run([
      page({ file: 'seeds/002.txt', ...SEED }, [{ operation: { operationId: 'FromSeed', ...schema('Order') } }], { Order: { type: 'object', properties: { old: { type: 'string' } } } }),
      page({ file: 'api-reference/orders/get-orders.md', ...LIVE }, [{ operation: { operationId: 'GetOrders', ...schema('Order') } }], {
        Order: { type: 'object', properties: { exchange_index: { type: 'integer' } } },
      }),
    ]);
    expect(document.paths['/x'].get.operationId).toBe('GetOrders');
    expect(document.components.schemas.Order.properties).toEqual({ exchange_index: { type: 'integer' } });
    expect(document.info.version).toBe('3.28.0');
    expect(document.servers.map((s: { url: string }) => s.url)).toEqual(['https://apireferenceordersgetordersmd.example/trade-api/v2']);
    expect(diagnostics.find((d) => d.code === 'operation-superseded')?.message).toMatch(/superseded by the live page api-reference\/orders\/get-orders\.md/);
  });

  it('leaves out an operation only unlisted pages define, with an info finding naming it', () => {
    const { document, diagnostics } = run([
      page({ file: 'api-reference/orders/create-order-v2.md', ...LIVE }, [{ method: 'post', path: '/portfolio/events/orders', operation: { operationId: 'CreateOrderV2' } }]),
      page({ file: 'dropped/api-reference/orders/create-order.md', ...DROPPED }, [{ method: 'post', path: '/portfolio/orders', operation: { operationId: 'CreateOrder' } }]),
    ]);
    expect(Object.keys(document.paths)).toEqual(['/portfolio/events/orders']);
    expect(diagnostics).toMatchObject([
      {
        code: 'operation-not-listed',
        severity: 'info',
        source: { file: 'dropped/api-reference/orders/create-order.md', line: 10 },
        message: expect.stringContaining('POST /portfolio/orders (CreateOrder) is only on pages the docs site no longer lists'),
      },
    ]);
  });

  it.each<[string, Op, string]>([
    ['an operationId with a V2 suffix', { method: 'post', path: '/portfolio/orders', operation: { operationId: 'CreateOrder' } }, 'CreateOrderV2'],
    [
      'the removed page saying "use METHOD /path instead"',
      { method: 'put', path: '/communications/quotes/{quote_id}/accept', operation: { operationId: 'AcceptQuote', description: 'DEPRECATED: Use PUT /communications/rfqs/{rfq_id}/quotes/{quote_id}/accept instead.' } },
      'AcceptRfqQuote',
    ],
    ['a live page calling the removed path legacy', { method: 'post', path: '/portfolio/legacy', operation: { operationId: 'PlaceOrder' } }, 'CreateOrderV2'],
  ])('keeps removed operations on request, deprecated, with the date they left and the replacement named by %s', (_name, removed, replacement) => {
    const live = page({ file: 'api-reference/orders/create-order-v2.md', ...LIVE }, [
      { method: 'post', path: '/portfolio/events/orders', operation: { operationId: 'CreateOrderV2', description: 'The legacy `/portfolio/legacy` endpoint will be deprecated.' } },
      { method: 'put', path: '/communications/rfqs/{rfq_id}/quotes/{quote_id}/accept', operation: { operationId: 'AcceptRfqQuote' } },
    ]);
    const { document, diagnostics } = run([live, page({ file: 'dropped/old.md', ...DROPPED }, [removed])], { keepRemoved: true });
    const kept = document.paths[removed.path!][removed.method!];
    expect(kept.deprecated).toBe(true);
    expect(kept['x-removed-from-docs']).toEqual({ lastListed: DROPPED.lastListed, replacement });
    expect(diagnostics.map((d) => d.code)).toEqual(['operation-kept-removed']);
    expect(diagnostics[0]!.message).toMatch(new RegExp(`is kept, deprecated: last listed 2026-06-18; use .* \\(${replacement}\\) instead$`));
  });

  it('drops a kept removed operation whose operationId a live one uses', () => {
    const { document, diagnostics } = run(
      [
        page({ file: 'api-reference/a.md', ...LIVE }, [{ path: '/a', operation: { operationId: 'GetThing' } }]),
        page({ file: 'dropped/b.md', ...DROPPED }, [{ path: '/b', operation: { operationId: 'GetThing' } }]),
      ],
      { keepRemoved: true },
    );
    expect(Object.keys(document.paths)).toEqual(['/a']);
    expect(diagnostics.find((d) => d.code === 'operation-id-taken')?.message).toMatch(/a page the docs no longer list/);
  });

  it('reports SDK methods that map to operations the docs removed, without adding them', () => {
    const { document, diagnostics } = run([
      page({ file: 'api-reference/a.md', ...LIVE }, [{ path: '/a', operation: { operationId: 'GetA' } }]),
      page({ file: 'dropped/b.md', ...DROPPED }, [{ path: '/b', operation: { operationId: 'GetB' } }]),
      page({ file: 'seeds/003.txt', kind: 'sdk-reference', listed: false }, [
        { path: '/a', sdkMethod: 'getA', operation: { operationId: 'GetA' } },
        { path: '/b', sdkMethod: 'getB', operation: { operationId: 'GetB' } },
      ]),
    ]);
    expect(Object.keys(document.paths)).toEqual(['/a']);
    expect(diagnostics.find((d) => d.code === 'sdk-methods-mapped')).toMatchObject({
      source: { file: 'seeds/003.txt' },
      message: '1 method(s) map to live operations; 1 to operations the docs removed (getB)',
    });
  });

  it('without a manifest (no page listed or unlisted) every page counts, newest first, as before', () => {
    const { document } = run([
      page({ file: 'a.md', date: '2025-01-01' }, [{ operation: { operationId: 'Old' } }]),
      page({ file: 'b.md', date: '2026-01-01' }, [{ operation: { operationId: 'New' } }, { path: '/only-here', operation: { operationId: 'Only' } }]),
    ]);
    expect(document.paths['/x'].get.operationId).toBe('New');
    expect(Object.keys(document.paths)).toEqual(['/only-here', '/x']);
  });
});
