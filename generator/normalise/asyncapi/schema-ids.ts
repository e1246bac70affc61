import { escapePointer, isObject, jsonEqual, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { withoutParserKeys } from './schemas.ts';

/**
 * Mintlify's derived pages give each message's payload as the AsyncAPI parser resolved it (`jsonPayloadSchema`):
 * every `$ref` replaced by a copy of its target, the target's name kept as `x-parser-schema-id` (`tickerPayload`,
 * `marketSide`; `<anonymous-schema-12>` for inline schemas). Lifting the named copies back out gives the page the
 * same component schemas and `$ref`s as the document it was rendered from. What the parser dropped stays lost:
 * keys beside a `$ref` (`deprecated`, a field's own `description`).
 */

type Path = (string | number)[];

export interface LiftedSchema {
  value: JsonObject;
  /** Where the first copy is in the page's block, for its line. */
  path: Path;
}

const ANONYMOUS = /^<anonymous-schema-\d+>$/;
const LIST_KEYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_KEYS = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else'];
const MAP_KEYS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

/**
 * `schema` (found at `path`) with every named copy replaced by a `$ref` to `#/components/schemas/<name>`; each
 * named schema is added to `found` once. A name met again with a different definition is passed to `conflict`.
 */
export function liftSchemaIds(
  schema: JsonObject,
  path: Path,
  found: Map<string, LiftedSchema>,
  conflict: (name: string, first: LiftedSchema, path: Path) => void,
): JsonObject {
  const node: JsonObject = {};
  for (const [key, value] of Object.entries(withoutParserKeys(schema))) node[key] = liftChild(key, value, [...path, key], found, conflict);
  const id = schema['x-parser-schema-id'];
  if (typeof id !== 'string' || ANONYMOUS.test(id) || id === '') return node;
  const known = found.get(id);
  if (!known) found.set(id, { value: node, path });
  else if (!jsonEqual(known.value, node)) conflict(id, known, path);
  return { $ref: `#/components/schemas/${escapePointer(id)}` };
}

function liftChild(
  key: string,
  value: JsonValue,
  path: Path,
  found: Map<string, LiftedSchema>,
  conflict: (name: string, first: LiftedSchema, path: Path) => void,
): JsonValue {
  const lift = (v: JsonValue, p: Path): JsonValue => (isObject(v) ? liftSchemaIds(v, p, found, conflict) : v);
  if (LIST_KEYS.includes(key) && Array.isArray(value)) return value.map((v, i) => lift(v, [...path, i]));
  if (SCHEMA_KEYS.includes(key)) return lift(value, path);
  if (MAP_KEYS.includes(key) && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, lift(v, [...path, name])]));
  }
  return value;
}
