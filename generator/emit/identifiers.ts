import { camelCase, pascalCase } from '../normalise/names.ts';

/**
 * Names copied from the spec into code go through here: only ASCII letters and digits survive, a leading
 * digit is prefixed, and reserved words or names the client already uses get a suffix. Whatever a page
 * says, the result is a plain identifier.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield await any boolean number string symbol ' +
    'type of arguments eval undefined'
  ).split(' '),
);

/** Members of the generated client class that an operation's wrapper must not shadow. */
export const CLIENT_MEMBERS = new Set(['raw', 'core', 'constructor', 'toString', 'toJSON', 'valueOf', 'hasOwnProperty']);

function safe(name: string, fallback: string): string {
  const cleaned = name || fallback;
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

const PLAIN = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * `GetOrders` → `getOrders`, `GetFCMOrders` → `getFCMOrders`: lowerCamel(operationId), the operation's exported
 * function and the client's method. Reserved words, members of the client and `reserved` (other values the
 * package exports) get the `Operation` suffix.
 */
export function wrapperName(operationId: string, reserved: ReadonlySet<string> = new Set()): string {
  const camel = PLAIN.test(operationId) ? operationId[0]!.toLowerCase() + operationId.slice(1) : camelCase(operationId);
  const name = safe(camel, 'operation');
  return CLIENT_MEMBERS.has(name) || RESERVED.has(name) || reserved.has(name) ? `${name}Operation` : name;
}

/** `GetOrders` → `GetOrders`: the stem of the operation's exported type names. */
export function typeStem(operationId: string): string {
  return safe(PLAIN.test(operationId) ? operationId[0]!.toUpperCase() + operationId.slice(1) : pascalCase(operationId), 'Operation');
}

/** `order_id` → `orderId`: a parameter name of a wrapper method. */
export function parameterIdentifier(name: string, taken: ReadonlySet<string>): string {
  let id = safe(camelCase(name), 'param');
  if (RESERVED.has(id)) id = `${id}Param`;
  while (taken.has(id)) id = `${id}_`;
  return id;
}
