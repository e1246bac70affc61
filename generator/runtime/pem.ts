/**
 * PEM handling for RSA private keys, without `node:` imports (usable by the WebCrypto signer).
 * Errors never include key material: only what was expected and what kind of block was found.
 */
import { KalshiConfigError } from './errors.js';

export type PrivateKeyFormat = 'pkcs1' | 'pkcs8';

export interface ParsedPrivateKeyPem {
  format: PrivateKeyFormat;
  /** The normalised PEM text (64-column body, LF line ends, trailing newline). */
  pem: string;
  /** The DER bytes of the body. */
  der: Uint8Array;
}

export const EXPECTED =
  'expected an RSA private key in PEM form: a "BEGIN RSA PRIVATE KEY" block (PKCS#1, what Kalshi hands out) or a "BEGIN PRIVATE KEY" block (PKCS#8)';

const LABELS: Record<string, PrivateKeyFormat> = { 'RSA PRIVATE KEY': 'pkcs1', 'PRIVATE KEY': 'pkcs8' };

/**
 * Restore a PEM that lost its newlines (pasted on one line, literal `\n` from an env file, CRLF,
 * surrounding quotes) and re-wrap the body at 64 columns. Throws `KalshiConfigError` on anything
 * that is not a single unencrypted RSA private key block.
 */
export function normalisePem(input: string): { format: PrivateKeyFormat; pem: string; body: string } {
  const fail = (problem: string): never => {
    throw new KalshiConfigError(`${problem}: ${EXPECTED}.`);
  };
  if (typeof input !== 'string' || input.trim() === '') fail('The private key is empty');
  let text = input.trim().replace(/\\r/g, '').replace(/\\n/g, '\n').replace(/\r/g, '');
  if (/^(["'`]).*\1$/s.test(text)) text = text.slice(1, -1).trim();
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text) ?? fail('The private key is not PEM');
  const label = begin[1] as string;
  const format = LABELS[label];
  const encrypted = 'Unsupported private key (encrypted keys are not supported, decrypt it first)';
  if (format === undefined) {
    if (/ENCRYPTED/.test(label) && !/PUBLIC KEY/.test(label)) fail(encrypted);
    fail(
      `Unsupported private key (${/PUBLIC KEY/.test(label) ? 'it is a public key' : `found a "${label.slice(0, 40)}" block`})`,
    );
  }
  const endMarker = `-----END ${label}-----`;
  const start = begin.index + begin[0].length;
  const endAt = text.indexOf(endMarker, start);
  if (endAt < 0) fail(`The private key PEM has no "${endMarker}" line`);
  const inner = text.slice(start, endAt);
  if (/Proc-Type:\s*4,ENCRYPTED|DEK-Info:/i.test(inner)) fail(encrypted);
  const body = inner.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
    fail('The private key PEM body is not valid base64');
  const lines = body.match(/.{1,64}/g)?.join('\n');
  return {
    format: format as PrivateKeyFormat,
    body,
    pem: `-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`,
  };
}

/** Normalise, detect PKCS#1 vs PKCS#8 and decode the body to DER. */
export function parsePrivateKeyPem(input: string): ParsedPrivateKeyPem {
  const { format, pem, body } = normalisePem(input);
  return { format, pem, der: base64ToBytes(body) };
}

/** The PKCS#8 DER of a PKCS#1 or PKCS#8 PEM (what WebCrypto's `importKey('pkcs8')` wants). */
export function privateKeyPemToPkcs8Der(input: string): Uint8Array {
  const { format, der } = parsePrivateKeyPem(input);
  return format === 'pkcs8' ? der : pkcs1ToPkcs8(der);
}

// AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }
const RSA_ALGORITHM_ID = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const VERSION_0 = [0x02, 0x01, 0x00];

/** Wrap a DER RSAPrivateKey (PKCS#1) in a PrivateKeyInfo (PKCS#8). */
export function pkcs1ToPkcs8(der: Uint8Array): Uint8Array {
  if (derElement(der, 0, 0x30)?.[1] !== der.length) {
    throw new KalshiConfigError(
      `The private key is not a valid PKCS#1 RSAPrivateKey (bad DER structure): ${EXPECTED}.`,
    );
  }
  const octetString = [0x04, ...encodeDerLength(der.length)];
  const contentLength = VERSION_0.length + RSA_ALGORITHM_ID.length + octetString.length + der.length;
  const head = [0x30, ...encodeDerLength(contentLength), ...VERSION_0, ...RSA_ALGORITHM_ID, ...octetString];
  const out = new Uint8Array(head.length + der.length);
  out.set(head);
  out.set(der, head.length);
  return out;
}

/** DER definite length: short form below 128, else 0x80|n followed by n big-endian bytes. */
export function encodeDerLength(length: number): number[] {
  if (!Number.isInteger(length) || length < 0) throw new RangeError('DER length must be a non-negative integer');
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** The definite length whose first byte is at `at`: the length and the offset of the content. */
export function readDerLength(der: Uint8Array, at: number): { length: number; offset: number } | undefined {
  const first = der[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, offset: at + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 4) return undefined;
  let length = 0;
  for (let i = 1; i <= count; i++) {
    const byte = der[at + i];
    if (byte === undefined) return undefined;
    length = length * 256 + byte;
  }
  return { length, offset: at + 1 + count };
}

/** The content of the DER element at `at` when its tag is `tag` and it fits in `der`: [start, end). */
export function derElement(der: Uint8Array, at: number, tag: number): [number, number] | undefined {
  const length = der[at] === tag ? readDerLength(der, at + 1) : undefined;
  const end = length && length.offset + length.length;
  return end !== undefined && end <= der.length ? [length!.offset, end] : undefined;
}

export function base64ToBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

/** Standard base64 of a few bytes (a signature). */
export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
