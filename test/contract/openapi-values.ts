/**
 * Builds calls of the generated client from an OpenAPI 3.0 document: for each operation, the wrapper name, its
 * path parameters (in path order) and one object of query parameters and body fields, filled with values that are
 * valid for the document's schemas. A small value generator: `$ref` (local), `allOf` (merged), `enum`, `type`,
 * `format`, `minimum`/`maximum`, `minLength`/`maxLength`, `minItems`/`maxItems`, `required`; bounded depth.
 */

export type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
  tags?: { name: string }[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  tags: string[];
  /** The generated wrapper's name: the operationId with a lower-case first letter. */
  wrapper: string;
  secured: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: { required: boolean; schema: Schema } | undefined;
}

export interface Call {
  operation: Operation;
  /** The wrapper's arguments, without the trailing per-call options. */
  args: unknown[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const MAX_DEPTH = 8;

/** `$ref` → the referenced node (local refs only). */
export function deref<T>(doc: OpenApiDocument, node: T | { $ref: string }): T {
  let current: unknown = node;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (current as { $ref?: unknown } | undefined)?.$ref;
    if (typeof ref !== 'string') return current as T;
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`Unresolved $ref ${ref}`);
  }
  throw new Error('$ref chain too long');
}

/** The schema with `$ref` followed and `allOf` merged into one object (properties and required lists united). */
export function flatten(doc: OpenApiDocument, input: Schema | undefined, depth = 0): Schema {
  if (input === undefined) return {};
  if (depth > MAX_DEPTH) throw new Error('allOf/$ref nesting too deep');
  const schema = deref<Schema>(doc, input);
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : [];
  if (parts.length === 0) return schema;
  const merged: Schema = {};
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  for (const part of [...parts.map((p) => flatten(doc, p, depth + 1)), { ...schema, allOf: undefined }]) {
    for (const [key, value] of Object.entries(part)) {
      if (value === undefined) continue;
      if (key === 'properties') Object.assign(properties, value);
      else if (key === 'required') for (const name of value as string[]) required.add(name);
      else if (key !== 'allOf') merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

export interface SampleOptions {
  /** Fill optional object properties too (default: required ones only). */
  optional?: boolean;
  /** Array length to aim for (clamped to minItems/maxItems). Default 1. */
  arrayLength?: number;
}

/** A value valid for `schema`. Deterministic. */
export function sample(doc: OpenApiDocument, input: Schema | undefined, options: SampleOptions = {}, depth = 0): unknown {
  const schema = flatten(doc, input);
  if (depth > MAX_DEPTH) return undefined;
  const enumValues = Array.isArray(schema.enum) ? schema.enum.filter((v) => v !== null) : [];
  if (enumValues.length > 0) return enumValues[0];
  const type = typeof schema.type === 'string' ? schema.type : schema.properties ? 'object' : schema.items ? 'array' : undefined;
  switch (type) {
    case 'integer':
    case 'number':
      return sampleNumber(schema, type === 'integer');
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
      const length = Math.max(min, Math.min(options.arrayLength ?? 1, max));
      const itemSchema = flatten(doc, schema.items as Schema | undefined);
      const items = Array.from({ length }, () => sample(doc, itemSchema, options, depth + 1));
      const free = itemSchema.enum === undefined && itemSchema.format === undefined && itemSchema.pattern === undefined;
      return free ? distinct(items, typeof itemSchema.maxLength === 'number' ? itemSchema.maxLength : Number.POSITIVE_INFINITY) : items;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      for (const [name, property] of Object.entries(properties)) {
        if (!required.has(name) && !options.optional) continue;
        if (!required.has(name) && (flatten(doc, property).deprecated === true || flatten(doc, property).readOnly === true)) continue;
        const value = sample(doc, property, options, depth + 1);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    default:
      // No type: anything goes; a string is the least surprising.
      return 'x';
  }
}

/** Makes string/number array items distinct (uniqueItems-safe, and tells apart `a=1&a=2` from a single value). */
function distinct(items: unknown[], maxLength: number): unknown[] {
  return items.map((item, i) => {
    if (i === 0 || typeof item !== 'string') return item;
    const suffix = String(i + 1);
    return item.length + suffix.length <= maxLength ? item + suffix : item.slice(0, Math.max(0, maxLength - suffix.length)) + suffix;
  });
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum - (schema.exclusiveMaximum === true ? 1 : 0) : undefined;
  let value = typeof schema.default === 'number' ? schema.default : 1;
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'date-time':
      return '2025-01-02T03:04:05Z';
    case 'date':
      return '2025-01-02';
    case 'uuid':
      return '0b5e1f0e-7d4a-4c1b-9a57-3c1d2e4f5a6b';
    case 'email':
      return 'test@example.com';
    case 'uri':
      return 'https://example.com/';
    default: {
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
      let value = typeof schema.default === 'string' ? schema.default : 'TEST-1';
      if (value.length < min) value = value.padEnd(min, 'x');
      if (value.length > max) value = value.slice(0, max);
      return value;
    }
  }
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = ((item.parameters ?? []) as Parameter[]).map((p) => deref<Parameter>(doc, p));
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (op === undefined) continue;
      const own = ((op.parameters ?? []) as Parameter[]).map((p) => deref<Parameter>(doc, p));
      const params = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const byName = new Map(params.filter((p) => p.in === 'path').map((p) => [p.name, p]));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
        const param = byName.get(name as string);
        if (param === undefined) throw new Error(`${method.toUpperCase()} ${path}: no parameter for {${name}}`);
        return param;
      });
      const requestBody = op.requestBody === undefined ? undefined : deref<Record<string, unknown>>(doc, op.requestBody as Schema);
      const json = (requestBody?.content as Record<string, { schema?: Schema }> | undefined)?.['application/json'];
      const security = (op.security ?? (doc as { security?: unknown[] }).security ?? []) as Record<string, unknown>[];
      const operationId = String(op.operationId);
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId,
        tags: (op.tags ?? []) as string[],
        wrapper: operationId.charAt(0).toLowerCase() + operationId.slice(1),
        secured: security.some((requirement) => Object.keys(requirement).length > 0),
        pathParams,
        queryParams: params.filter((p) => p.in === 'query'),
        body: json === undefined ? undefined : { required: requestBody?.required === true, schema: json.schema ?? {} },
      });
    }
  }
  return operations;
}

