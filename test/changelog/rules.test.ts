import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../generator/changelog/index.ts';
import { doc, object, op, summary } from './documents.ts';

const thing = (properties: Record<string, object>, required: string[] = []) => ({ Thing: object(properties, required) });
const str = { type: 'string' };
const int = { type: 'integer' };
const query = (name: string, extra: object = {}) => ({ name, in: 'query', schema: str, ...extra });
const path = (name: string) => ({ name, in: 'path', required: true, schema: str });
const get = (operation: object, at = '/things') => ({ [at]: { get: operation } });
const post = (operation: object) => ({ '/things': { post: operation } });
const BASE = thing({ id: str });

type Case = [name: string, before: object, after: object, expected: string[]];

/** One hand-made pair per rule: `[name, before, after, changes as "kind | severity | location | property"]`. */
const CASES: Case[] = [
  ['an added operation', doc({}), doc(get(op()), BASE), ['operation-added | non-breaking']],
  ['a removed operation', doc(get(op()), BASE), doc({}), ['operation-removed | breaking']],
  ['a renamed operationId', doc(get(op()), BASE), doc(get(op({ id: 'FetchThing' })), BASE), ['operation-id-renamed | breaking']],
  ['a deprecated operation', doc(get(op()), BASE), doc(get(op({ extra: { deprecated: true } })), BASE), ['operation-deprecated | warning']],
  [
    'a renamed path parameter (same operation)',
    doc(get(op({ parameters: [path('id')] }), '/things/{id}'), BASE),
    doc(get(op({ parameters: [path('thing_id')] }), '/things/{thing_id}'), BASE),
    ['path-parameter-renamed | warning | path parameter `thing_id`'],
  ],
  ['an optional parameter added', doc(get(op()), BASE), doc(get(op({ parameters: [query('limit')] })), BASE), ['parameter-added | non-breaking | query parameter `limit`']],
  [
    'a required parameter added',
    doc(get(op()), BASE),
    doc(get(op({ parameters: [query('limit', { required: true })] })), BASE),
    ['parameter-added | breaking | query parameter `limit`'],
  ],
  ['a parameter removed', doc(get(op({ parameters: [query('limit')] })), BASE), doc(get(op()), BASE), ['parameter-removed | breaking | query parameter `limit`']],
  [
    'a parameter made required',
    doc(get(op({ parameters: [query('limit')] })), BASE),
    doc(get(op({ parameters: [query('limit', { required: true })] })), BASE),
    ['parameter-required | breaking | query parameter `limit`'],
  ],
  [
    'a parameter enum value removed, another added',
    doc(get(op({ parameters: [query('status', { schema: { type: 'string', enum: ['open', 'closed'] } })] })), BASE),
    doc(get(op({ parameters: [query('status', { schema: { type: 'string', enum: ['open', 'settled'] } })] })), BASE),
    ['enum-value-added | non-breaking | query parameter `status`', 'enum-value-removed | breaking | query parameter `status`'],
  ],
  [
    'a required request property added',
    doc(post(op({ request: object({ a: str }) })), BASE),
    doc(post(op({ request: object({ a: str, b: str }, ['b']) })), BASE),
    ['property-added | breaking | request body | b'],
  ],
  [
    'an optional request property added',
    doc(post(op({ request: object({ a: str }) })), BASE),
    doc(post(op({ request: object({ a: str, b: str }) })), BASE),
    ['property-added | non-breaking | request body | b'],
  ],
  ['a request property removed', doc(post(op({ request: object({ a: str, b: str }) })), BASE), doc(post(op({ request: object({ a: str }) })), BASE), ['property-removed | breaking | request body | b']],
  [
    'a request property made required',
    doc(post(op({ request: object({ a: str }) })), BASE),
    doc(post(op({ request: object({ a: str }, ['a']) })), BASE),
    ['property-required | breaking | request body | a'],
  ],
  [
    'a request property made nullable',
    doc(post(op({ request: object({ a: str }) })), BASE),
    doc(post(op({ request: object({ a: { type: 'string', nullable: true } }) })), BASE),
    ['nullable-added | non-breaking | request body | a'],
  ],
  [
    'a request enum value removed',
    doc(post(op({ request: object({ side: { type: 'string', enum: ['yes', 'no'] } }) })), BASE),
    doc(post(op({ request: object({ side: { type: 'string', enum: ['yes'] } }) })), BASE),
    ['enum-value-removed | breaking | request body | side'],
  ],
  [
    'a request integer widened to number',
    doc(post(op({ request: object({ n: int }) })), BASE),
    doc(post(op({ request: object({ n: { type: 'number' } }) })), BASE),
    ['type-changed | non-breaking | request body | n'],
  ],
  ['a required request body added', doc(post(op()), BASE), doc(post(op({ request: object({ a: str }) })), BASE), ['request-body-added | breaking | request body']],
  ['a response property removed', doc(get(op()), thing({ id: str, name: str })), doc(get(op()), BASE), ['property-removed | breaking | response 200 | name']],
  ['a response property added', doc(get(op()), BASE), doc(get(op()), thing({ id: str, name: str }, ['name'])), ['property-added | non-breaking | response 200 | name']],
  ['a response property retyped', doc(get(op()), thing({ id: int })), doc(get(op()), BASE), ['type-changed | breaking | response 200 | id']],
  ['a response format changed', doc(get(op()), thing({ id: { type: 'string', format: 'uuid' } })), doc(get(op()), BASE), ['format-changed | warning | response 200 | id']],
  ['a response property made nullable', doc(get(op()), BASE), doc(get(op()), thing({ id: { type: 'string', nullable: true } })), ['nullable-added | breaking | response 200 | id']],
  ['a response property made optional', doc(get(op()), thing({ id: str }, ['id'])), doc(get(op()), BASE), ['property-optional | breaking | response 200 | id']],
  ['a response property made required', doc(get(op()), BASE), doc(get(op()), thing({ id: str }, ['id'])), ['property-required | non-breaking | response 200 | id']],
  [
    'a response enum value added, another removed',
    doc(get(op()), thing({ s: { type: 'string', enum: ['a', 'b'] } })),
    doc(get(op()), thing({ s: { type: 'string', enum: ['a', 'c'] } })),
    // A value removed from a response union breaks an exhaustive switch or a comparison with it (tsc errors).
    ['enum-value-added | warning | response 200 | s', 'enum-value-removed | breaking | response 200 | s'],
  ],
  [
    'several response enum values added: one line',
    doc(get(op()), thing({ s: { type: 'string', enum: ['a'] } })),
    doc(get(op()), thing({ s: { type: 'string', enum: ['a', 'c', 'b'] } })),
    ['enum-value-added | warning | response 200 | s'],
  ],
  [
    'a response string narrowed to an enum',
    doc(get(op()), thing({ s: str })),
    doc(get(op()), thing({ s: { type: 'string', enum: ['a'] } })),
    ['enum-added | breaking | response 200 | s'],
  ],
  [
    'a property renamed, same type (one removed and one added in the same object)',
    doc(post(op({ request: object({ a: str, old_name: int }) })), BASE),
    doc(post(op({ request: object({ a: str, new_name: int }, ['new_name']) })), BASE),
    ['property-renamed | breaking | request body | new_name'],
  ],
  [
    'a property replaced by one of another type is not a rename',
    doc(post(op({ request: object({ price_cents: int }) })), BASE),
    doc(post(op({ request: object({ price: str }) })), BASE),
    ['property-added | non-breaking | request body | price', 'property-removed | breaking | request body | price_cents'],
  ],
  ['a property deprecated', doc(get(op()), thing({ id: str })), doc(get(op()), thing({ id: { ...str, deprecated: true } })), ['property-deprecated | warning | response 200 | id']],
  [
    'a parameter deprecated',
    doc(get(op({ parameters: [query('limit')] })), BASE),
    doc(get(op({ parameters: [query('limit', { deprecated: true })] })), BASE),
    ['parameter-deprecated | warning | query parameter `limit`'],
  ],
  [
    'a request maximum lowered, a minimum lowered, a default changed',
    doc(get(op({ parameters: [query('limit', { schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })] })), BASE),
    doc(get(op({ parameters: [query('limit', { schema: { type: 'integer', minimum: 0, maximum: 500, default: 200 } })] })), BASE),
    ['constraint-changed | warning | query parameter `limit`', 'constraint-changed | warning | query parameter `limit`', 'constraint-changed | non-breaking | query parameter `limit`'],
  ],
  [
    'a response pattern and length changed',
    doc(get(op()), thing({ id: { type: 'string', maxLength: 10 } })),
    doc(get(op()), thing({ id: { type: 'string', maxLength: 20, pattern: '^[a-z]+$' } })),
    ['constraint-changed | non-breaking | response 200 | id', 'constraint-changed | non-breaking | response 200 | id'],
  ],
  ['the document version', { ...doc(get(op()), BASE), info: { title: 'T', version: '3.27.0' } }, { ...doc(get(op()), BASE), info: { title: 'T', version: '3.28.0' } }, ['info-version-changed | non-breaking']],
  [
    'a server replaced',
    { ...doc(get(op()), BASE), servers: [{ url: 'https://old.example/trade-api/v2' }] },
    { ...doc(get(op()), BASE), servers: [{ url: 'https://new.example/trade-api/v2' }] },
    ['server-added | non-breaking', 'server-removed | warning'],
  ],
  [
    'only a description changed: said, not "no changes"',
    doc(get(op({ extra: { description: 'Old words.' } })), BASE),
    doc(get(op({ extra: { description: 'New words.' } })), BASE),
    ['documentation-changed | non-breaking'],
  ],
  [
    'a nested array item property removed',
    doc(get(op({ response: object({ things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } }) })), thing({ id: str, name: str })),
    doc(get(op({ response: object({ things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } }) })), BASE),
    ['property-removed | breaking | response 200 | things[].name'],
  ],
  [
    'a success response removed, an error response added',
    doc(get(op()), BASE),
    doc(get({ operationId: 'GetThing', responses: { '404': { description: 'Not found' } } }), BASE),
    ['response-removed | breaking | response 200', 'response-added | non-breaking | response 404'],
  ],
  [
    'security made stricter',
    doc(get(op({ extra: { security: [{ kalshiAccessKey: [] }] } })), BASE),
    doc(get(op({ extra: { security: [{ kalshiAccessKey: [], kalshiAccessSignature: [] }] } })), BASE),
    ['security-changed | breaking'],
  ],
  ['security removed', doc(get(op({ extra: { security: [{ kalshiAccessKey: [] }] } })), BASE), doc(get(op()), BASE), ['security-changed | non-breaking']],
  [
    'security alternatives reordered: the same requirement, only the text of the document differs',
    doc(get(op({ extra: { security: [{ kalshiAccessKey: [] }, { kalshiAccessSignature: [] }] } })), BASE),
    doc(get(op({ extra: { security: [{ kalshiAccessSignature: [] }, { kalshiAccessKey: [] }] } })), BASE),
    ['documentation-changed | non-breaking'],
  ],
];

describe('diffDocuments: one hand-made pair per rule', () => {
  it.each(CASES)('%s', (_name, before, after, expected) => {
    expect(summary(diffDocuments(before as never, after as never))).toEqual(expected);
  });
});
