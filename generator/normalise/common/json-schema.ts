import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { mapSchemaTree } from '../../openapi/schema-walk.ts';
import { nullBranches, typeList } from './type-lists.ts';

/**
 * OpenAPI 3.1 Schema Objects (full JSON Schema 2020-12, §4.8.24) → OpenAPI 3.0 Schema Objects (§4.7.24), as
 * Mintlify renders them from 3.1 sources and as embedded 3.1 excerpts hold them. What maps exactly:
 * - `type: [T, 'null']` → `type: T, nullable: true`; several types → `anyOf` of one schema per type;
 * - `type: 'null'` (alone or as an `anyOf`/`oneOf` branch, also the derived `{nullable: true}` branch) → `nullable`;
 * - `const: v` → `enum: [v]`; an `enum` holding `null` → also `nullable`;
 * - `exclusiveMinimum: n` / `exclusiveMaximum: n` (numbers) → `minimum`/`maximum: n` + the boolean form;
 * - `examples: [a, …]` → `example: a`; `contentEncoding: base64` → `format: byte`; a binary `contentMediaType`
 *   → `format: binary`; boolean subschemas `true`/`false` → `{}` / `{not: {}}`;
 * - a discriminator `mapping` whose values are schemas (Mintlify inlines them) → their `$ref`s.
 * What has no 3.0 form is dropped and reported through `lost` (`if`/`then`/`else`, `prefixItems`, ...): the
 * type then accepts more than the page says, never less. Nullability is settled in merge (`nullable-refs.ts`),
 * where the types of referenced schemas are known.
 */

export type LossReporter = (message: string) => void;

const DROPPED = [
  'if', 'then', 'else', 'dependentSchemas', 'dependentRequired', 'unevaluatedProperties', 'unevaluatedItems',
  'contains', 'minContains', 'maxContains', 'propertyNames', '$dynamicRef', '$dynamicAnchor', '$defs', 'definitions',
];
const SILENT = ['$schema', '$id', '$anchor', '$comment', '$vocabulary', 'contentSchema'];
const BINARY_MEDIA = /^(application\/(octet-stream|pdf|zip)|image\/|audio\/|video\/)/;

export function downgradeSchema(schema: JsonObject, lost: LossReporter): JsonObject {
  return mapSchemaTree(booleanChildren(schema), (node) => downgradeNode(booleanChildren(node), lost));
}

function downgradeNode(input: JsonObject, lost: LossReporter): JsonObject {
  let node: JsonObject = { ...input };
  if (Array.isArray(node.type) || node.type === 'null') node = typeList(node);
  if (Object.hasOwn(node, 'const')) {
    const { const: value, ...rest } = node;
    node = { ...rest, enum: [value ?? null] };
  }
  if (Array.isArray(node.enum) && node.enum.includes(null)) node.nullable = true;
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof node[exclusive] === 'number') {
      node[bound] = node[exclusive]!;
      node[exclusive] = true;
    }
  }
  if (Array.isArray(node.examples)) {
    const { examples, ...rest } = node;
    node = examples.length > 0 && rest.example === undefined ? { ...rest, example: examples[0]! } : rest;
  }
  node = contentKeywords(node);
  node = nullBranches(node, 'anyOf');
  node = nullBranches(node, 'oneOf');
  if (isObject(node.patternProperties)) node = patternProperties(node, lost);
  if (Array.isArray(node.prefixItems)) node = prefixItems(node, lost);
  if (Array.isArray(node.items)) {
    const tuple = node.items.filter(isObject).map((item) => downgradeSchema(item, lost));
    node.items = tuple.length === 1 ? tuple[0]! : { anyOf: tuple };
    if (tuple.length > 1) lost('array `items` given as a list (a tuple) became one item schema accepting any of them');
  }
  if (isObject(node.discriminator)) node = discriminator(node, lost);
  const dropped = DROPPED.filter((key) => Object.hasOwn(node, key));
  if (dropped.length > 0) lost(`JSON Schema keyword(s) ${dropped.join(', ')} have no OpenAPI 3.0 form and were dropped (the type accepts more than the page says)`);
  for (const key of [...DROPPED, ...SILENT]) delete node[key];
  return node;
}

