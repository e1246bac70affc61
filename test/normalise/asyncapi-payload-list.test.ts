import { describe, expect, it } from 'vitest';
import { payloadFromList } from '../../generator/normalise/asyncapi/payload-list.ts';

/** Mintlify's list form of a payload, one construct per row: `[name, list, JSON Schema]`. */
const root = (properties: object[]) => [{ name: 'Ticker Update', description: 'Market price ticker information', type: 'object', properties }];

const CASES: [string, object[], object][] = [
  ['the top entry is the message: its name and description are not the payload\'s', root([]), { type: 'object' }],
  [
    'required entries go to the parent\'s required list',
    root([
      { name: 'sid', type: 'integer', description: 'Subscription id', required: true },
      { name: 'seq', type: 'integer', required: false },
    ]),
    { type: 'object', properties: { sid: { type: 'integer', description: 'Subscription id' }, seq: { type: 'integer' } }, required: ['sid'] },
  ],
  [
    'the discriminant\'s constant, shown as its description, comes back as a const',
    root([{ name: 'type', type: 'string', description: 'orderbook_snapshot', required: true }]),
    { type: 'object', properties: { type: { type: 'string', const: 'orderbook_snapshot' } }, required: ['type'] },
  ],
  [
    'a command\'s cmd likewise',
    root([{ name: 'cmd', type: 'string', description: 'update_subscription', required: true }]),
    { type: 'object', properties: { cmd: { type: 'string', const: 'update_subscription' } }, required: ['cmd'] },
  ],
  [
    'a description that is a sentence stays a description, even on `type`',
    root([{ name: 'type', type: 'string', description: 'The kind of message', required: true }]),
    { type: 'object', properties: { type: { type: 'string', description: 'The kind of message' } }, required: ['type'] },
  ],
  [
    'a nested `type` field is data, not the discriminant',
    root([{ name: 'msg', type: 'object', required: true, properties: [{ name: 'type', type: 'string', description: 'limit' }] }]),
    { type: 'object', properties: { msg: { type: 'object', properties: { type: { type: 'string', description: 'limit' } } } }, required: ['msg'] },
  ],
  [
    'enumValues become an enum',
    root([{ name: 'side', type: 'string', enumValues: ['yes', 'no'], required: true }]),
    { type: 'object', properties: { side: { type: 'string', enum: ['yes', 'no'] } }, required: ['side'] },
  ],
  [
    'an array\'s `item` entry is its items, arrays of arrays included',
    root([
      {
        name: 'bid',
        type: 'array',
        required: false,
        properties: [{ name: 'item', type: 'array', description: '[price, size]', properties: [{ name: 'item', type: 'string' }] }],
      },
    ]),
    { type: 'object', properties: { bid: { type: 'array', items: { type: 'array', description: '[price, size]', items: { type: 'string' } } } } },
  ],
  [
    'nested objects keep their own required lists',
    root([
      {
        name: 'msg',
        type: 'object',
        required: true,
        properties: [
          { name: 'market_ticker', type: 'string', required: true },
          { name: 'ts', type: 'integer', deprecated: true, required: false },
        ],
      },
    ]),
    {
      type: 'object',
      properties: { msg: { type: 'object', properties: { market_ticker: { type: 'string' }, ts: { type: 'integer', deprecated: true } }, required: ['market_ticker'] } },
      required: ['msg'],
    },
  ],
  [
    'examples are kept as JSON Schema examples',
    root([{ name: 'market_ticker', type: 'string', examples: ['FED-23DEC-T3.00'], required: true }]),
    { type: 'object', properties: { market_ticker: { type: 'string', examples: ['FED-23DEC-T3.00'] } }, required: ['market_ticker'] },
  ],
  ['a type the list cannot name (`any`) leaves the field untyped', root([{ name: 'data', type: 'any' }]), { type: 'object', properties: { data: {} } }],
  [
    'several top entries are alternatives',
    [
      { name: 'A', type: 'object', properties: [{ name: 'a', type: 'string', required: true }] },
      { name: 'B', type: 'string' },
    ],
    { oneOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'string' }] },
  ],
  ['no entries, no schema', [], {}],
];

describe('payloadFromList: Mintlify\'s derived payload list → JSON Schema', () => {
  it.each(CASES)('%s', (_name, list, expected) => {
    expect(payloadFromList(list as never)).toEqual(expected);
  });

  it('does not modify its input', () => {
    const list = root([{ name: 'type', type: 'string', description: 'ticker', required: true }]);
    const copy = structuredClone(list);
    payloadFromList(list as never);
    expect(list).toEqual(copy);
  });
});
