/**
 * Path parameters, checked before a request exists. `encodeURIComponent` leaves `.` and `..` alone and the URL
 * parser resolves them, so `getOrder('..')` would become `GET /portfolio/` and `deleteRFQQuote('..', id)` another
 * operation's `DELETE`; a missing value would be sent as a literal `{order_id}`. Every value must be a non-blank
 * string other than `.` and `..`, or a finite number; anything else throws `KalshiPathParameterError`, so nothing
 * is signed or sent.
 *
 * Two places use this: the client's openapi-fetch `pathSerializer` (every call that has path values, before the
 * URL is built) and the signing middleware (also calls with no path values at all, and raw calls that bring their
 * own serializer).
 */
import { KalshiPathParameterError } from './request-errors.js';
import { valueKind } from './value-kind.js';

/** `{order_id}`, and openapi-fetch's style forms `{.name}` (label), `{;name}` (matrix), `{name*}` (explode). */
const PLACEHOLDER = /\{([^}]+)\}/g;

/** The encoded path segment for one value, or a `KalshiPathParameterError` naming the parameter and the path. */
export function encodePathValue(path: string, name: string, value: unknown): string {
  const fail = (problem: string): never => {
    throw new KalshiPathParameterError(`Path parameter "${name}" of ${path} ${problem}. Nothing was signed or sent.`, {
      parameter: name,
      path,
    });
  };
  if (value === undefined || value === null) return fail(`is ${String(value)}: pass a value`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`is ${String(value)}: pass a finite number or a string`);
    return encodeURIComponent(String(value));
  }
  if (typeof value !== 'string') return fail(`must be a string or a number, got ${valueKind(value)}`);
  if (value.trim() === '') fail(value === '' ? 'is empty' : 'is blank');
  if (value === '.' || value === '..') {
    fail(`is "${value}", a dot segment: the URL parser would resolve it and send the request to another path`);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    return fail('is not well-formed Unicode (it holds a lone surrogate)');
  }
}

/** Each placeholder's name (style markers removed) with the text it replaces. */
function placeholders(template: string): { match: string; name: string; style: 'simple' | 'label' | 'matrix' }[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => {
    let name = (m[1] ?? '').replace(/\*$/, '');
    let style: 'simple' | 'label' | 'matrix' = 'simple';
    if (name.startsWith('.')) [style, name] = ['label', name.slice(1)];
    else if (name.startsWith(';')) [style, name] = ['matrix', name.slice(1)];
    return { match: m[0], name, style };
  });
}

/** Throws `KalshiPathParameterError` for the first placeholder of `path` whose value cannot be sent. */
export function checkPathParameters(path: string, values: Readonly<Record<string, unknown>> | undefined): void {
  for (const { name } of placeholders(path)) encodePathValue(path, name, values?.[name]);
}

/**
 * openapi-fetch's `pathSerializer` for a client whose URLs start with `baseUrl`: fills every placeholder like
 * openapi-fetch's default does for a string or number, after checking it. Errors name the path without the base.
 */
export function createPathSerializer(baseUrl: string): (url: string, values: Record<string, unknown>) => string {
  return (url, values) => {
    const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
    let out = url;
    for (const { match, name, style } of placeholders(url)) {
      const encoded = encodePathValue(path, name, values[name]);
      const segment = style === 'label' ? `.${encoded}` : style === 'matrix' ? `;${name}=${encoded}` : encoded;
      out = out.replace(match, () => segment);
    }
    return out;
  };
}