function contentKeywords(node: JsonObject): JsonObject {
  if (node.contentEncoding === undefined && node.contentMediaType === undefined) return node;
  const { contentEncoding, contentMediaType, ...rest } = node;
  if (rest.format === undefined) {
    if (contentEncoding === 'base64') rest.format = 'byte';
    else if (typeof contentMediaType === 'string' && BINARY_MEDIA.test(contentMediaType)) rest.format = 'binary';
  }
  if (rest.type === undefined && rest.format !== undefined) rest.type = 'string';
  return rest;
}

function patternProperties(node: JsonObject, lost: LossReporter): JsonObject {
  const { patternProperties: patterns, ...rest } = node;
  const schemas = Object.values(patterns as JsonObject).map((s) => (isObject(s) ? downgradeSchema(s, lost) : {}));
  if (rest.additionalProperties === undefined || rest.additionalProperties === true) {
    rest.additionalProperties = schemas.length === 1 ? schemas[0]! : { anyOf: schemas };
  }
  lost('`patternProperties` became `additionalProperties` (the type accepts keys the patterns would refuse)');
  return rest;
}

function prefixItems(node: JsonObject, lost: LossReporter): JsonObject {
  const { prefixItems: prefix, ...rest } = node;
  const schemas = (prefix as JsonValue[]).filter(isObject).map((s) => downgradeSchema(s, lost));
  const all = isObject(rest.items) && !isObject(rest.items.not) ? [...schemas, rest.items] : schemas;
  rest.items = all.length === 1 ? all[0]! : { anyOf: all };
  lost('`prefixItems` (a tuple) became one item schema accepting any of its members (the type accepts more than the page says)');
  return rest;
}

/** Mapping values must be `$ref` strings or schema names; Mintlify's derived pages inline the schemas. */
function discriminator(node: JsonObject, lost: LossReporter): JsonObject {
  const source = node.discriminator as JsonObject;
  if (typeof source.propertyName !== 'string') {
    const { discriminator: _dropped, ...rest } = node;
    lost('a discriminator without `propertyName` was dropped');
    return rest;
  }
  if (source.mapping === undefined) return node;
  const mapping: JsonObject = {};
  for (const [value, target] of isObject(source.mapping) ? Object.entries(source.mapping) : []) {
    const ref = typeof target === 'string' ? target : isObject(target) ? refOf(target) : undefined;
    if (ref) mapping[value] = ref;
    else lost(`discriminator mapping "${value}" names no schema and was dropped`);
  }
  const { mapping: _raw, ...rest } = source;
  return { ...node, discriminator: Object.keys(mapping).length > 0 ? { ...rest, mapping } : rest };
}

function refOf(target: JsonObject): string | undefined {
  if (typeof target.$ref === 'string') return target.$ref;
  if (typeof target.refIdentifier === 'string') return target.refIdentifier;
  const members = Array.isArray(target.allOf) ? target.allOf : [];
  return members.length === 1 && isObject(members[0]) && typeof members[0].$ref === 'string' ? members[0].$ref : undefined;
}

/** `true` / `false` where a schema belongs (JSON Schema allows both) → `{}` / `{not: {}}`. */
function booleanChildren(node: JsonObject): JsonObject {
  const asSchema = (v: JsonValue): JsonValue => (v === true ? {} : v === false ? { not: {} } : v);
  let out: JsonObject | undefined;
  const set = (key: string, value: JsonValue) => ((out ??= { ...node })[key] = value);
  if (isObject(node.properties) && Object.values(node.properties).some((v) => typeof v === 'boolean')) {
    set('properties', Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, asSchema(v)])));
  }
  for (const key of ['items', 'not']) if (typeof node[key] === 'boolean') set(key, asSchema(node[key]!));
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list) && list.some((v) => typeof v === 'boolean')) set(key, list.map(asSchema));
  }
  return out ?? node;
}
