/**
 * The smallest RSA key the client accepts: 2048 bits, what Kalshi issues. A smaller key is refused when the client
 * is constructed; otherwise it would fail only later, on the first signed request (a 512-bit key cannot even hold
 * an RSA-PSS / SHA-256 signature with a 32-byte salt).
 */
import { KalshiConfigError } from './errors.js';
import { EXPECTED, readDerLength } from './pem.js';

export const MIN_RSA_KEY_BITS = 2048;

/** Throws `KalshiConfigError` for a key under `MIN_RSA_KEY_BITS`, or whose size cannot be read. */
export function checkRsaKeyBits(bits: number | undefined): void {
  if (bits === undefined) {
    throw new KalshiConfigError(
      `The private key is not an RSA private key (no RSA modulus could be read): ${EXPECTED}.`,
    );
  }
  if (bits < MIN_RSA_KEY_BITS) {
    throw new KalshiConfigError(
      `The private key is a ${bits}-bit RSA key; at least ${MIN_RSA_KEY_BITS} bits are required (Kalshi issues ` +
        `${MIN_RSA_KEY_BITS}-bit keys). Create a new API key in Kalshi's settings.`,
    );
  }
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function tlv(der: Uint8Array, at: number, tag: number): Tlv | undefined {
  if (der[at] !== tag) return undefined;
  const length = readDerLength(der, at + 1);
  if (length === undefined || length.offset + length.length > der.length) return undefined;
  return { tag, start: length.offset, end: length.offset + length.length };
}

/**
 * The modulus size of a PKCS#8 RSA private key: PrivateKeyInfo { version, algorithm, OCTET STRING {
 * RSAPrivateKey { version, modulus, ... } } }. Undefined when the DER is not shaped like one.
 */
export function rsaModulusBits(pkcs8: Uint8Array): number | undefined {
  const info = tlv(pkcs8, 0, 0x30);
  const version = info && tlv(pkcs8, info.start, 0x02);
  const algorithm = version && tlv(pkcs8, version.end, 0x30);
  const octets = algorithm && tlv(pkcs8, algorithm.end, 0x04);
  const key = octets && tlv(pkcs8, octets.start, 0x30);
  const keyVersion = key && tlv(pkcs8, key.start, 0x02);
  const modulus = keyVersion && tlv(pkcs8, keyVersion.end, 0x02);
  if (!modulus) return undefined;
  let first = modulus.start;
  while (first < modulus.end && pkcs8[first] === 0) first++;
  if (first === modulus.end) return undefined;
  return (modulus.end - first - 1) * 8 + (32 - Math.clz32(pkcs8[first] as number));
}
