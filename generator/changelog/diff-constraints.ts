import { jsonEqual, type JsonValue } from '../openapi/json.ts';

/**
 * Changes of the keywords that constrain values without changing their TypeScript type (minimum, maximum,
 * lengths, pattern, item counts) and of `default`. Each is `stricter` (a value valid before may be refused
 * now), `looser`, or `default`; rules.ts decides what that means on each side.
 */
export interface ConstraintChange {
  key: string;
  /** `maximum 1000 → 500`, `pattern added ^[A-Z]+$`, `default 100 → 200`. */
  text: string;
  qualifier: 'stricter' | 'looser' | 'default';
}

const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems']);

export function constraintChanges(before: ReadonlyMap<string, JsonValue>, after: ReadonlyMap<string, JsonValue>): ConstraintChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: ConstraintChange[] = [];
  for (const key of keys) {
    const b = before.get(key);
    const a = after.get(key);
    if (jsonEqual(b, a)) continue;
    const text = b === undefined ? `${key} ${show(a)} added` : a === undefined ? `${key} ${show(b)} removed` : `${key} ${show(b)} → ${show(a)}`;
    changes.push({ key, text, qualifier: qualifierOf(key, b, a) });
  }
  return changes;
}

function qualifierOf(key: string, before: JsonValue | undefined, after: JsonValue | undefined): ConstraintChange['qualifier'] {
  if (key === 'default') return 'default';
  if (after === undefined) return 'looser';
  if (before === undefined) return 'stricter';
  if (typeof before === 'number' && typeof after === 'number') {
    if (LOWER_BOUNDS.has(key)) return after > before ? 'stricter' : 'looser';
    if (UPPER_BOUNDS.has(key)) return after < before ? 'stricter' : 'looser';
  }
  if (key === 'uniqueItems') return after === true ? 'stricter' : 'looser';
  // A changed pattern or multipleOf may refuse values the old one accepted.
  return 'stricter';
}

const show = (value: JsonValue | undefined) => (typeof value === 'string' ? value : JSON.stringify(value));
