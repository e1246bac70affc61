/**
 * The opening handshake's headers: the REST signing scheme over `GET` and the socket's path (`timestamp + "GET" +
 * "/trade-api/ws/v2"`, no query), signed afresh for every connection attempt, plus the caller's extra headers.
 */
import { authHeaders, HEADER_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP } from '../signing.js';
import type { SigningContext } from '../signing-middleware.js';

const OWN = new Set([HEADER_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP].map((name) => name.toLowerCase()));

export async function handshakeHeaders(
  url: string,
  signing: SigningContext | undefined,
  extra: Readonly<Record<string, string>> | undefined,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(extra ?? {})) if (!OWN.has(name.toLowerCase())) headers[name] = value;
  if (signing === undefined) return headers;
  return {
    ...headers,
    ...(await authHeaders(signing.signer, signing.keyId, 'GET', url)),
  };
}
