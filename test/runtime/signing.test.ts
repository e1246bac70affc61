import * as nodeCrypto from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Pass-through mock so the tests can count how often the Node signer parses the PEM.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const createPrivateKey = vi.fn(actual.createPrivateKey);
  return { ...actual, createPrivateKey, default: { ...actual, createPrivateKey } };
});

import { KalshiConfigError } from '../../generator/runtime/errors.js';
import { createNodeSigner } from '../../generator/runtime/node-signer.js';
import { encodeDerLength, normalisePem, parsePrivateKeyPem, pkcs1ToPkcs8 } from '../../generator/runtime/pem.js';
import { authHeaders, signingMessage, type Signer } from '../../generator/runtime/signing.js';
import { createWebCryptoSigner } from '../../generator/runtime/webcrypto-signer.js';
import { generateTestKeyPair, type TestKeyPair } from '../support/kalshi-server.js';

let keys: TestKeyPair;
let otherKeys: TestKeyPair;
beforeAll(() => {
  keys = generateTestKeyPair();
  otherKeys = generateTestKeyPair();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function verifies(message: string, signature: string, publicKey: string = keys.publicKey): boolean {
  return nodeCrypto.verify(
    'sha256',
    Buffer.from(message),
    { key: publicKey, padding: nodeCrypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    Buffer.from(signature, 'base64'),
  );
}

const signers: Array<[string, (pem: string) => Signer]> = [
  ['node', (pem) => createNodeSigner(pem)],
  ['webcrypto', (pem) => createWebCryptoSigner(pem, globalThis.crypto.subtle)],
];

function oneLine(pem: string): Record<string, string> {
  return {
    'spaces instead of newlines': pem.trim().replace(/\n/g, ' '),
    'literal \\n': pem.trim().replace(/\n/g, '\\n'),
    'no separators at all': pem.replace(/\n/g, ''),
    'CRLF and indentation': pem.replace(/\n/g, '\r\n    '),
    'quoted env value': `"${pem.trim().replace(/\n/g, '\\n')}"`,
  };
}

describe('signingMessage', () => {
  const ts = '1703123456789';
  it.each([
    ['GET', '/trade-api/v2/portfolio/balance', `${ts}GET/trade-api/v2/portfolio/balance`],
    ['get', '/trade-api/v2/portfolio/balance', `${ts}GET/trade-api/v2/portfolio/balance`],
    ['GET', 'https://external-api.kalshi.com/trade-api/v2/portfolio/balance', `${ts}GET/trade-api/v2/portfolio/balance`],
    ['GET', '/trade-api/v2/markets?limit=10&cursor=abc', `${ts}GET/trade-api/v2/markets`],
    ['GET', 'https://external-api.demo.kalshi.co/trade-api/v2/markets?status=open#frag', `${ts}GET/trade-api/v2/markets`],
    ['post', 'https://external-api.kalshi.com/trade-api/v2/portfolio/orders', `${ts}POST/trade-api/v2/portfolio/orders`],
    ['delete', '/trade-api/v2/portfolio/orders/abc-123?subaccount=0', `${ts}DELETE/trade-api/v2/portfolio/orders/abc-123`],
    ['GET', '/trade-api/v2/markets/', `${ts}GET/trade-api/v2/markets/`],
    ['GET', '/trade-api/v2/markets/A%20B', `${ts}GET/trade-api/v2/markets/A%20B`],
    ['GET', 'http://127.0.0.1:8080/trade-api/v2/exchange/status', `${ts}GET/trade-api/v2/exchange/status`],
    ['GET', '/trade-api/v2/series#fragment', `${ts}GET/trade-api/v2/series`],
  ])('%s %s', (method, url, expected) => {
    expect(signingMessage(ts, method, url)).toBe(expected);
  });

  it('full URL and path give the same message', () => {
    expect(signingMessage(ts, 'GET', 'https://external-api.kalshi.com/trade-api/v2/events?limit=5')).toBe(
      signingMessage(ts, 'GET', '/trade-api/v2/events?limit=5'),
    );
  });

  it('refuses a relative path (it would be signed without the prefix)', () => {
    expect(() => signingMessage(ts, 'GET', 'portfolio/balance')).toThrow(KalshiConfigError);
  });
});

describe('authHeaders', () => {
  it('returns key, millisecond timestamp and a verifiable signature', async () => {
    const signer = createNodeSigner(keys.pkcs1);
    const url = 'https://external-api.kalshi.com/trade-api/v2/portfolio/orders?limit=1';
    const headers = await authHeaders(signer, 'key-id-1', 'get', url, () => 1703123456789);
    expect(Object.keys(headers).sort()).toEqual(['KALSHI-ACCESS-KEY', 'KALSHI-ACCESS-SIGNATURE', 'KALSHI-ACCESS-TIMESTAMP']);
    expect(headers['KALSHI-ACCESS-KEY']).toBe('key-id-1');
    expect(headers['KALSHI-ACCESS-TIMESTAMP']).toBe('1703123456789');
    const signature = headers['KALSHI-ACCESS-SIGNATURE'] ?? '';
    expect(signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(signature).toHaveLength(344);
    expect(verifies('1703123456789GET/trade-api/v2/portfolio/orders', signature)).toBe(true);
  });

  it('uses Date.now (ms) by default and a fresh timestamp per call', async () => {
    const messages: string[] = [];
    const signer: Signer = { sign: (m) => (messages.push(m), Promise.resolve('c2ln')) };
    let clock = 1_700_000_000_000;
    await authHeaders(signer, 'k', 'GET', '/trade-api/v2/x', () => clock++);
    await authHeaders(signer, 'k', 'GET', '/trade-api/v2/x', () => clock++);
    expect(messages).toEqual(['1700000000000GET/trade-api/v2/x', '1700000000001GET/trade-api/v2/x']);
    const before = Date.now();
    const headers = await authHeaders(signer, 'k', 'GET', '/trade-api/v2/x');
    expect(Number(headers['KALSHI-ACCESS-TIMESTAMP'])).toBeGreaterThanOrEqual(before);
    expect(headers['KALSHI-ACCESS-TIMESTAMP']).toMatch(/^\d{13}$/);
  });

  it('refuses a missing key id or a PEM passed as the key id, without echoing it', async () => {
    const signer = createNodeSigner(keys.pkcs8);
    await expect(authHeaders(signer, '', 'GET', '/trade-api/v2/x')).rejects.toThrow(KalshiConfigError);
    const error = await authHeaders(signer, keys.pkcs1, 'GET', '/trade-api/v2/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConfigError);
    expect(String((error as Error).message)).not.toContain('MII');
  });
});

describe.each(signers)('%s signer', (_name, makeSigner) => {
  it.each(['pkcs1', 'pkcs8'] as const)('%s key: signatures verify with PSS / SHA-256 / salt 32', async (format) => {
    const signer = makeSigner(keys[format]);
    const message = '1703123456789GET/trade-api/v2/portfolio/balance';
    const signature = await signer.sign(message);
    expect(signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(verifies(message, signature)).toBe(true);
    expect(verifies(`${message}x`, signature)).toBe(false);
    expect(verifies(message, signature, otherKeys.publicKey)).toBe(false);
  });

  it('PSS signatures are randomised but both verify', async () => {
    const signer = makeSigner(keys.pkcs1);
    const message = '1703123456789POST/trade-api/v2/portfolio/orders';
    const [a, b] = await Promise.all([signer.sign(message), signer.sign(message)]);
    expect(a).not.toBe(b);
    expect(verifies(message, a)).toBe(true);
    expect(verifies(message, b)).toBe(true);
  });

  it.each(['pkcs1', 'pkcs8'] as const)('%s key pasted on one line works', async (format) => {
    for (const [variant, pem] of Object.entries(oneLine(keys[format]))) {
      const signature = await makeSigner(pem).sign('msg');
      expect(verifies('msg', signature), variant).toBe(true);
    }
  });

  const garbage: Record<string, () => string> = {
    'not PEM': () => 'SECRETMATERIAL-not-a-key',
    'bad base64': () => '-----BEGIN RSA PRIVATE KEY-----\nSECRETMATERIAL!!!\n-----END RSA PRIVATE KEY-----',
    'base64 but not DER': () =>
      `-----BEGIN RSA PRIVATE KEY-----\n${Buffer.from('SECRETMATERIAL'.repeat(10)).toString('base64')}\n-----END RSA PRIVATE KEY-----`,
    'truncated PKCS#8': () => {
      const body = keys.pkcs8.split('\n').slice(1, 8).join('\n');
      return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`;
    },
    'truncated PKCS#1': () => {
      const body = keys.pkcs1.split('\n').slice(1, 8).join('\n');
      return `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    },
    'public key': () => keys.publicKey,
    'missing END line': () => keys.pkcs1.split('-----END')[0] ?? '',
    'EC private key': () =>
      nodeCrypto
        .generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    'encrypted PKCS#8': () =>
      nodeCrypto
        .createPrivateKey(keys.pkcs8)
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
        .toString(),
  };

  it.each(Object.keys(garbage))('a bad key (%s) gives a KalshiConfigError without key text', async (label) => {
    const pem = garbage[label]?.() ?? '';
    const error = await (async () => makeSigner(pem).sign('msg'))().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KalshiConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/expected/i);
    expect(message).not.toContain('SECRETMATERIAL');
    expect(message).not.toContain('MII');
    expect(message).not.toMatch(/[A-Za-z0-9+/]{24,}/);
    for (const line of pem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) {
      expect(message).not.toContain(line.slice(0, 16));
    }
  });
});

describe('key parsing happens once', () => {
  it('node signer calls createPrivateKey at construction only', async () => {
    const spy = vi.mocked(nodeCrypto.createPrivateKey);
    spy.mockClear();
    const signer = createNodeSigner(keys.pkcs1);
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) expect(verifies(`m${i}`, await signer.sign(`m${i}`))).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('webcrypto signer imports lazily, once, even under concurrent signs', async () => {
    const subtle = globalThis.crypto.subtle;
    let imports = 0;
    const counting = {
      importKey: (...args: Parameters<SubtleCrypto['importKey']>) => (imports++, subtle.importKey(...args)),
      sign: (...args: Parameters<SubtleCrypto['sign']>) => subtle.sign(...args),
    } as unknown as SubtleCrypto;
    const signer = createWebCryptoSigner(keys.pkcs1, counting);
    expect(imports).toBe(0);
    const signatures = await Promise.all([1, 2, 3, 4, 5].map((i) => signer.sign(`m${i}`)));
    signatures.forEach((s, i) => expect(verifies(`m${i + 1}`, s)).toBe(true));
    await signer.sign('again');
    expect(imports).toBe(1);
  });

  it('webcrypto signer without crypto.subtle is a config error', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => createWebCryptoSigner(keys.pkcs8)).toThrow(KalshiConfigError);
  });

  it('webcrypto signer defaults to globalThis.crypto.subtle', async () => {
    const signature = await createWebCryptoSigner(keys.pkcs8).sign('default');
    expect(verifies('default', signature)).toBe(true);
  });
});

describe('pem', () => {
  it('detects PKCS#1 vs PKCS#8 and normalises to 64 columns', () => {
    expect(parsePrivateKeyPem(keys.pkcs1).format).toBe('pkcs1');
    expect(parsePrivateKeyPem(keys.pkcs8).format).toBe('pkcs8');
    for (const pem of Object.values(oneLine(keys.pkcs1))) expect(normalisePem(pem).pem).toBe(keys.pkcs1);
    for (const pem of Object.values(oneLine(keys.pkcs8))) expect(normalisePem(pem).pem).toBe(keys.pkcs8);
  });

  it('pkcs1ToPkcs8 matches what OpenSSL exports, byte for byte', () => {
    const pkcs1 = parsePrivateKeyPem(keys.pkcs1).der;
    const expected = nodeCrypto.createPrivateKey(keys.pkcs1).export({ type: 'pkcs8', format: 'der' });
    expect(Buffer.from(pkcs1ToPkcs8(pkcs1)).equals(expected)).toBe(true);
    expect(Buffer.from(pkcs1ToPkcs8(pkcs1)).equals(Buffer.from(parsePrivateKeyPem(keys.pkcs8).der))).toBe(true);
  });

  it('pkcs1ToPkcs8 handles every DER length form (small and 4096-bit keys)', () => {
    const big = nodeCrypto.generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey;
    const der = big.export({ type: 'pkcs1', format: 'der' });
    const expected = big.export({ type: 'pkcs8', format: 'der' });
    expect(Buffer.from(pkcs1ToPkcs8(new Uint8Array(der))).equals(expected)).toBe(true);
    const tiny = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
    expect([...pkcs1ToPkcs8(tiny)]).toEqual([
      0x30, 0x19, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05,
      0x00, 0x04, 0x05, 0x30, 0x03, 0x02, 0x01, 0x00,
    ]);
    expect(() => pkcs1ToPkcs8(new Uint8Array([0x30, 0x05, 0x02]))).toThrow(KalshiConfigError);
  });

  it.each([
    [0, [0x00]],
    [127, [0x7f]],
    [128, [0x81, 0x80]],
    [255, [0x81, 0xff]],
    [256, [0x82, 0x01, 0x00]],
    [1190, [0x82, 0x04, 0xa6]],
    [65536, [0x83, 0x01, 0x00, 0x00]],
  ])('encodeDerLength(%i)', (length, bytes) => {
    expect(encodeDerLength(length)).toEqual(bytes);
  });
});
