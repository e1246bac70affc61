import type { JsonObject, JsonValue } from '../../openapi/json.ts';
import type { Entry } from './sections.ts';

/**
 * The JSON schema an entry documents: its type text (`integer`, `enum<string>`, `object[]`,
 * `string<date-time> | null`) plus default, range, lengths, options and example. Description and
 * deprecation are left to the caller (a parameter carries its own; a property puts them on the schema).
 */
export function schemaOfEntry(entry: Entry): JsonObject {
  const schema = schemaOfType(entry.type);
  const leaf = innermost(schema);
  const leafType = typeof leaf.type === 'string' ? leaf.type : undefined;
  if (entry.options.length > 0) leaf.enum = entry.options.map((o) => scalarOf(o, leafType) ?? o);
  if (entry.range) Object.assign(leaf, boundsOf(entry.range, 'minimum', 'maximum', true));
  if (entry.stringLength) Object.assign(leaf, boundsOf(entry.stringLength, 'minLength', 'maxLength', false));
  if (entry.arrayLength && schema.type === 'array')
    Object.assign(schema, boundsOf(entry.arrayLength, 'minItems', 'maxItems', false));
  const def = entry.default === undefined ? undefined : valueOf(entry.default, schema);
  if (def !== undefined) schema.default = def;
  const example = entry.example === undefined ? undefined : valueOf(entry.example, schema);
  if (example !== undefined) schema.example = example;
  return schema;
}

/** `string<date-time> | null` → `{ type: 'string', format: 'date-time', nullable: true }`. */
export function schemaOfType(text: string): JsonObject {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  const nullable = parts.includes('null');
  const alternatives = parts.filter((p) => p !== 'null').map(schemaOfAtom);
  const schema: JsonObject =
    alternatives.length === 1 ? alternatives[0]! : alternatives.length > 1 ? { oneOf: alternatives } : {};
  if (nullable) schema.nullable = true;
  return schema;
}

function schemaOfAtom(atom: string): JsonObject {
  const match = /^(?:enum<(\w+)>|(\w+)(?:<([\w.-]+)>)?)((?:\[\])*)$/.exec(atom);
  if (!match) return {};
  const base = match[1] ?? match[2]!;
  let schema: JsonObject =
    base === 'any'
      ? {}
      : base === 'file'
        ? { type: 'string', format: 'binary' }
        : base === 'array'
          ? { type: 'array', items: {} }
          : { type: base };
  if (match[3]) schema.format = match[3];
  for (let depth = match[4]!.length / 2; depth > 0; depth--) schema = { type: 'array', items: schema };
  return schema;
}

/** The schema that options and ranges apply to: the item schema of (nested) arrays, else the schema. */
function innermost(schema: JsonObject): JsonObject {
  let leaf = schema;
  while (leaf.type === 'array' && typeof leaf.items === 'object' && leaf.items !== null && !Array.isArray(leaf.items))
    leaf = leaf.items;
  return leaf;
}

/** `100` for an integer, `false` for a boolean, `"0.5000"` (JSON) or `limit` (bare) for a string. */
function valueOf(text: string, schema: JsonObject): JsonValue | undefined {
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  if (type === 'array' || type === 'object') return parseJson(text);
  return scalarOf(text, type);
}

export function scalarOf(text: string, type: string | undefined): JsonValue | undefined {
  const trimmed = text.trim();
  if (type === 'integer' || type === 'number') {
    const n = trimmed === '' ? NaN : Number(trimmed);
    return Number.isFinite(n) && (type === 'number' || Number.isInteger(n)) ? n : undefined;
  }
  if (type === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : undefined;
  if (/^".*"$/s.test(trimmed)) {
    const parsed = parseJson(trimmed);
    if (typeof parsed === 'string') return parsed;
  }
  return text;
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';

/**
 * `1 <= x <= 200` → minimum 1, maximum 200; `x > 0` → minimum 0 with exclusiveMinimum (the OpenAPI 3.0
 * form). For lengths (`exclusive` false) strict bounds become inclusive ones, and `1 - 64` or a single
 * `36` are read too.
 */
export function boundsOf(text: string, min: string, max: string, exclusive: boolean): JsonObject {
  const plain = text.replace(/`/g, '').trim();
  const out: JsonObject = {};
  const span = exclusive
    ? null
    : (new RegExp(`^${NUMBER}\\s*-\\s*${NUMBER}`).exec(plain) ?? new RegExp(`^${NUMBER}(?:\\s|$)`).exec(plain));
  if (span) {
    out[min] = Number(span[1]);
    out[max] = Number(span[2] ?? span[1]);
    return out;
  }
  const lower = boundOf(plain, 'lower');
  const upper = boundOf(plain, 'upper');
  if (lower) out[min] = lower.strict && !exclusive ? lower.value + 1 : lower.value;
  if (lower?.strict && exclusive) out[`exclusive${capital(min)}`] = true;
  if (upper) out[max] = upper.strict && !exclusive ? upper.value - 1 : upper.value;
  if (upper?.strict && exclusive) out[`exclusive${capital(max)}`] = true;
  return out;
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Lower bound from `N <= x` / `N < x` / `x >= N` / `x > N`; upper bound from the mirrored forms. */
function boundOf(plain: string, side: 'lower' | 'upper'): { value: number; strict: boolean } | undefined {
  const [before, after] = side === 'lower' ? ['<', '>'] : ['>', '<'];
  const forms: [RegExp, number, number][] = [
    [new RegExp(`${NUMBER}\\s*(${before}=?)\\s*x`), 1, 2],
    [new RegExp(`x\\s*(${after}=?)\\s*${NUMBER}`), 2, 1],
  ];
  for (const [pattern, value, operator] of forms) {
    const match = pattern.exec(plain);
    if (match) return { value: Number(match[value]), strict: !match[operator]!.endsWith('=') };
  }
  return undefined;
}
