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
const IDENTITY_FIELDS = ['name', 'code', 'errno', 'syscall'];
/** Error fields that are not enumerable on a real error. */
const HIDDEN_FIELDS = ['message', 'stack', 'cause', 'name'];

/** `cause`, or a redacted copy of it when anything in it (fields, nested causes, cycles included) needs redacting. */
export function redactCause(cause: unknown): unknown {
  let changed = false;
  const copies = new WeakMap<object, unknown>();
  const copy = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      const safe = redact(value);
      changed ||= safe !== value;
      return safe;
    }
    if (value === null || typeof value !== 'object') return value;
    if (copies.has(value)) return copies.get(value);
    if (depth > MAX_DEPTH) {
      changed = true;
      return '[…]';
    }
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      copies.set(value, items);
      for (const item of value) items.push(copy(item, depth + 1));
      return items;
    }
    const out = (value instanceof Error ? Object.create(Object.getPrototypeOf(value) as object) : {}) as object;
    copies.set(value, out);
    const names = new Set(value instanceof Error ? IDENTITY_FIELDS : []);
    for (const name of Object.getOwnPropertyNames(value)) names.add(name);
    if (value instanceof Error) for (const name of HIDDEN_FIELDS) if (name in value) names.add(name);
    for (const name of names) {
      const item = read(value, name);
      if (item === undefined && !Object.hasOwn(value, name)) continue;
      const secret = isSecretName(name) && item !== undefined && !IDENTITY_FIELDS.includes(name);
      changed ||= secret && item !== REDACTED;
      Object.defineProperty(out, name, {
        value: secret ? REDACTED : copy(item, depth + 1),
        enumerable: !(value instanceof Error && HIDDEN_FIELDS.includes(name)),
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const safe = copy(cause, 0);
  return changed ? safe : cause;
}

function read(value: object, name: string): unknown {
  try {
    return (value as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}
