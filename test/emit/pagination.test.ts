import { describe, expect, it } from 'vitest';
import { detectPagination, listingClasses } from '../../generator/emit/pagination.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';

const document: JsonObject = {
  components: {
    schemas: {
      Order: { type: 'object', properties: { order_id: { type: 'string' } } },
      GetOrdersResponse: {
        type: 'object',
        required: ['orders', 'cursor'],
        properties: { orders: { type: 'array', items: { $ref: '#/components/schemas/Order' } }, cursor: { type: 'string' } },
      },
    },
  },
};
const array = { type: 'array', items: { type: 'object' } };
const QUERY = ['cursor', 'limit'];

describe('cursor listings, from the schema', () => {
  it.each([
    ['one array: its items, with the component of one item', { $ref: '#/components/schemas/GetOrdersResponse' }, { itemsKey: 'orders', itemSchemaName: 'Order', arrays: ['orders'] }],
    [
      'several arrays, one required (events + milestones on request): the required one',
      { type: 'object', required: ['events'], properties: { events: array, milestones: array, cursor: { type: 'string' } } },
      { itemsKey: 'events', arrays: ['events', 'milestones'] },
    ],
    [
      'several required arrays (positions): pages only',
      { type: 'object', required: ['market_positions', 'event_positions'], properties: { cursor: { type: 'string' }, market_positions: array, event_positions: array } },
      { arrays: ['market_positions', 'event_positions'] },
    ],
    [
      'several optional arrays: pages only',
      { type: 'object', properties: { a: array, b: array, next_cursor: { type: 'string' } } },
      { arrays: ['a', 'b'], cursorKey: 'next_cursor' },
    ],
  ])('%s', (_name, schema, want) => {
    const model = detectPagination(document, QUERY, schema);
    expect(model).toEqual({ cursorKey: 'cursor', cursorParam: 'cursor', limitParam: 'limit', ...want });
  });

  it.each([
    ['no cursor parameter', ['limit'], { $ref: '#/components/schemas/GetOrdersResponse' }],
    ['no cursor field', QUERY, { type: 'object', properties: { orders: array } }],
    ['no array', QUERY, { type: 'object', properties: { cursor: { type: 'string' }, total: { type: 'integer' } } }],
  ])('not a listing: %s', (_name, query, schema) => {
    expect(detectPagination(document, query, schema)).toBeUndefined();
  });

  it('names the runtime classes the listings need', () => {
    expect(listingClasses([undefined])).toEqual([]);
    expect(listingClasses([{ arrays: ['a', 'b'], cursorKey: 'cursor', cursorParam: 'cursor' }, undefined])).toEqual(['ListingPromise']);
    expect(listingClasses([{ itemsKey: 'a', arrays: ['a'], cursorKey: 'cursor', cursorParam: 'cursor' }])).toEqual(['PagePromise']);
  });
});
