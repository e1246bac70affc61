import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KalshiAbortError } from '../../generator/runtime/abort.js';
import { KalshiConfigError, KalshiConnectionError, KalshiError } from '../../generator/runtime/errors.js';
import { createNodeSigner } from '../../generator/runtime/node-signer.js';
import { redactCause } from '../../generator/runtime/redact-cause.js';
import { redact } from '../../generator/runtime/redact.js';
import { KalshiSigningError } from '../../generator/runtime/request-errors.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pemLine = pem.split('\n')[1] ?? '';
const signature = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 53 + 7) % 256)).toString('base64');

/** Everything a user can print or reach from the error. */
function everything(error: KalshiError): Record<string, string> {
  const cause = error.cause as Error | undefined;
  return {
    message: error.message,
    stack: error.stack ?? '',
    json: JSON.stringify(error),
    inspect: inspect(error, { depth: 20 }),
    'inspect(cause)': inspect(cause, { depth: 20, showHidden: true }),
    'cause.message': String(cause?.message),
    'cause.stack': String(cause?.stack),
    'cause.cause': inspect(cause?.cause, { depth: 20, showHidden: true }),
  };
}

function expectClean(error: KalshiError): void {
  for (const [where, text] of Object.entries(everything(error))) {
    expect(text, where).not.toContain(pemLine.slice(0, 24));
    expect(text, where).not.toContain('MII');
    expect(text, where).not.toContain(signature.slice(0, 24));
    expect(text, where).not.toContain(signature.slice(-40));
  }
}

describe('the cause chain is redacted like the message', () => {
  it('a cause whose message and stack hold the PEM: copied with the same prototype, redacted', () => {
    const cause = new TypeError(`cannot use key ${pem}`);
    const error = new KalshiSigningError('Signing failed.', { cause });
    expectClean(error);
    expect(error.cause).not.toBe(cause);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect((error.cause as Error).name).toBe('TypeError');
    expect((error.cause as Error).message).toBe('cannot use key [REDACTED PEM]\n');
    // The caller's object is left as it was.
    expect(cause.message).toContain(pemLine);
  });

  it('nested causes, fields (config.headers), AggregateError members and cycles', () => {
    const inner = new Error(`sent KALSHI-ACCESS-SIGNATURE: ${signature}`);
    const middle = Object.assign(new Error('request failed', { cause: inner }), {
      code: 'E_SEND',
      config: { headers: { 'KALSHI-ACCESS-SIGNATURE': signature, 'KALSHI-ACCESS-KEY': 'key-id-1' } },
    });
    const aggregate = new AggregateError([new Error(`one ${pem}`), middle], 'all attempts failed');
    const cyclic = new Error('cyclic') as Error & { cause?: unknown };
    cyclic.cause = cyclic;
    const error = new KalshiConnectionError('GET /x failed.', { cause: aggregate });
    expectClean(error);
    const copy = error.cause as AggregateError;
    expect(copy).toBeInstanceOf(AggregateError);
    const member = copy.errors[1] as typeof middle;
    expect(member.code).toBe('E_SEND');
    expect(member.config.headers['KALSHI-ACCESS-KEY']).toBe('key-id-1');
    expect(member.config.headers['KALSHI-ACCESS-SIGNATURE']).toBe('[REDACTED]');
    expect((member.cause as Error).message).toBe('sent KALSHI-ACCESS-SIGNATURE: [REDACTED]');
    const looped = new KalshiConnectionError('x', { cause: Object.assign(cyclic, { detail: `sig=${signature}` }) });
    expectClean(looped);
    expect((looped.cause as Error & { cause: unknown }).cause).toBe(looped.cause);
  });

  it('a DOMException cause (getters that need the real object) and non-Error causes', () => {
    const dom = new DOMException(`aborted while sending ${pem}`, 'AbortError');
    const abort = new KalshiAbortError(undefined, { cause: dom });
    expectClean(abort);
    expect(abort.cause).toBeInstanceOf(DOMException);
    expect((abort.cause as DOMException).name).toBe('AbortError');
    expect((abort.cause as DOMException).code).toBe(20);
    const text = new KalshiConnectionError('x', { cause: `signature ${signature}` });
    expectClean(text);
    const object = new KalshiConnectionError('x', { cause: { privateKey: pem, note: 'fine' } });
    expectClean(object);
    expect(object.cause).toEqual({ privateKey: '[REDACTED]', note: 'fine' });
  });

  it('a cause with nothing to redact is kept as it is (the caller can compare it with its own)', () => {
    const reason = new Error('user cancelled');
    expect(new KalshiAbortError(undefined, { cause: reason }).cause).toBe(reason);
    const plain = { code: 'ECONNRESET' };
    expect(redactCause(plain)).toBe(plain);
    expect(redactCause('stop')).toBe('stop');
    expect(redactCause(undefined)).toBeUndefined();
  });

  it('JSON shows the whole chain, redacted', () => {
    const error = new KalshiConnectionError('x', { cause: new Error('outer', { cause: new Error(`inner ${signature}`) }) });
    expect(error.toJSON()).toEqual({
      name: 'KalshiConnectionError',
      message: 'x',
      cause: { name: 'Error', message: 'outer', cause: { name: 'Error', message: 'inner [REDACTED]' } },
    });
  });
});

describe('redact() and PEM mentions', () => {
  it('keeps the key-parse hint of its own error messages intact', () => {
    const error = (() => {
      try {
        createNodeSigner('-----BEGIN RSA PRIVATE KEY-----\nAAAAAAAA\n-----END RSA PRIVATE KEY-----');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KalshiConfigError);
    expect((error as Error).message).toMatch(
      /PKCS#1 \("-----BEGIN RSA PRIVATE KEY-----"\) or PKCS#8 \("-----BEGIN PRIVATE KEY-----"\)\.$/,
    );
    const hint = 'expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----"';
    expect(redact(hint)).toBe(hint);
  });

  it('still removes keys: whole, cut off, on one line, JSON-escaped', () => {
    const oneLine = pem.replace(/\n/g, ' ');
    const escaped = JSON.stringify(pem).slice(1, -1);
    for (const text of [pem, pem.slice(0, 120), oneLine, escaped, `key=${pem} and more`]) {
      const out = redact(`before ${text} after`);
      expect(out).toContain('[REDACTED');
      expect(out).not.toContain(pemLine.slice(0, 24));
      expect(out.startsWith('before ')).toBe(true);
    }
  });
});
