import { componentName, isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';

/**
 * What a client sees of a schema, whatever way the document spells it: `$ref`s followed, `allOf` members
 * merged (OpenAPI 3.0.3 §4.7.24), wrapper siblings such as `nullable` kept. Two versions of a document may
 * name, rename or inline the same schema; comparing views makes that invisible.
 */
export interface SchemaView {
  /** `object`, `array`, `string`, ...; undefined when the schema allows any type. */
  type?: string;
  format?: string;
  nullable: boolean;
  enum?: JsonValue[];
  properties: Map<string, JsonObject>;
  required: Set<string>;
  items?: JsonObject;
  additionalProperties?: JsonObject;
  /** `oneOf` / `anyOf` alternatives. */
  variants: JsonObject[];
  /** The first component the schema refers to, e.g. `Order` for `{allOf: [{$ref: .../Order}], nullable: true}`. */
  name?: string;
  deprecated: boolean;
  /** Validation keywords and `default` (see CONSTRAINT_KEYS), the outermost value winning. */
  constraints: Map<string, JsonValue>;
}

/** The keywords that constrain values without changing their TypeScript type, and `default`. */
export const CONSTRAINT_KEYS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'default',
] as const;

/** Bounds `$ref` chains and `allOf` nesting, so a malformed document cannot recurse forever. */
const MAX_DEPTH = 32;

export function viewOf(document: JsonObject, schema: unknown): SchemaView {
  const view: SchemaView = { nullable: false, properties: new Map(), required: new Set(), variants: [], deprecated: false, constraints: new Map() };
  collect(document, schema, view, 0);
  if (view.type === undefined && view.properties.size > 0) view.type = 'object';
  if (view.type === undefined && view.items !== undefined) view.type = 'array';
  return view;
}

function collect(document: JsonObject, schema: unknown, view: SchemaView, depth: number): void {
  if (!isObject(schema) || depth > MAX_DEPTH) return;
  if (typeof schema.$ref === 'string') {
    view.name ??= componentName(schema.$ref);
    collect(document, followPointer(document, schema.$ref), view, depth + 1);
    return;
  }
  if (typeof schema.type === 'string') view.type ??= schema.type;
  if (typeof schema.format === 'string') view.format ??= schema.format;
  if (schema.nullable === true) view.nullable = true;
  if (schema.deprecated === true) view.deprecated = true;
  for (const key of CONSTRAINT_KEYS) if (schema[key] !== undefined && !view.constraints.has(key)) view.constraints.set(key, schema[key]);
  if (Array.isArray(schema.enum)) view.enum ??= schema.enum;
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (isObject(property) && !view.properties.has(name)) view.properties.set(name, property);
    }
  }
  for (const name of Array.isArray(schema.required) ? schema.required : []) if (typeof name === 'string') view.required.add(name);
  if (isObject(schema.items)) view.items ??= schema.items;
  if (isObject(schema.additionalProperties)) view.additionalProperties ??= schema.additionalProperties;
  for (const key of ['oneOf', 'anyOf']) {
    for (const member of Array.isArray(schema[key]) ? schema[key] : []) if (isObject(member)) view.variants.push(member);
  }
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) collect(document, member, view, depth + 1);
}

/** The value a local `$ref` (`#/components/schemas/Order`) points at, or undefined. */
export function followPointer(document: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of ref.slice(2).split('/')) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return isObject(node) ? node : undefined;
}

/** The definition of a component schema (`#/components/schemas/<name>`), or undefined. */
export function componentSchema(document: JsonObject, name: string): JsonObject | undefined {
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const value = schemas[name];
  return isObject(value) ? value : undefined;
}

/** Follows a chain of `$ref`s (parameters, responses, request bodies) to the object they name. */
export function resolveObject(document: JsonObject, value: unknown): JsonObject | undefined {
  let node: unknown = value;
  for (let depth = 0; isObject(node) && typeof node.$ref === 'string'; depth++) {
    if (depth > MAX_DEPTH) return undefined;
    node = followPointer(document, node.$ref);
  }
  return isObject(node) ? node : undefined;
}

/** `integer` → `number` is a widening; anything → no type is too. */
export function typeRelation(before: string | undefined, after: string | undefined): 'wider' | 'narrower' | undefined {
  if (after === undefined || (before === 'integer' && after === 'number')) return 'wider';
  if (before === undefined || (before === 'number' && after === 'integer')) return 'narrower';
  return undefined;
}
