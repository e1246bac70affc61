/**
 * Path parameters across every operation of the committed trade document, through the generated client against
 * the signature-verifying stand-in: a value that is missing, empty, blank, `.` or `..`, or not a string or a
 * finite number throws `KalshiPathParameterError` naming the parameter, with nothing signed (the signer counts
 * its calls) and nothing sent (the server records every request). Good values, dots inside included, are sent
 * to exactly the path the template gives.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDefaultSigner,
  createKalshiClient,
  KalshiError,
  KalshiPathParameterError,
  type KalshiClient,
} from '../../generated/dist/index.js';
import { operationModels, type OperationModel } from '../../generator/emit/operation-model.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { startKalshiServer, type KalshiServer } from '../support/kalshi-server.js';
import { KEY_ID, testKeys } from './harness.js';

const document = JSON.parse(readFileSync(new URL('../../generated/openapi/trade.json', import.meta.url), 'utf8')) as JsonObject;
const operations = operationModels(document).models.filter((op) => op.pathParameters.length > 0);

const BAD_VALUES: [label: string, value: unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['empty', ''],
  ['blank', '  '],
  ['dot', '.'],
  ['dot-dot', '..'],
  ['boolean', true],
  ['object', { id: 'x' }],
  ['array', ['a', 'b']],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['lone surrogate', 'abc\uD800'],
];

let server: KalshiServer;
let client: KalshiClient;
let signatures = 0;

beforeAll(async () => {
  const { pkcs1, publicKey } = testKeys();
  // No routes: every request that arrives is recorded (and answered 404).
  server = await startKalshiServer({ keys: { [KEY_ID]: publicKey }, routes: [] });
  const signer = createDefaultSigner(pkcs1);
  client = createKalshiClient({
    baseUrl: server.url,
    apiKeyId: KEY_ID,
    signer: { sign: (message: string) => (signatures++, signer.sign(message)) },
    maxRetries: 0,
  });
});
afterAll(() => server?.close());

type Wrapper = (...args: unknown[]) => Promise<unknown>;
const wrapper = (op: OperationModel): Wrapper => {
  const method = (client as unknown as Record<string, unknown>)[op.wrapperName];
  if (typeof method !== 'function') throw new Error(`the client has no ${op.wrapperName}()`);
  return (method as Wrapper).bind(client);
};

describe('path parameters of every trade operation', () => {
  it('the document has operations with path parameters, and a wrapper for each', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) expect(typeof wrapper(op)).toBe('function');
  });

  it('".." in a path parameter would resolve to another operation of the document (what the check prevents)', () => {
    const templates = operationModels(document).models.map((op) => ({
      method: op.method,
      pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      op,
    }));
    const reaching: string[] = [];
    for (const op of operations) {
      for (const param of op.pathParameters) {
        const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === param.name ? '..' : 'x'));
        const resolved = new URL(`https://host${path}`).pathname;
        const other = templates.find((t) => t.method === op.method && t.op !== op && t.pattern.test(resolved));
        if (other) reaching.push(`${op.wrapperName}(${param.name}='..') → ${op.method.toUpperCase()} ${other.op.path}`);
      }
    }
    expect(reaching.length).toBeGreaterThan(0);
  });

  describe.each(BAD_VALUES)('%s', (_label, bad) => {
    it('throws KalshiPathParameterError naming the parameter, before anything is signed or sent', async () => {
      let cases = 0;
      for (const op of operations) {
        for (const [index, param] of op.pathParameters.entries()) {
          const args = op.pathParameters.map((_p, i) => (i === index ? bad : 'GOOD-VALUE'));
          const error = await wrapper(op)(...args).catch((e: unknown) => e);
          expect(error, `${op.wrapperName} ${param.name}`).toBeInstanceOf(KalshiPathParameterError);
          expect(error).toBeInstanceOf(KalshiError);
          const typed = error as KalshiPathParameterError;
          expect(typed.name).toBe('KalshiPathParameterError');
          expect(typed.parameter).toBe(param.name);
          expect(typed.path).toBe(op.path);
          expect(typed.message).toContain(`"${param.name}"`);
          expect(typed.message).toContain('Nothing was signed or sent');
          cases++;
        }
      }
      expect(cases).toBe(operations.reduce((n, op) => n + op.pathParameters.length, 0));
      expect(signatures).toBe(0);
      expect(server.requests).toEqual([]);
    });
  });

  it('good values (dots inside, "...", numbers, spaces) go to exactly the path the template gives', async () => {
    const values = ['KXBTC-25DEC31.T100000', '...', 42, 'a b/c'];
    const basePath = new URL(server.url).pathname;
    for (const op of operations) {
      const args = op.pathParameters.map((_p, i) => values[i % values.length]);
      await wrapper(op)(...args).catch(() => undefined);
      const expected = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        const index = op.pathParameters.findIndex((p) => p.name === name);
        return encodeURIComponent(String(values[index % values.length]));
      });
      const request = server.requests.at(-1);
      expect(request?.url.split('?')[0], op.wrapperName).toBe(basePath + expected);
      expect(request?.method).toBe(op.method.toUpperCase());
    }
    expect(server.requests).toHaveLength(operations.length);
  });
});