/**
 * The wrapper's arguments: path parameters as strings (path order), then, when the operation has query
 * parameters or a body, one object holding the query parameters and body fields.
 * `optional: false` fills required query parameters and required body fields only.
 */
export function callFor(doc: OpenApiDocument, operation: Operation, options: SampleOptions = {}): Call {
  const args: unknown[] = operation.pathParams.map((p) => String(sample(doc, p.schema ?? { type: 'string' })));
  if (operation.queryParams.length === 0 && operation.body === undefined) return { operation, args };
  const params: Record<string, unknown> = {};
  for (const query of operation.queryParams) {
    if (!query.required && (!options.optional || (query as { deprecated?: unknown }).deprecated === true)) continue;
    // Two array items, so a wrong array serialisation (`a=1,2` for `a=1&a=2`) is visible.
    params[query.name] = sample(doc, query.schema, { ...options, arrayLength: 2 });
  }
  if (operation.body !== undefined) {
    const fields = sample(doc, operation.body.schema, options);
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      throw new Error(`${operation.operationId}: the body is not an object; the wrapper cannot take it as fields`);
    }
    Object.assign(params, fields);
  }
  args.push(params);
  return { operation, args };
}

/** The path every server URL of the document shares (`/trade-api/v2`); throws when they disagree. */
export function serverBasePath(doc: OpenApiDocument): string {
  const paths = new Set((doc.servers ?? []).map((server) => new URL(server.url).pathname.replace(/\/+$/, '')));
  if (paths.size > 1) throw new Error(`The servers disagree on the base path: ${[...paths].join(', ')}`);
  return [...paths][0] ?? '';
}

/**
 * The document with every path prefixed by the servers' base path (and the servers dropped). Prism mocks at
 * the document's paths and ignores the server URL's path, while a client sends `<server path><path>`; this is the
 * same API with the prefix folded into the paths.
 */
export function withBasePathInPaths(doc: OpenApiDocument): OpenApiDocument {
  const base = serverBasePath(doc);
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, item] of Object.entries(doc.paths)) paths[base + path] = item;
  const { servers: _servers, ...rest } = doc;
  return { ...rest, paths };
}
