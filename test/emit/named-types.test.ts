import { describe, expect, it } from 'vitest';
import { nameComponentSchemas } from '../../generator/emit/named-types.ts';

/** openapi-typescript's shape, in small: schemas inside `components`, root aliases, references by index. */
const OUTPUT = `export interface paths {
    "/markets/{ticker}": {
        get: operations["GetMarket"];
    };
}
export interface components {
    schemas: {
        /** @description A market. */
        Market: {
            ticker: string;
            status: components["schemas"]["MarketStatus"];
            /** @description The event it belongs to. */
            event?: components["schemas"]["Event"] | null;
        };
        /** @enum {string} */
        MarketStatus: "open" | "closed";
        Event: {
            markets?: components["schemas"]["Market"][];
        };
        GetMarketResponse: {
            market: components["schemas"]["Market"];
        };
        Unnamed: string;
    };
    responses: never;
}
export type Market = components['schemas']['Market'];
export type MarketStatus = components['schemas']['MarketStatus'];
export type Event = components['schemas']['Event'];
export type GetMarketResponse = components['schemas']['GetMarketResponse'];
export type $defs = Record<string, never>;
export interface operations {
    GetMarket: {
        parameters: {
            query?: {
                /** @description Include the event. */
                with_event?: boolean;
                status?: components["schemas"]["MarketStatus"];
            };
            header?: never;
            path: {
                ticker: string;
            };
        };
        responses: {
            200: {
                content: {
                    "application/json": components["schemas"]["GetMarketResponse"];
                };
            };
        };
    };
}
`;

const squash = (text: string): string => text.replace(/\s+/g, ' ');

describe('component schemas become named declarations', () => {
  it('object schemas become interfaces with their JSDoc, others type aliases, references use the names', async () => {
    const { text } = await nameComponentSchemas(OUTPUT);
    const flat = squash(text);
    expect(flat).toContain('/** @description A market. */ export interface Market { ticker: string; status: MarketStatus; /** @description The event it belongs to. */ event?: Event | null; }');
    expect(flat).toContain('/** @enum {string} */ export type MarketStatus = "open" | "closed";');
    expect(flat).toContain('export interface Event { markets?: Market[]; }');
    expect(flat).toContain('export interface GetMarketResponse { market: Market; }');
    expect(flat).toContain('"application/json": GetMarketResponse;');
    expect(flat).toContain('schemas: { /** @description A market. */ Market: Market;');
    expect(flat).toContain('MarketStatus: MarketStatus; Event: Event; GetMarketResponse: GetMarketResponse;');
    expect(text).not.toMatch(/components\[["']schemas["']\]\[["'](Market|MarketStatus|Event|GetMarketResponse)["']\]/);
    expect(text.match(/export interface Market \{/g)).toHaveLength(1);
  });

  it('leaves a schema without a root alias where it is, and reports the exported names', async () => {
    const { text, exportedNames, schemaNames } = await nameComponentSchemas(OUTPUT);
    expect(squash(text)).toContain('Unnamed: string;');
    expect(exportedNames).toEqual(
      new Set(['paths', 'components', 'Market', 'MarketStatus', 'Event', 'GetMarketResponse', '$defs', 'operations', 'GetMarketQuery']),
    );
    expect([...schemaNames]).toEqual([
      ['Market', 'Market'],
      ['MarketStatus', 'MarketStatus'],
      ['Event', 'Event'],
      ['GetMarketResponse', 'GetMarketResponse'],
    ]);
  });

  it("an operation's query parameters become an interface, and the operation refers to it", async () => {
    const { text, parameterNames } = await nameComponentSchemas(OUTPUT);
    const flat = squash(text);
    expect(flat).toContain('parameters: { query?: GetMarketQuery; header?: never; path: { ticker: string; }; };');
    expect(flat).toContain(
      '/** Query parameters of the `GetMarket` operation. */ export interface GetMarketQuery { /** @description Include the event. */ with_event?: boolean; status?: MarketStatus; }',
    );
    expect([...parameterNames]).toEqual([['GetMarket', { query: 'GetMarketQuery' }]]);
  });

  it('names a parameter interface around a schema of the same name', async () => {
    const clashing = OUTPUT.replace('Unnamed: string;', 'GetMarketQuery: string;').replace(
      'export type $defs',
      "export type GetMarketQuery = components['schemas']['GetMarketQuery'];\nexport type $defs",
    );
    const { parameterNames } = await nameComponentSchemas(clashing);
    expect(parameterNames.get('GetMarket')).toEqual({ query: 'GetMarketQueryParameters' });
  });

  it('gives the same text on every run', async () => {
    expect((await nameComponentSchemas(OUTPUT)).text).toBe((await nameComponentSchemas(OUTPUT)).text);
  });
});
