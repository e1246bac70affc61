/**
 * The smallest RSA key the client accepts: 2048 bits, what Kalshi issues. A smaller key is refused when the client
 * is constructed; otherwise it would fail only later, on the first signed request (a 512-bit key cannot even hold
 * an RSA-PSS / SHA-256 signature with a 32-byte salt).
 */
import { KalshiConfigError } from './errors.js';
import { derElement, EXPECTED } from './pem.js';

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

/** From the start of a PrivateKeyInfo to its modulus: DER tags, and whether to step into (1) or over (0) each. */
const TO_MODULUS = [
  [0x30, 1], // PrivateKeyInfo
  [0x02, 0], // version
  [0x30, 0], // algorithm
  [0x04, 1], // OCTET STRING
  [0x30, 1], // RSAPrivateKey
  [0x02, 0], // version
] as const;

/** The modulus size of a PKCS#8 RSA private key; undefined when the DER is not shaped like one. */
export function rsaModulusBits(pkcs8: Uint8Array): number | undefined {
  let at = 0;
  for (const [tag, into] of TO_MODULUS) {
    const element = derElement(pkcs8, at, tag);
    if (element === undefined) return undefined;
    at = element[1 - into] as number;
  }
  const modulus = derElement(pkcs8, at, 0x02);
  if (modulus === undefined) return undefined;
  let [first, end] = modulus;
  while (first < end && pkcs8[first] === 0) first++;
  return first === end ? undefined : (end - first - 1) * 8 + 32 - Math.clz32(pkcs8[first] as number);
}
