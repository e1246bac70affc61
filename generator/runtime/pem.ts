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
  if (typeof input !== 'string' || input.trim() === '') {
    throw new KalshiConfigError(`The private key is empty: ${EXPECTED}.`);
  }
  let text = input.trim().replace(/\\r/g, '').replace(/\\n/g, '\n').replace(/\r/g, '');
  if (/^(["'`]).*\1$/s.test(text)) text = text.slice(1, -1).trim();
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text);
  if (!begin || begin[1] === undefined) throw new KalshiConfigError(`The private key is not PEM: ${EXPECTED}.`);
  const label = begin[1];
  const format = LABELS[label];
  if (format === undefined) {
    const hint = /PUBLIC KEY/.test(label)
      ? 'it is a public key'
      : /ENCRYPTED/.test(label)
        ? 'encrypted keys are not supported, decrypt it first'
        : `found a "${label.slice(0, 40)}" block`;
    throw new KalshiConfigError(`Unsupported private key (${hint}): ${EXPECTED}.`);
  }
  const endMarker = `-----END ${label}-----`;
  const endAt = text.indexOf(endMarker, begin.index + begin[0].length);
  if (endAt < 0) throw new KalshiConfigError(`The private key PEM has no "${endMarker}" line: ${EXPECTED}.`);
  const inner = text.slice(begin.index + begin[0].length, endAt);
  if (/Proc-Type:\s*4,ENCRYPTED|DEK-Info:/i.test(inner)) {
    throw new KalshiConfigError(
      `Unsupported private key (encrypted keys are not supported, decrypt it first): ${EXPECTED}.`,
    );
  }
  const body = inner.replace(/\s+/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new KalshiConfigError(`The private key PEM body is not valid base64: ${EXPECTED}.`);
  }
  const lines = body.match(/.{1,64}/g) ?? [];
  return { format, body, pem: `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n` };
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
  const inner = readDerLength(der, 1);
  if (der[0] !== 0x30 || inner === undefined || inner.offset + inner.length !== der.length) {
    throw new KalshiConfigError(
      `The private key is not a valid PKCS#1 RSAPrivateKey (bad DER structure): ${EXPECTED}.`,
    );
  }
  const octetString = [0x04, ...encodeDerLength(der.length)];
  const contentLength = VERSION_0.length + RSA_ALGORITHM_ID.length + octetString.length + der.length;
  const head = [0x30, ...encodeDerLength(contentLength), ...VERSION_0, ...RSA_ALGORITHM_ID, ...octetString];
  const out = new Uint8Array(head.length + der.length);
  out.set(head, 0);
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

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
