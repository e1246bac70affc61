/**
 * For requests made through openapi-fetch (`KalshiClient.raw`): checks each request's path parameters and decides
 * whether it must be signed. It does not sign: the transport signs each attempt right before sending it (fresh
 * timestamp). The decision travels with the `Request` object in a module-private WeakMap, so nothing is added to
 * the request and nothing global is patched.
 */
import type { Middleware } from 'openapi-fetch';
import { requireCredentials, type SigningContext } from './credentials.js';
import { checkPathParameters } from './path-params.js';

export type { SigningContext } from './credentials.js';

const PUBLIC = Symbol('public');
const decisions = new WeakMap<Request, SigningContext | typeof PUBLIC>();

/** The context `request` must be signed with, or undefined when it is public or was never classified. */
export function signingContextOf(request: Request): SigningContext | undefined {
  const decision = decisions.get(request);
  return decision === PUBLIC ? undefined : decision;
}

/** Whether a signing middleware saw this exact `Request` object (it may have been replaced since). */
export function isClassified(request: Request): boolean {
  return decisions.has(request);
}

/** `"GET /portfolio/balance"`: method and path template, the key of the signed-operations set. */
export function operationKey(method: string, schemaPath: string): string {
  return `${method.toUpperCase()} ${schemaPath}`;
}

/**
 * Marks `request`, a call of `operation` (`"GET /portfolio/balance"`), for signing with `context` when `signed`,
 * else as public. A signed request without credentials throws `KalshiConfigError`: it is never sent unsigned.
 */
export function classifyRequest(
  request: Request,
  operation: string,
  signed: boolean,
  context: SigningContext | undefined,
): void {
  decisions.set(request, signed ? requireCredentials(operation, context) : PUBLIC);
}

/**
 * openapi-fetch middleware: a path parameter that cannot be sent fails with `KalshiPathParameterError` (see
 * `path-params.ts`); requests whose `METHOD schemaPath` is in `signedOperations` are marked for signing; without
 * credentials they fail with `KalshiConfigError`. Either way before anything is signed or sent. Register it
 * first (`client.use(...)`): a later middleware that returns a new `Request` drops the mark, and the
 * transport then signs the replacement whenever the client has credentials (never sends it unsigned).
 */
export function createSigningMiddleware(
  signedOperations: ReadonlySet<string>,
  context: SigningContext | undefined,
): Middleware {
  return {
    onRequest({ request, schemaPath, params }) {
      checkPathParameters(schemaPath, params.path);
      const operation = operationKey(request.method, schemaPath);
      classifyRequest(request, operation, signedOperations.has(operation), context);
      return undefined;
    },
  };
}
