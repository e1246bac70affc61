/**
 * The `cause` kept on a client error, made as safe as its message. A custom signer or `fetch` may fail with the
 * PEM or a signature in its message, its stack, a field (`config.headers`) or its own cause; `err.cause` and
 * `console.dir(err)` must not show them. A cause with nothing to redact is kept as it is (the caller's own abort
 * reason stays the same object); otherwise it is replaced by a copy with the same prototype, so `instanceof`
 * and `name` still work.
 */
import { isSecretName, REDACTED, redact } from './redact.js';

const MAX_DEPTH = 8;
/** Fields copied from the original because the prototype may define them as getters that need the real object. */
const IDENTITY_FIELDS = ['name', 'code', 'errno', 'syscall'] as const;

export function redactCause(cause: unknown): unknown {
  return needsRedaction(cause, 0, new WeakSet()) ? redactedCopy(cause, 0, new WeakMap()) : cause;
}

/** Whether `value` holds anything `redact` would change, or a secret-named field. */
function needsRedaction(value: unknown, depth: number, seen: WeakSet<object>): boolean {
  if (typeof value === 'string') return redact(value) !== value;
  if (value === null || typeof value !== 'object') return false;
  if (seen.has(value)) return false;
  if (depth > MAX_DEPTH) return true;
  seen.add(value);
  for (const [key, item] of fieldsOf(value)) {
    if (isSecretName(key) && item !== undefined && item !== REDACTED) return true;
    if (needsRedaction(item, depth + 1, seen)) return true;
  }
  return false;
}

function redactedCopy(value: unknown, depth: number, copies: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (copies.has(value)) return copies.get(value);
  if (depth > MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    copies.set(value, items);
    for (const item of value) items.push(redactedCopy(item, depth + 1, copies));
    return items;
  }
  if (!(value instanceof Error)) {
    const fields: Record<string, unknown> = {};
    copies.set(value, fields);
    for (const [key, item] of Object.entries(value)) {
      fields[key] = isSecretName(key) && item !== undefined ? REDACTED : redactedCopy(item, depth + 1, copies);
    }
    return fields;
  }
  const copy = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  copies.set(value, copy);
  for (const field of IDENTITY_FIELDS) {
    const original = read(value, field);
    if (original !== undefined) define(copy, field, typeof original === 'string' ? redact(original) : original);
  }
  for (const [key, item] of fieldsOf(value)) {
    if (IDENTITY_FIELDS.includes(key as (typeof IDENTITY_FIELDS)[number])) continue;
    define(copy, key, isSecretName(key) && item !== undefined ? REDACTED : redactedCopy(item, depth + 1, copies));
  }
  return copy;
}

/** An error's message, stack, cause and own fields (enumerable or not: `util.inspect` shows `errors`, `cause`). */
function fieldsOf(value: object): [string, unknown][] {
  const fields: [string, unknown][] = [];
  const names = new Set(Object.getOwnPropertyNames(value));
  if (value instanceof Error) for (const name of ['message', 'stack', 'cause']) if (name in value) names.add(name);
  for (const name of names) fields.push([name, read(value, name)]);
  return fields;
}

function read(value: object, name: string): unknown {
  try {
    return (value as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function define(target: object, name: string, value: unknown): void {
  const enumerable = !['message', 'stack', 'cause', 'name'].includes(name);
  Object.defineProperty(target, name, { value, enumerable, writable: true, configurable: true });
}
